// testPathIgnorePatterns: the shared preset's "!*.int.spec.ts" in testMatch does not exclude
// the other tiers (jest 30), so without it `test` would run the int tests as well.
const preset = require('../../../jest.preset').preset(__dirname, 'unit');
module.exports = { ...preset, testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$'] };
