import { parseArgs } from '../args';
import { UsageError } from '../command';
import { DEPLOYED_SERVICES, scalableOn } from '../deploy/topology';
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
    expect(plans.map((p) => [p.service.name, p.port])).toEqual(DEPLOYED_SERVICES.map((s) => [s.name, s.port]));
    expect(plans[0]!.service.name).toBe('governance');
    expect(plans.find((p) => p.service.name === 'failure-learning')!.env).toMatchObject({
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

  it('scales a writing service on PostgreSQL: own ports and data dirs, the first instance’s vault and audit key', () => {
    const plans = planInstances(infra, parseScale(['governance=2', 'okr=3']), false);
    const governance = plans.filter((p) => p.service.name === 'governance');
    expect(governance.map((p) => [p.instance, p.port, p.env['DATA_DIR']])).toEqual([
      [1, 3001, '/run/stack/governance'],
      [2, 3101, '/run/stack/governance-2'],
    ]);
    // One store, one schema, one read-model database for all instances.
    expect(new Set(governance.map((p) => p.env['EVENT_STORE_URL'])).size).toBe(1);
    expect(new Set(governance.map((p) => p.env['PROJECTION_STORE_URL'])).size).toBe(1);
    expect(governance[0]!.env['PERSONAL_DATA_VAULT_FILE']).toBeUndefined();
    expect(governance[1]!.env).toMatchObject({ PERSONAL_DATA_VAULT_FILE: '/run/stack/governance/personal-data-vault.db', AUDIT_SIGNING_KEY_FILE: '/run/stack/governance/audit-signing-key.pem' });
    expect(plans.filter((p) => p.service.name === 'okr').map((p) => p.instance)).toEqual([1, 2, 3]);
    // A consumer's instances keep their own keys (they seal nothing of their own to share).
    expect(planInstances(infra, parseScale(['analytics=2']), false).find((p) => p.instance === 2)!.env['PERSONAL_DATA_VAULT_FILE']).toBeUndefined();
  });

  it('refuses to scale a writing service on a store without leases (KurrentDB), an unknown service, and a malformed --scale', () => {
    const kurrent = { ...infra, eventStore: { kind: 'kurrentdb' as const, url: 'kurrentdb://127.0.0.1:2113?tls=false' } };
    expect(() => planInstances(kurrent, parseScale(['okr=2']), false)).toThrow(/okr cannot run as several instances here: okr writes events.*only the PostgreSQL event store offers \(this one is kurrentdb\).*Scalable: analytics\./);
    expect(planInstances(kurrent, parseScale(['analytics=2']), false).filter((p) => p.service.name === 'analytics')).toHaveLength(2);
    for (const service of DEPLOYED_SERVICES) expect(scalableOn(service, infra).scalable).toBe(true);
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
