import { ReplayClock, migrateEvents, openEventStore, redactUrl, verifyStores } from '@leerzone/event-store';
import type { EventStore } from '@leerzone/kernel';
import { UsageError, type CliCommand } from '../command';
import { migrationProgressReporter } from './store-progress';
import { openExistingStore, parseStoreFlags, positiveInteger, reportStoreError, requiredFlag, writeVerification } from './store-options';

/**
 * `store migrate --from <url> --to <url>`: copies every event, then verifies. Ctrl-C stops
 * after the append in flight; running the same command again continues from there.
 */
export const storeMigrateCommand: CliCommand = {
  path: ['store', 'migrate'],
  summary: 'copy every event from one event store into another (resumable), then verify both',
  usage: '--from <url> --to <url> [--batch-size <n>]',
  run: async (args, io) => {
    const flags = parseStoreFlags(args, ['from', 'to', 'batch-size']);
    const from = requiredFlag(flags, 'from');
    const to = requiredFlag(flags, 'to');
    const batchSize = positiveInteger(flags, 'batch-size', 1000, 10_000);
    if (from.trim() === to.trim()) throw new UsageError('--from and --to name the same store.');
    const intervalMs = Number(io.env['LEERZONE_PROGRESS_INTERVAL_MS'] ?? 1000);

    const opened: EventStore[] = [];
    const interrupt = new AbortController();
    const onSigint = (): void => {
      io.err.write('Stopping after the append in flight…\n');
      interrupt.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      io.out.write(`Migrating ${redactUrl(from)} → ${redactUrl(to)}\n`);
      const source = await openExistingStore(from);
      opened.push(source);
      const clock = new ReplayClock();
      // The target may be new: a SQLite file or a PostgreSQL schema is created on open.
      const target = await openEventStore(to, { clock: clock.now });
      opened.push(target);

      const progress = migrationProgressReporter(io.out, Number.isFinite(intervalMs) ? intervalMs : 1000);
      const outcome = await migrateEvents(source, target, { clock, batchSize, signal: interrupt.signal, onProgress: (p) => progress.update(p) }).finally(() =>
        progress.finish(),
      );
      if (!outcome.complete) {
        io.out.write(`Interrupted: ${outcome.alreadyPresent + outcome.copied} events are in the target. Run the same command again to continue.\n`);
        return 130;
      }
      io.out.write(`Copied ${outcome.copied} events; ${outcome.alreadyPresent} were already in the target.\n`);
      const verification = await verifyStores(source, target, { batchSize });
      writeVerification(verification, io.out);
      return verification.identical ? 0 : 1;
    } catch (error) {
      return reportStoreError(error, io);
    } finally {
      process.removeListener('SIGINT', onSigint);
      for (const store of opened) await store.close().catch(() => undefined);
    }
  },
};
