module.exports = require('../../jest.preset').preset(__dirname, 'e2e');
