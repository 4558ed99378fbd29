import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, type ServiceName } from './demo-client';

export interface DemoArguments {
  readonly urls: Readonly<Record<ServiceName, string>>;
  readonly seed: number;
  readonly teams: number;
  readonly tenant: string;
  readonly parallelism: number;
}

export const DEMO_USAGE = `npm run demo -- [--url http://127.0.0.1:3000] [--governance-url …] [--okr-url …] [--assessment-url …]
                [--failure-learning-url …] [--analytics-url …] [--stack stack.json] [--seed 1] [--teams 40]
                [--tenant demo] [--parallel 8]
  --url        every service on one base URL (standalone, the default)
  --<service>-url  one service's base URL (services as processes)
  --stack      a JSON file { "governance": "http://…", "okr": "http://…", … }
  --seed       the seed: the same seed gives the same organisation
  --teams      the size (4 to 5000); people and everything else scale with it
  --tenant     the tenant to seed
  --parallel   commands in flight at once`;

export class DemoArgumentError extends Error {}

/** `--name value` and `--name=value`. */
export function parseDemoArguments(argv: readonly string[]): DemoArguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new DemoArgumentError(`Unexpected argument ${arg}.`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new DemoArgumentError(`--${name} needs a value.`);
    values.set(name, value);
  }
  const known = new Set(['url', 'stack', 'seed', 'teams', 'tenant', 'parallel', ...SERVICE_NAMES.map((s) => `${s}-url`)]);
  for (const name of values.keys()) if (!known.has(name)) throw new DemoArgumentError(`Unknown option --${name}.`);
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new DemoArgumentError(`--${name} is a whole number from ${min} to ${max}.`);
    return n;
  };
  const url = (raw: string, name: string) => {
    if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new DemoArgumentError(`--${name} must be an http(s) URL.`);
    return raw.replace(/\/+$/, '');
  };
  const base = url(values.get('url') ?? 'http://127.0.0.1:3000', 'url');
  let stack: Partial<Record<ServiceName, string>> = {};
  const stackFile = values.get('stack');
  if (stackFile !== undefined) {
    const parsed: unknown = JSON.parse(readFileSync(stackFile, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new DemoArgumentError('--stack names a JSON object of service → URL.');
    stack = Object.fromEntries(Object.entries(parsed).filter(([name]) => (SERVICE_NAMES as readonly string[]).includes(name)).map(([name, value]) => [name, url(String(value), `stack.${name}`)]));
  }
  const urls = Object.fromEntries(SERVICE_NAMES.map((service) => [service, values.has(`${service}-url`) ? url(values.get(`${service}-url`)!, `${service}-url`) : (stack[service] ?? base)])) as Record<ServiceName, string>;
  const tenant = values.get('tenant') ?? 'demo';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(tenant)) throw new DemoArgumentError('--tenant is letters, digits, . _ - (not starting with _).');
  return { urls, seed: int('seed', 1, 0, 2 ** 31 - 1), teams: int('teams', 40, 4, 5_000), tenant, parallelism: int('parallel', 8, 1, 64) };
}
