import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { DeadLetterRefusal, listDeadLetters, replayLetter } from '../kafka/dead-letters';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { progressReporter } from './progress';
import { KAFKA_FLAGS, servicesFlag } from './dead-letters-list.command';

/** `dead-letters replay <id>… | --pending`: each letter back on its topic, at most once. */
export const deadLettersReplayCommand: CliCommand = {
  path: ['dead-letters', 'replay'],
  summary: 'Put dead letters back on the topic they came from, after a fix — each at most once',
  usage: '<id>… | --pending [--service <name>]… [--by <who>] [--brokers <host:port>] [--namespace <ns>]',
  help: 'The copy keeps the key (so its partition and its place after the stream’s earlier events) and gets a\nleerzone-replayed-from header. Every group of the topic sees it again; groups that applied it already\nrecognise a repeat. A letter already replayed, being replayed or discarded is refused (exit 1).\nA replay the stream has moved past (later events applied) is a repeat too: rebuild that read model instead.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, all, switches, positional } = parseArgs(args, ['service', 'by', ...KAFKA_FLAGS], ['pending']);
    if (positional.length === 0 && !switches.has('pending')) throw new UsageError('Name the letters to replay (their ids), or --pending for every pending one.');
    if (positional.length > 0 && switches.has('pending')) throw new UsageError('Give ids or --pending, not both.');
    const target = kafkaTarget(flags, io.env);
    const by = flags.get('by') ?? io.env['USER'] ?? 'operator';
    const ids = switches.has('pending') ? (await withBroker(target, () => listDeadLetters(target, servicesFlag(all.get('service') ?? [])))).filter((l) => l.status === 'pending').map((l) => l.id) : positional;
    if (ids.length === 0) {
      io.out.write('No pending dead letters to replay.\n');
      return 0;
    }
    const progress = progressReporter(io.err as NodeJS.WritableStream & { isTTY?: boolean }, 'dead-letters replay', ids.length);
    let refused = 0;
    for (const [i, id] of ids.entries()) {
      try {
        const done = await withBroker(target, () => replayLetter(target, id, by));
        progress.log(`${id} replayed to ${done.replayedTo?.topic}[${done.replayedTo?.partition}] at offset ${done.replayedTo?.offset}`, io.out);
      } catch (error) {
        if (!(error instanceof DeadLetterRefusal)) {
          progress.finish();
          throw error;
        }
        refused++;
        progress.log(error.message, io.err);
      }
      progress.update(i + 1);
    }
    progress.finish();
    if (refused > 0) io.err.write(`${refused} of ${ids.length} not replayed.\n`);
    return refused > 0 ? 1 : 0;
  },
};
