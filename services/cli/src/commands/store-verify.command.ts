import { redactUrl, verifyStores } from '@leerzone/event-store';
import type { EventStore } from '@leerzone/kernel';
import { UsageError, type CliCommand } from '../command';
import { openExistingStore, parseStoreFlags, positiveInteger, reportStoreError, requiredFlag, writeVerification } from './store-options';

/** `store verify --from <url> --to <url>`: the check `store migrate` ends with, on its own. */
export const storeVerifyCommand: CliCommand = {
  path: ['store', 'verify'],
  summary: 'compare two event stores event by event (count, checksum, hash chains); exit 1 on a mismatch',
  usage: '--from <url> --to <url> [--batch-size <n>]',
  run: async (args, io) => {
    const flags = parseStoreFlags(args, ['from', 'to', 'batch-size']);
    const from = requiredFlag(flags, 'from');
    const to = requiredFlag(flags, 'to');
    const batchSize = positiveInteger(flags, 'batch-size', 1000, 10_000);
    if (from.trim() === to.trim()) throw new UsageError('--from and --to name the same store.');
    const opened: EventStore[] = [];
    try {
      io.out.write(`Comparing ${redactUrl(from)} with ${redactUrl(to)}\n`);
      const source = await openExistingStore(from);
      opened.push(source);
      const target = await openExistingStore(to);
      opened.push(target);
      const verification = await verifyStores(source, target, { batchSize });
      writeVerification(verification, io.out);
      return verification.identical ? 0 : 1;
    } catch (error) {
      return reportStoreError(error, io);
    } finally {
      for (const store of opened) await store.close().catch(() => undefined);
    }
  },
};
