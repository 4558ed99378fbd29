// The security suite: attacks on the built standalone as a process (npm run test:security).
const { preset } = require('../../jest.preset');

module.exports = { ...preset(__dirname, 'e2e'), displayName: '@leerzone/standalone (security)', testMatch: ['<rootDir>/src/security/**/*.security.spec.ts'], testTimeout: 300_000 };
