// The shared preset reads a package.json for the display name; this suite is an Nx project
// without one (it is no npm workspace), so it borrows the CLI's and names itself.
const { join } = require('node:path');
module.exports = { ...require('../../jest.preset').preset(join(__dirname, '../cli'), 'unit'), rootDir: __dirname, displayName: '@leerzone/faults (unit)' };
