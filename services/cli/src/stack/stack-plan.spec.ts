import { parseArgs } from '../args';
import { UsageError } from '../command';
import { localInfrastructure, readEnvFile } from './local-infrastructure';
import { parseScale } from './stack-options';
import { planInstances } from './stack-runner';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const infra = localInfrastructure({ kafkaBrokers: '127.0.0.1:19092', mongoUrl: 'mongodb://127.0.0.1:27117/', pgUrl: 'postgres://u:p@127.0.0.1:55432/db' }, 'demo', '/run/stack', {});

describe('stack up’s plan', () => {
  it('runs every service once on its own port, configured like Compose but on the local servers', () => {
    const plans = planInstances(infra, new Map(), false);
    expect(plans.map((p) => [p.service.name, p.port])).toEqual([
      ['governance', 3001],
      ['analytics', 3002],
      ['okr', 3003],
      ['assessment', 3004],
      ['failure-learning', 3005],
    ]);
    expect(plans[4]!.env).toMatchObject({
      PORT: '3005',
      HOST: '127.0.0.1',
      DATA_DIR: '/run/stack/failure-learning',
      EVENT_STORE_URL: 'postgres://u:p@127.0.0.1:55432/db?schema=demo_failure_learning',
      PROJECTION_STORE_URL: 'mongodb://127.0.0.1:27117/demo_failure_learning',
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_NAMESPACE: 'demo',
      AUTH_DEV_ISSUER: 'true',
      AUTH_DEV_KEY_FILE: '/run/stack/dev-signing-key.json',
      OTEL_SDK_DISABLED: 'true',
    });
  });

  it('scales analytics into instances with their own ports and data dirs, or free ports', () => {
    const plans = planInstances(infra, parseScale(['analytics=3']), false).filter((p) => p.service.name === 'analytics');
    expect(plans.map((p) => [p.instance, p.port, p.env['DATA_DIR']])).toEqual([
      [1, 3002, '/run/stack/analytics'],
      [2, 3102, '/run/stack/analytics-2'],
      [3, 3202, '/run/stack/analytics-3'],
    ]);
    expect(planInstances(infra, parseScale(['analytics=2']), true).every((p) => p.port === 0)).toBe(true);
  });

  it('refuses to scale a writing service or an unknown one, and a malformed --scale', () => {
    expect(() => planInstances(infra, parseScale(['okr=2']), false)).toThrow(/okr cannot run as several instances yet/);
    expect(() => planInstances(infra, parseScale(['reports=2']), false)).toThrow(/there is no service "reports"/);
    expect(() => parseScale(['analytics'])).toThrow(UsageError);
    expect(() => parseScale(['analytics=0'])).toThrow(UsageError);
  });

  it('reads the local servers’ env file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'env-')), 'env');
    writeFileSync(file, '# comment\nKAFKA_BROKERS=127.0.0.1:19092\nPG_URL="postgres://x"\n');
    expect(readEnvFile(file)).toEqual({ KAFKA_BROKERS: '127.0.0.1:19092', PG_URL: 'postgres://x' });
  });
});

describe('parseArgs', () => {
  it('takes valued flags (also --x=y), repeated ones, switches and words; refuses the rest', () => {
    const parsed = parseArgs(['up', '--scale', 'a=2', '--scale=b=3', '--purge', '--name', 'x'], ['scale', 'name'], ['purge']);
    expect(parsed.positional).toEqual(['up']);
    expect(parsed.all.get('scale')).toEqual(['a=2', 'b=3']);
    expect(parsed.flags.get('name')).toBe('x');
    expect(parsed.switches.has('purge')).toBe(true);
    expect(() => parseArgs(['--nope'], [])).toThrow('Unknown argument: --nope');
    expect(() => parseArgs(['--name'], ['name'])).toThrow('--name needs a value.');
  });
});
