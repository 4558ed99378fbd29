import { existsSync } from 'node:fs';
import type { EventStore } from '@leerzone/kernel';
import { eventStoreUrlFromEnv, openEventStore, parseEventStoreUrl, redactUrl } from '@leerzone/event-store';
import type { ProjectionStore } from '@leerzone/projection-store';
import { openProjectionStore, projectionStoreUrlFromEnv, redactProjectionStoreUrl } from '@leerzone/projection-store-mongodb';
import { UsageError } from '../command';

/** `--name value` flags and positional words, for the projections commands. */
export function parseProjectionArgs(args: readonly string[], allowed: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!allowed.includes(name)) throw new UsageError(`Unknown argument: ${arg}`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function positiveIntegerFlag(flags: Map<string, string>, name: string, fallback: number, max = 10_000): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}.`);
  return value;
}

/**
 * `--events`, else EVENT_STORE_URL, else the embedded default. A missing SQLite file is
 * refused rather than created empty (a rebuild from nothing would wipe the read model).
 */
export async function openSourceEventStore(flags: Map<string, string>, env: NodeJS.ProcessEnv): Promise<{ store: EventStore; url: string }> {
  const url = flags.get('events') ?? eventStoreUrlFromEnv(env);
  const location = parseEventStoreUrl(url);
  if (location.kind === 'sqlite' && location.filename !== ':memory:' && !existsSync(location.filename)) {
    throw new Error(`There is no event store at ${location.filename}.`);
  }
  return { store: await openEventStore(url), url: redactUrl(url) };
}

/** `--projection-store`, else PROJECTION_STORE_URL, else memory:. */
export async function openTargetProjectionStore(flags: Map<string, string>, env: NodeJS.ProcessEnv): Promise<{ store: ProjectionStore; url: string }> {
  const url = flags.get('projection-store') ?? projectionStoreUrlFromEnv(env);
  return { store: await openProjectionStore(url), url: redactProjectionStoreUrl(url) };
}
