import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { table } from '../stack/stack-options';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { consumerLag } from '../kafka/topics';
import { KAFKA_FLAGS } from './dead-letters-list.command';

/** `consumer lag [--group <g>]…`: per group, what it has not committed past. */
export const consumerLagCommand: CliCommand = {
  path: ['consumer', 'lag'],
  summary: 'Show each consumer group of the namespace: its state, members and the messages it has not processed yet',
  usage: '[--group <group>]… [--json] [--brokers <host:port>] [--namespace <ns>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, all, positional, switches } = parseArgs(args, ['group', ...KAFKA_FLAGS], ['json']);
    if (positional.length > 0) throw new UsageError(`Unexpected argument: ${positional[0]}`);
    const target = kafkaTarget(flags, io.env);
    const groups = await withBroker(target, () => consumerLag(target, all.get('group') ?? []));
    if (switches.has('json')) {
      io.out.write(`${JSON.stringify(groups, null, 2)}\n`);
      return 0;
    }
    if (groups.length === 0) {
      io.out.write(`No consumer groups on namespace ${target.namespace}'s topics.\n`);
      return 0;
    }
    io.out.write(table([['group', 'state', 'members', 'topic', 'lag'], ...groups.flatMap((g) => (g.topics.length > 0 ? g.topics : [{ topic: '-', lag: 0 }]).map((t) => [g.group, g.state, String(g.members), t.topic, String(t.lag)]))]));
    return 0;
  },
};
