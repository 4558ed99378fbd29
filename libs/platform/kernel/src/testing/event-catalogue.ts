import { expect, it } from '@jest/globals';
import type { StoredEvent } from '../envelope/event-envelope';
import { EventSchemaRegistry } from '../upcasting/event-schema-registry';

export interface CatalogueStream {
  /** The aggregate, as the test names say it (`team`, `objective`). */
  readonly stream: string;
  readonly types: readonly string[];
  /** One example per event type, at the current version. */
  readonly examples: Readonly<Record<string, { readonly type: string; readonly data: unknown }>>;
}

export interface LegacyExample {
  readonly version: number;
  readonly example: { readonly type: string; readonly data: unknown };
  /** What the example reads as today, after upcasting. */
  readonly upcastsTo: unknown;
}

/**
 * The event catalogue as tests, inside the caller's `describe`: one example per event type,
 * no type in two streams, and the serialized form of every type at its current version
 * pinned by a snapshot. A failing snapshot means a stored shape changed in place: add a
 * version and an upcaster instead. Earlier versions (`legacy`) stay pinned under their own
 * version and must upcast to the current shape. The test names are the snapshots' keys.
 */
export function eventCatalogueTests(
  catalogue: readonly CatalogueStream[],
  options: { readonly registry?: EventSchemaRegistry; readonly legacyStream?: string; readonly legacy?: readonly LegacyExample[] } = {},
): void {
  const registry = options.registry ?? new EventSchemaRegistry();

  it.each(catalogue)('has one example per $stream event type', ({ types, examples }) => {
    expect(Object.keys(examples).sort()).toEqual([...types].sort());
    for (const [type, example] of Object.entries(examples)) expect(example.type).toBe(type);
  });

  it('has no event type in two streams', () => {
    const all = catalogue.flatMap((c) => c.types);
    expect(new Set(all).size).toBe(all.length);
  });

  for (const { stream, examples } of catalogue) {
    for (const [type, example] of Object.entries(examples)) {
      it(`${stream} ${type}, version ${registry.currentVersion(type)}`, () => {
        const serialized = JSON.stringify({ type, schemaVersion: registry.currentVersion(type), data: example.data }, null, 2);
        expect(JSON.parse(serialized)).toEqual({ type, schemaVersion: registry.currentVersion(type), data: example.data });
        expect(serialized).toMatchSnapshot();
      });
    }
  }

  for (const { version, example, upcastsTo } of options.legacy ?? []) {
    it(`${options.legacyStream ?? catalogue[0]?.stream ?? 'stream'} ${example.type}, version ${version}`, () => {
      const serialized = JSON.stringify({ type: example.type, schemaVersion: version, data: example.data }, null, 2);
      expect(serialized).toMatchSnapshot();
      const stored = { ...example, schemaVersion: version, eventId: 'legacy-example' } as unknown as StoredEvent;
      expect(registry.upcast(stored)).toMatchObject({ schemaVersion: registry.currentVersion(example.type), data: upcastsTo });
    });
  }
}
