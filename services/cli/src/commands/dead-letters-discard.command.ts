import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { DeadLetterRefusal, discardLetter } from '../kafka/dead-letters';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { KAFKA_FLAGS } from './dead-letters-list.command';

/** `dead-letters discard <id>… --reason <text>`: decided not to replay; recorded with who and why. */
export const deadLettersDiscardCommand: CliCommand = {
  path: ['dead-letters', 'discard'],
  summary: 'Record that dead letters will not be replayed, with who and why (the letters themselves stay)',
  usage: '<id>… --reason <text> [--by <who>] [--brokers <host:port>] [--namespace <ns>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = parseArgs(args, ['reason', 'by', ...KAFKA_FLAGS]);
    if (positional.length === 0) throw new UsageError('Name the letters to discard (their ids).');
    const reason = flags.get('reason')?.trim();
    if (!reason) throw new UsageError('--reason is required: say why the letter is not replayed.');
    const target = kafkaTarget(flags, io.env);
    const by = flags.get('by') ?? io.env['USER'] ?? 'operator';
    let refused = 0;
    for (const id of positional) {
      try {
        await withBroker(target, () => discardLetter(target, id, by, reason));
        io.out.write(`${id} discarded.\n`);
      } catch (error) {
        if (!(error instanceof DeadLetterRefusal)) throw error;
        refused++;
        io.err.write(`${error.message}\n`);
      }
    }
    return refused > 0 ? 1 : 0;
  },
};
