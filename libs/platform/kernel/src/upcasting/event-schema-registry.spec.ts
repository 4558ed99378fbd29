import type { StoredEvent } from '../envelope/event-envelope';
import { EventSchemaRegistry } from './event-schema-registry';

const stored = (type: string, schemaVersion: number, data: unknown) => ({ eventId: 'e', type, schemaVersion, data }) as StoredEvent;

describe('EventSchemaRegistry', () => {
  const registry = new EventSchemaRegistry([
    { type: 'BoundarySet', fromVersion: 1, upcast: (d) => ({ ...(d as object), currency: 'EUR' }) },
    { type: 'BoundarySet', fromVersion: 2, upcast: (d) => { const { limit, ...rest } = d as { limit: number }; return { ...rest, amount: limit }; } },
  ]);

  it('knows the current version of each type', () => {
    expect(registry.currentVersion('BoundarySet')).toBe(3);
    expect(registry.currentVersion('TeamCreated')).toBe(1);
  });

  it('upcasts through every step, and leaves current events alone', () => {
    expect(registry.upcast(stored('BoundarySet', 1, { limit: 500 }))).toMatchObject({ schemaVersion: 3, data: { amount: 500, currency: 'EUR' } });
    const current = stored('BoundarySet', 3, { amount: 1, currency: 'USD' });
    expect(registry.upcast(current)).toBe(current);
  });

  it('refuses events from the future and gaps in the chain', () => {
    expect(() => registry.upcast(stored('BoundarySet', 4, {}))).toThrow(/knows up to 3/);
    const gappy = new EventSchemaRegistry([{ type: 'X', fromVersion: 2, upcast: (d) => d }]);
    expect(() => gappy.upcast(stored('X', 1, {}))).toThrow(/No upcaster for X from version 1/);
    expect(() => registry.register({ type: 'BoundarySet', fromVersion: 1, upcast: (d) => d })).toThrow(/Two upcasters/);
  });
});
