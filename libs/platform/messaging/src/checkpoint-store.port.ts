/**
 * Where a relay remembers how far it has forwarded. The relay saves a position only
 * after the bus acknowledged every event up to it, so a restart resumes there and
 * at worst publishes the last unacknowledged batch again.
 */
export interface CheckpointStore {
  /** The saved global position; 0 when `name` has none. */
  load(name: string): Promise<number>;
  /** Moves the checkpoint forward; a position at or below the saved one changes nothing. */
  save(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}

/** For tests and standalone mode, where the bus is rebuilt from the store at every start. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number> {
    return this.positions.get(name) ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    if (position > (this.positions.get(name) ?? 0)) this.positions.set(name, position);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
