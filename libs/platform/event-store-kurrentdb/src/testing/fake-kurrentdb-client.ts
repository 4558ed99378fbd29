import { EventEmitter } from 'node:events';
import { StreamNotFoundError, WrongExpectedVersionError, type KurrentDBClient } from '@kurrent/kurrentdb-client';

/**
 * An in-memory stand-in for the parts of the KurrentDB client the adapter calls, with the
 * server behaviour it relies on: revisions from 0, expected-revision checks, log positions
 * that are byte offsets (unique, increasing, not contiguous), inclusive reads from a
 * position, stream-name prefix filters, "stream not found" while reading. It exists because
 * no server can run here; it is not KurrentDB, and the contract suite against a real
 * server (EVENTSTORE_URL) remains the test that counts.
 */
interface Recorded {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  isJson: true;
  created: Date;
  position: { commit: bigint; prepare: bigint };
}

interface EventDataLike {
  id: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

type Position = { commit: bigint; prepare: bigint };
type Filter = { prefixes?: string[] };

export class FakeKurrentDbClient {
  private readonly log: Recorded[] = [];
  private nextPosition = 4_096n;
  private readonly live = new EventEmitter();
  /** Appends that fail with WrongExpectedVersion before reaching the log, to simulate a racing writer. */
  interleave: ((streamName: string) => Promise<void>) | undefined;
  disposed = false;

  private stream(name: string): Recorded[] {
    return this.log.filter((r) => r.streamId === name);
  }

  async appendToStream(streamName: string, events: EventDataLike | EventDataLike[], options: { streamState?: 'any' | 'no_stream' | bigint } = {}) {
    const batch = Array.isArray(events) ? events : [events];
    if (this.interleave) {
      const hook = this.interleave;
      this.interleave = undefined;
      await hook(streamName);
    }
    const existing = this.stream(streamName);
    const current = existing.length === 0 ? 'no_stream' : existing[existing.length - 1]!.revision;
    const expected = options.streamState ?? 'any';
    if (expected !== 'any' && expected !== current) {
      throw new WrongExpectedVersionError(undefined as never, { current, expected, streamName } as never);
    }
    let revision = current === 'no_stream' ? -1n : current;
    for (const event of batch) {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata ?? {});
      const position = this.nextPosition;
      this.nextPosition += BigInt(128 + data.length + metadata.length);
      this.log.push({ streamId: streamName, id: event.id, revision: ++revision, type: event.type, data, metadata, isJson: true, created: new Date(), position: { commit: position, prepare: position } });
    }
    this.live.emit('append');
    return { success: true, nextExpectedRevision: revision, position: this.log[this.log.length - 1]!.position };
  }

  private resolved(r: Recorded) {
    return { event: { ...r, data: JSON.parse(r.data) as unknown, metadata: JSON.parse(r.metadata) as unknown }, commitPosition: r.position.commit };
  }

  readStream(streamName: string, options: { direction?: string; fromRevision?: 'start' | 'end' | bigint; maxCount?: number | bigint } = {}) {
    const read = async function* (this: FakeKurrentDbClient) {
      const events = this.stream(streamName);
      if (events.length === 0) throw new StreamNotFoundError(undefined as never, streamName);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      const ordered = backwards ? [...events].reverse() : events;
      const selected = ordered.filter((r) =>
        from === 'start' || from === 'end' ? true : backwards ? r.revision <= from : r.revision >= from,
      );
      for (const r of selected.slice(0, max)) yield this.resolved(r);
    };
    return read.call(this);
  }

  readAll(options: { direction?: string; fromPosition?: 'start' | 'end' | Position; maxCount?: number | bigint; filter?: Filter } = {}) {
    const read = async function* (this: FakeKurrentDbClient) {
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? 'end' : 'start');
      const matches = (r: Recorded) => !options.filter?.prefixes || options.filter.prefixes.some((p) => r.streamId.startsWith(p));
      // Like the server: a forward read from a position includes the event at it; system records never pass a prefix filter.
      const ordered = backwards ? [...this.log].reverse() : this.log;
      const selected = ordered.filter((r) => matches(r) && (typeof from === 'string' ? true : backwards ? r.position.commit <= from.commit : r.position.commit >= from.commit));
      for (const r of selected.slice(0, max)) yield this.resolved(r);
    };
    return read.call(this);
  }

  subscribeToAll() {
    const subscription = new EventEmitter() as EventEmitter & { unsubscribe(): Promise<void> };
    const onAppend = () => subscription.emit('data', {});
    this.live.on('append', onAppend);
    subscription.unsubscribe = async () => {
      this.live.off('append', onAppend);
    };
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Typed as the real client for `KurrentDbEventStore.open({ client })`. */
  asClient(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  /** The raw log, to check what reached the "server". */
  records(): readonly Recorded[] {
    return this.log;
  }
}
