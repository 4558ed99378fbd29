import type { EventSchemaRegistry } from '@leerzone/kernel';
import { rebuildProjection, type ProjectionDefinition } from '@leerzone/projections';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { openSourceEventStore, openTargetProjectionStore, parseProjectionArgs, positiveIntegerFlag } from './projections-options';
import { progressReporter } from './projections-progress';
import { cliEventSchemas, loadCliProjections } from './projections-registry';

/** `projections rebuild <name>`: replay the event store into fresh collections, then switch queries over. */
export const createProjectionsRebuildCommand = (load: () => Promise<readonly ProjectionDefinition[]>, schemas: () => EventSchemaRegistry = cliEventSchemas): CliCommand => ({
  path: ['projections', 'rebuild'],
  summary: 'Replay the event store into fresh collections, then switch queries over to them',
  usage: '<name> [--events <event-store-url>] [--projection-store <url>] [--batch-size <n>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positional, flags } = parseProjectionArgs(args, ['events', 'projection-store', 'batch-size']);
    if (positional.length !== 1) throw new UsageError('Name exactly one projection.');
    const name = positional[0]!;
    const projections = await load();
    const projection = projections.find((p) => p.name === name);
    if (!projection) {
      const known = projections.map((p) => p.name).sort();
      throw new UsageError(`There is no projection named ${name}. Known: ${known.length > 0 ? known.join(', ') : '(none registered in services/cli/src/commands/projections-registry.ts)'}.`);
    }
    const batchSize = positiveIntegerFlag(flags, 'batch-size', 1_000);
    const source = await openSourceEventStore(flags, io.env);
    try {
      const target = await openTargetProjectionStore(flags, io.env);
      try {
        io.err.write(`Rebuilding ${name} (version ${projection.version}) from ${source.url} into ${target.url}\n`);
        const progress = progressReporter(io.err as CliIo['out'], `rebuild ${name}`);
        const result = await rebuildProjection({ eventStore: source.store, store: target.store, projection, batchSize, schemas: schemas(), onProgress: (p) => progress.update(p) }).finally(() =>
          progress.finish(),
        );
        const seconds = result.durationMs / 1000;
        io.out.write(
          `Rebuilt ${name}: ${result.events.toLocaleString('en')} events up to global position ${result.position} in ${seconds.toFixed(1)} s ` +
            `(${Math.round(result.eventsPerSecond).toLocaleString('en')} events/s).\n` +
            `Queries now read generation ${result.generation}${result.previous ? ` (previous: ${result.previous}, kept)` : ''}.\n` +
            (result.dropped.length > 0 ? `Dropped older collections: ${result.dropped.join(', ')}.\n` : ''),
        );
        if (target.url.startsWith('memory:')) {
          io.out.write('Note: memory: read models live inside one process; this rebuild only proved the projection replays cleanly. Set PROJECTION_STORE_URL to rebuild a shared store.\n');
        }
        return 0;
      } finally {
        await target.store.close();
      }
    } finally {
      await source.store.close();
    }
  },
});

export const projectionsRebuildCommand = createProjectionsRebuildCommand(loadCliProjections, cliEventSchemas);
