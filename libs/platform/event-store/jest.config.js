// The preset's negated testMatch globs do not keep *.int.spec.ts out of the unit tier (jest 30); ignore them here.
module.exports = { ...require('../../../jest.preset').preset(__dirname, 'unit'), testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'] };
