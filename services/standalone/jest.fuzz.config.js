// The OpenAPI fuzz (npm run test-fuzz here; FUZZ_RUNS=30 for the full form): standalone in-process, every route.
const { preset } = require('../../jest.preset');

module.exports = { ...preset(__dirname, 'int'), displayName: '@leerzone/standalone (fuzz)', testMatch: ['<rootDir>/src/fuzz/**/*.fuzz.spec.ts'], testTimeout: 1_800_000 };
