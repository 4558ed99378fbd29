// Shared jest settings. Tests import workspace packages through the `@leerzone/source`
// export condition, so they run against TypeScript sources without a prior build.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = JSON.parse(readFileSync(join(__dirname, '.swcrc.json'), 'utf8'));

const tiers = {
  unit: ['<rootDir>/src/**/*.spec.ts'],
  int: ['<rootDir>/src/**/*.int.spec.ts'],
  e2e: ['<rootDir>/src/**/*.e2e.spec.ts'],
};
// testMatch entries are alternatives (a negated entry excludes nothing), so the unit tier
// leaves the other tiers out by path.
const ignored = {
  unit: ['/node_modules/', '/dist/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
  int: ['/node_modules/', '/dist/'],
  e2e: ['/node_modules/', '/dist/'],
};

/** @param {string} rootDir @param {'unit'|'int'|'e2e'} tier */
function preset(rootDir, tier = 'unit') {
  return {
    rootDir,
    displayName: `${require(join(rootDir, 'package.json')).name} (${tier})`,
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@leerzone/source', 'node', 'require', 'default'] },
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: tiers[tier],
    testPathIgnorePatterns: ignored[tier],
    testTimeout: tier === 'unit' ? 10_000 : 120_000,
    passWithNoTests: false,
  };
}

module.exports = { preset };
