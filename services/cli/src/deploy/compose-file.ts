import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

/** A service of a Compose file, as far as the checks read it. */
export interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: readonly string[] | string;
  readonly environment?: Record<string, string | number | boolean | null>;
  readonly depends_on?: Record<string, { condition?: string; required?: boolean }> | readonly string[];
  readonly volumes?: readonly string[];
  readonly ports?: readonly string[];
  readonly profiles?: readonly string[];
  readonly healthcheck?: { test?: readonly string[] | string; disable?: boolean };
  readonly restart?: string;
}

export interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

/** Marks a value an override file replaces instead of merging (Compose's `!override`) or removes (`!reset`). */
const OVERRIDE = Symbol('override');
const RESET = Symbol('reset');

/**
 * Parses a Compose file: YAML with merge keys, and Compose's `!override` / `!reset` tags on a
 * service's fields (`services.<name>.<field>`, where Leerzone's override files use them).
 * Fails on a YAML error.
 */
export function parseCompose(text: string, origin = 'compose file'): ComposeFile {
  const document = parseDocument(text, { merge: true, uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(`${origin}: ${document.errors.map((e) => e.message).join('; ')}`);
  const unexpected = document.warnings.filter((w) => !/!override|!reset/.test(w.message));
  if (unexpected.length > 0) throw new Error(`${origin}: ${unexpected.map((w) => w.message).join('; ')}`);
  const value = document.toJS({ maxAliasCount: 1_000 }) as ComposeFile | null;
  if (!value || typeof value !== 'object' || typeof value.services !== 'object' || value.services === null) throw new Error(`${origin} has no services.`);
  for (const [name, service] of Object.entries(value.services)) {
    for (const field of Object.keys(service)) {
      const node = document.getIn(['services', name, field], true) as { tag?: string } | undefined;
      const fields = service as unknown as Record<string, unknown>;
      if (node?.tag === '!override') Object.defineProperty(fields[field], OVERRIDE, { value: true });
      if (node?.tag === '!reset') fields[field] = RESET;
    }
  }
  return value;
}

export const readCompose = (path: string): ComposeFile => parseCompose(readFileSync(path, 'utf8'), path);

const isMap = (value: unknown): value is Record<string | symbol, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === RESET) return undefined;
  if (isMap(override) && (override as Record<symbol, unknown>)[OVERRIDE]) return override;
  if (Array.isArray(override) && (override as unknown as Record<symbol, unknown>)[OVERRIDE]) return override;
  if (isMap(base) && isMap(override)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(override)) {
      const next = mergeValue(base[key], value);
      if (next === undefined) delete merged[key];
      else merged[key] = next;
    }
    return merged;
  }
  // Compose appends most sequences (ports, volumes, profiles…); commands and tests are replaced.
  if (Array.isArray(base) && Array.isArray(override)) return [...base, ...override];
  return override;
}

/** `docker compose -f base -f override`: maps merge, sequences append, `!override` replaces, `!reset` removes. */
export function mergeCompose(base: ComposeFile, override: ComposeFile): ComposeFile {
  const services: Record<string, ComposeService> = { ...base.services };
  for (const [name, service] of Object.entries(override.services)) {
    const origin = base.services[name];
    const merged = origin ? (mergeValue(origin, service) as ComposeService) : service;
    // `command` and `healthcheck.test` are replaced, not appended.
    services[name] = origin && service.command ? { ...merged, command: service.command } : merged;
  }
  return { services, volumes: { ...base.volumes, ...override.volumes } };
}

/** Compose's interpolation with the defaults: `${X:-default}` / `${X-default}` → default, `${X}` → '', `$$` → `$`. */
export function interpolateDefaults(value: string, env: Readonly<Record<string, string | undefined>> = {}): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g, (whole, name: string | undefined, op: string | undefined, fallback: string | undefined) => {
    if (whole === '$$') return '$';
    const set = env[name!];
    if (op === ':-') return set !== undefined && set !== '' ? set : fallback!;
    if (op === '-') return set !== undefined ? set : fallback!;
    return set ?? '';
  });
}

/** A service's environment as the container sees it with the documented defaults. */
export function resolvedEnvironment(service: ComposeService, env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolateDefaults(value === null ? '' : String(value), env)]));
}

/** The services a service waits for, with the condition. */
export function waitsFor(service: ComposeService): Record<string, string> {
  const depends = service.depends_on;
  if (!depends) return {};
  if (Array.isArray(depends)) return Object.fromEntries(depends.map((name: string) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(depends).map(([name, spec]) => [name, spec?.condition ?? 'service_started']));
}

/** Enabled unless it has profiles (then only with `--profile`). */
export const enabledByDefault = (service: ComposeService): boolean => !service.profiles || service.profiles.length === 0;
