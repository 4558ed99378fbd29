import { serverAvailability } from './test-servers';

describe('serverAvailability', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes the URL from the environment first', () => {
    process.env['PG_URL'] = 'postgres://u:p@127.0.0.1:5/db';
    expect(serverAvailability('postgres')).toEqual({ mode: 'env', url: 'postgres://u:p@127.0.0.1:5/db' });
  });

  it('fails rather than skips with CI=true when nothing provides the server', () => {
    delete process.env['KAFKA_BROKERS'];
    delete process.env['EVENTSTORE_URL'];
    delete process.env['LEERZONE_REQUIRED_SERVERS'];
    process.env['DOCKER_HOST'] = '';
    process.env['HOME'] = '/nonexistent';
    process.env['CI'] = 'true';
    const availability = serverAvailability('kafka');
    if (availability.mode === 'docker') return expect(availability.mode).toBe('docker'); // this machine has a Docker engine
    expect(availability).toMatchObject({ mode: 'missing', failInCi: true });
    expect(serverAvailability('kurrentdb')).toMatchObject({ mode: 'missing', failInCi: false });
    process.env['LEERZONE_REQUIRED_SERVERS'] = 'kafka,kurrentdb';
    expect(serverAvailability('kurrentdb')).toMatchObject({ mode: 'missing', failInCi: true });
    process.env['CI'] = 'false';
    expect(serverAvailability('kafka')).toMatchObject({ mode: 'missing', failInCi: false, reason: expect.stringContaining('KAFKA_BROKERS') });
  });
});
