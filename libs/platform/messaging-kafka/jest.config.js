// The shared preset's `!…int.spec.ts` testMatch negation does not exclude anything, so the
// unit tier would also run the broker tests; ignore the other tiers explicitly.
module.exports = {
  ...require('../../../jest.preset').preset(__dirname, 'unit'),
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'],
};
