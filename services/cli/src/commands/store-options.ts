import { existsSync } from 'node:fs';
import { EventStoreError, type EventStore } from '@leerzone/kernel';
import { openEventStore, parseEventStoreUrl, type DigestResult, type OpenEventStoreOptions, type VerificationResult } from '@leerzone/event-store';
import { UsageError, type CliIo } from '../command';

/** `--name value` or `--name=value`; every flag at most once. */
export function parseStoreFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !allowed.includes(match[1]!)) throw new UsageError(`Unknown argument: ${arg}`);
    const name = match[1]!;
    const value = match[2] ?? args[++i];
    if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`);
    if (flags.has(name)) throw new UsageError(`--${name} is given twice.`);
    flags.set(name, value);
  }
  return flags;
}

export function requiredFlag(flags: Map<string, string>, name: string): string {
  const value = flags.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required.`);
  return value;
}

export function positiveInteger(flags: Map<string, string>, name: string, fallback: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}, got ${raw}.`);
  return value;
}

/** A source must exist: opening a missing SQLite file would create an empty one and "migrate" nothing. */
export async function openExistingStore(url: string, options: OpenEventStoreOptions = {}): Promise<EventStore> {
  const location = parseEventStoreUrl(url);
  if (location.kind === 'sqlite' && location.filename !== ':memory:' && !existsSync(location.filename)) {
    throw new StoreCommandError('EVENT_STORE.UNREACHABLE', `There is no event store at ${location.filename}.`);
  }
  return openEventStore(url, options);
}

export class StoreCommandError extends EventStoreError {}

/** Writes a store error with its stable code; anything else is left to the CLI's handler. */
export function reportStoreError(error: unknown, io: CliIo): number {
  if (error instanceof EventStoreError) {
    io.err.write(`${error.code}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

const digestLine = (label: string, d: DigestResult): string =>
  `  ${label.padEnd(6)} ${d.events} events in ${d.streams} streams, checksum ${d.checksum}, ` +
  `${d.brokenLinks === 0 ? 'hash chains intact' : `${d.brokenLinks} broken hash-chain link${d.brokenLinks === 1 ? '' : 's'}`}\n`;

export function writeVerification(result: VerificationResult, out: NodeJS.WritableStream): void {
  out.write('Verification (every event in global order: count, checksum over the canonical envelopes, hash chains):\n');
  out.write(digestLine('source', result.source));
  out.write(digestLine('target', result.target));
  for (const [label, digest] of [['source', result.source], ['target', result.target]] as const) {
    for (const link of digest.firstBrokenLinks) out.write(`  ${label} chain broken at ${link.streamId}@${link.streamPosition}: ${link.problem}\n`);
  }
  if (result.identical) {
    out.write('Result: identical — every event, with its id, positions, envelope, recorded-at and hash, is in the target.\n');
    return;
  }
  const reasons = [
    result.source.events !== result.target.events ? `counts differ (${result.source.events} vs ${result.target.events})` : undefined,
    result.source.checksum !== result.target.checksum ? 'checksums differ' : undefined,
    result.target.brokenLinks > 0 ? 'the target has broken hash chains' : undefined,
  ].filter((reason) => reason !== undefined);
  out.write(`Result: MISMATCH — ${reasons.join('; ')}.\n`);
  if (result.firstDifference) out.write(`  first difference: ${result.firstDifference.description}\n`);
  if (result.source.brokenLinks > 0) out.write('  The source itself has broken hash chains: its events were changed after they were written.\n');
}
