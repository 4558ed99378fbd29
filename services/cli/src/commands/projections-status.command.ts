import { POINTERS, ProjectionCatalog, type PointerDocument } from '@leerzone/projections';
import type { CliCommand, CliIo } from '../command';
import { openSourceEventStore, openTargetProjectionStore, parseProjectionArgs } from './projections-options';

/** `projections status`: every projection in the store, its generation, checkpoint and lag behind the event store. */
export const projectionsStatusCommand: CliCommand = {
  path: ['projections', 'status'],
  summary: 'Show each projection’s generation, checkpoint and lag behind the event store',
  usage: '[--events <event-store-url>] [--projection-store <url>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags } = parseProjectionArgs(args, ['events', 'projection-store']);
    const source = await openSourceEventStore(flags, io.env);
    try {
      const target = await openTargetProjectionStore(flags, io.env);
      try {
        const head = await source.store.headPosition();
        const catalog = new ProjectionCatalog(target.store);
        const pointers: PointerDocument[] = [];
        let after: string | undefined;
        do {
          const page = await target.store.collection<PointerDocument>(POINTERS).find({}, { sort: { _id: 1 }, limit: 500, ...(after ? { after } : {}) });
          pointers.push(...page.items);
          after = page.next;
        } while (after);
        io.out.write(`Event store ${source.url}: head at global position ${head}.\n`);
        if (pointers.length === 0) {
          io.out.write(`No projections in ${target.url} yet.\n`);
          return 0;
        }
        const rows = [['projection', 'version', 'generation', 'position', 'lag', 'switched at']];
        for (const pointer of pointers) {
          const position = await catalog.checkpoint(pointer._id, pointer.generation);
          rows.push([pointer._id, String(pointer.version), pointer.generation, String(position), String(Math.max(0, head - position)), pointer.switchedAt]);
        }
        const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
        for (const row of rows) io.out.write(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`);
        return 0;
      } finally {
        await target.store.close();
      }
    } finally {
      await source.store.close();
    }
  },
};
