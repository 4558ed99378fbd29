// The web app's non-DOM logic (router, i18n, problems, chart geometry) under jest; the pages
// themselves are proven in Chromium by the e2e tier (src/e2e).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = JSON.parse(readFileSync(join(__dirname, '../../.swcrc.json'), 'utf8'));
const tier = process.env.LEERZONE_WEB_TIER === 'e2e' ? 'e2e' : 'unit';

module.exports = {
  rootDir: __dirname,
  displayName: `@leerzone/web (${tier})`,
  testEnvironment: 'node',
  // Workspace packages from their TypeScript sources, as every other project's tests.
  testEnvironmentOptions: { customExportConditions: ['@leerzone/source', 'node', 'require', 'default'] },
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: tier === 'e2e' ? ['<rootDir>/src/**/*.e2e.spec.ts'] : ['<rootDir>/src/**/*.spec.ts'],
  testPathIgnorePatterns: tier === 'e2e' ? ['/node_modules/', '/dist/'] : ['/node_modules/', '/dist/', '\\.e2e\\.spec\\.ts$'],
  testTimeout: tier === 'e2e' ? 240_000 : 10_000,
  passWithNoTests: false,
};
