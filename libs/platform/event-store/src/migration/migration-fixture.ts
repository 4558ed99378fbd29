import { newEvent } from '@leerzone/kernel/testing';
import { openEventStore } from '../open-event-store';

/**
 * Fills a SQLite file with `total` events of every envelope shape: 17 streams over three
 * tenants, batches of one to five, reasons, trace parents, nested metadata, non-ASCII
 * data, and a recorded-at that moves on with every append.
 */
export async function seedSqliteStore(filename: string, total: number): Promise<void> {
  let now = Date.parse('2026-01-05T08:00:00.000Z');
  const store = await openEventStore(`sqlite:${filename}`, { clock: () => new Date((now += 1_337)) });
  for (let written = 0, append = 0; written < total; append++) {
    const stream = append % 17;
    const size = Math.min(1 + (append % 5), total - written);
    const batch = Array.from({ length: size }, (_, i) =>
      newEvent({
        type: i % 2 === 0 ? 'TeamCreated' : 'BoundaryChanged',
        tenantId: `tenant-${stream % 3}`,
        data: { team: `team-${stream}`, n: written + i, name: 'Zuid-Hollând ✓', nested: { list: [1, 'twee', null, { drie: 3.5 }] } },
        metadata: i % 3 === 0 ? { source: 'fixture', tags: ['a', 'b'] } : {},
        ...(append % 4 === 0 ? { reason: `because #${append}` } : {}),
        ...(append % 6 === 0 ? { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } : {}),
      }),
    );
    await store.append(`team-${stream}`, batch, { expectedVersion: 'any' });
    written += size;
  }
  await store.close();
}
