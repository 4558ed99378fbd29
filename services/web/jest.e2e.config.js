process.env.LEERZONE_WEB_TIER = 'e2e';
module.exports = require('./jest.config');
