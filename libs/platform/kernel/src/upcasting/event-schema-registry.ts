import type { StoredEvent } from '../envelope/event-envelope';

/** Turns the payload of version `fromVersion` into the payload of version `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

/**
 * An event type's shape never changes in place. New shapes get a new schema version and
 * an upcaster from the previous one; readers always see the current version.
 */
export class EventSchemaRegistry {
  private readonly upcasters = new Map<string, Upcaster>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.upcasters.has(key)) throw new Error(`Two upcasters for ${key}.`);
    this.upcasters.set(key, upcaster);
    this.current.set(upcaster.type, Math.max(this.currentVersion(upcaster.type), upcaster.fromVersion + 1));
    return this;
  }

  /** The version new events of this type are written with. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<E extends StoredEvent>(event: E): E {
    const target = this.currentVersion(event.type);
    if (event.schemaVersion > target) {
      throw new Error(`Event ${event.eventId} of type ${event.type} has schema version ${event.schemaVersion}; this code knows up to ${target}.`);
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < target; version++) {
      const upcaster = this.upcasters.get(`${event.type}@${version}`);
      if (!upcaster) throw new Error(`No upcaster for ${event.type} from version ${version}.`);
      data = upcaster.upcast(data);
    }
    return data === event.data ? event : { ...event, data, schemaVersion: target };
  }
}
