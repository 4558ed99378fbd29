import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventStore } from '@leerzone/kernel';
import { eventStoreUrlFromEnv, openEventStore, parseEventStoreUrl, redactUrl } from '@leerzone/event-store';
import { UsageError, type CliIo } from '../command';

/** `--name value` flags; a flag given twice collects every value (for `--public-key`). */
export function parseAuditFlags(args: readonly string[], allowed: readonly string[], booleans: readonly string[] = []): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (!name || (!allowed.includes(name) && !booleans.includes(name))) throw new UsageError(`Unknown argument: ${arg}`);
    if (booleans.includes(name)) {
      flags.set(name, ['true']);
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return flags;
}

/** `--key-file`, else AUDIT_SIGNING_KEY_FILE, else <DATA_DIR or ./data>/audit-signing-key.pem. */
export const signingKeyFile = (flags: Map<string, string[]>, env: NodeJS.ProcessEnv): string =>
  resolve(flags.get('key-file')?.[0] ?? env['AUDIT_SIGNING_KEY_FILE'] ?? join(env['DATA_DIR'] ?? './data', 'audit-signing-key.pem'));

/**
 * Opens `--store`, else EVENT_STORE_URL, else the embedded default. An SQLite file that
 * does not exist is refused rather than created empty (which would verify as "intact").
 */
export async function openAuditedStore(flags: Map<string, string[]>, io: CliIo): Promise<{ store: EventStore; url: string }> {
  const url = flags.get('store')?.[0] ?? eventStoreUrlFromEnv(io.env);
  const location = parseEventStoreUrl(url);
  if (location.kind === 'sqlite' && location.filename !== ':memory:' && !existsSync(location.filename)) {
    throw new Error(`There is no event store at ${location.filename}.`);
  }
  return { store: await openEventStore(url), url: redactUrl(url) };
}
