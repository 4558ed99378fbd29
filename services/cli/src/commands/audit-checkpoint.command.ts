import { v7 as uuidv7 } from 'uuid';
import { CheckpointSigner, CheckpointWriter } from '@leerzone/audit';
import type { CliCommand, CliIo } from '../command';
import { openAuditedStore, parseAuditFlags, signingKeyFile } from './audit-options';

/** `audit checkpoint`: sign a checkpoint over everything in the store now. */
export const auditCheckpointCommand: CliCommand = {
  path: ['audit', 'checkpoint'],
  summary: 'Sign a checkpoint over the global order now (Ed25519; key created on first use)',
  usage: '[--store <url>] [--key-file <path>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = parseAuditFlags(args, ['store', 'key-file']);
    const keyFile = signingKeyFile(flags, io.env);
    const signer = CheckpointSigner.loadOrCreate(keyFile);
    const { store, url } = await openAuditedStore(flags, io);
    try {
      const outcome = await new CheckpointWriter({ store, signer, newId: uuidv7 }).checkpoint();
      if (!outcome.written) {
        const why = { 'nothing-new': 'nothing was appended since the last checkpoint', 'empty-store': 'the store is empty', 'lost-race': 'another process signed one at the same moment' }[outcome.reason];
        io.out.write(`No checkpoint signed: ${why}.\n`);
        return 0;
      }
      const { checkpoint, event } = outcome;
      io.out.write(
        `Signed checkpoint over ${checkpoint.eventCount.toLocaleString('en')} events of ${url} (up to global position ${checkpoint.upToGlobalPosition}).\n` +
          `  digest     ${checkpoint.digest}\n  key        ${checkpoint.keyId} (${keyFile})\n  stored as  audit-checkpoints #${event.streamPosition} at global position ${event.globalPosition}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
