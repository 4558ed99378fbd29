/**
 * What the load sent and what came back. Every command carries its own X-Correlation-Id, which
 * the services store on the events it records, so the store can be read back per command: an
 * acknowledged command must have exactly the events its answer named (none missing = nothing
 * lost, none extra = nothing applied twice); a command whose answer never came (a timeout, a
 * dropped connection) may have been applied once, or not at all, but never twice.
 */
export type Outcome = 'acknowledged' | 'refused' | 'unavailable' | 'failed' | 'unknown';

export interface CommandRecord {
  readonly correlationId: string;
  readonly service: string;
  readonly op: string;
  readonly tenant: string;
  readonly outcome: Outcome;
  readonly status?: number;
  readonly code?: string;
  /** The events the answer named (acknowledged commands). */
  readonly eventIds: readonly string[];
}

export class Ledger {
  private readonly records: CommandRecord[] = [];
  private next = 0;

  constructor(private readonly prefix: string) {}

  correlationId(): string {
    return `${this.prefix}.${++this.next}`;
  }

  record(record: CommandRecord): void {
    this.records.push(record);
  }

  get all(): readonly CommandRecord[] {
    return this.records;
  }

  count(outcome: Outcome): number {
    return this.records.filter((r) => r.outcome === outcome).length;
  }

  /** Status codes of the answers that were not acknowledgements, for the report: `503 x12, 409 STREAM.CONCURRENT_MODIFICATION x3`. */
  refusals(): string {
    const counts = new Map<string, number>();
    for (const r of this.records) {
      if (r.outcome === 'acknowledged') continue;
      const key = r.status === undefined ? r.outcome : `${r.status}${r.code ? ` ${r.code}` : ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} x${n}`).join(', ');
  }
}

export interface StoredEventRef {
  readonly eventId: string;
  readonly correlationId: string;
}

export interface StoreAccount {
  /** Events of this run's commands in the store. */
  readonly stored: number;
  /** Acknowledged events missing from the store. */
  readonly lost: number;
  /** Events beyond one application of a command. */
  readonly duplicated: number;
  /** Events of unanswered commands found in the store (applied once; allowed). */
  readonly appliedUnanswered: number;
}

/**
 * Compares the ledger with the events read back. `maxEventsPerCommand` is the most events one
 * application of a command records (per operation), taken from acknowledged ones.
 */
export function accountFor(records: readonly CommandRecord[], events: readonly StoredEventRef[]): StoreAccount {
  const byCorrelation = new Map<string, string[]>();
  for (const e of events) byCorrelation.set(e.correlationId, [...(byCorrelation.get(e.correlationId) ?? []), e.eventId]);
  const mostPerOp = new Map<string, number>();
  for (const r of records) if (r.outcome === 'acknowledged') mostPerOp.set(r.op, Math.max(mostPerOp.get(r.op) ?? 0, r.eventIds.length));
  let stored = 0;
  let lost = 0;
  let duplicated = 0;
  let appliedUnanswered = 0;
  for (const r of records) {
    const found = byCorrelation.get(r.correlationId) ?? [];
    stored += found.length;
    if (r.outcome === 'acknowledged') {
      const present = new Set(found);
      lost += r.eventIds.filter((id) => !present.has(id)).length;
      const named = new Set(r.eventIds);
      duplicated += found.filter((id) => !named.has(id)).length;
    } else if (found.length > 0) {
      // Refused, unavailable or failed with a definite answer: nothing may have been written.
      if (r.outcome !== 'unknown') duplicated += found.length;
      else {
        appliedUnanswered++;
        duplicated += Math.max(0, found.length - (mostPerOp.get(r.op) ?? 1));
      }
    }
  }
  return { stored, lost, duplicated, appliedUnanswered };
}
