import { parseArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { table } from '../stack/stack-options';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { describeTopics } from '../kafka/topics';
import { KAFKA_FLAGS } from './dead-letters-list.command';

/** `topics describe [<topic>…]`: partitions, leaders, in-sync replicas, offsets. */
export const topicsDescribeCommand: CliCommand = {
  path: ['topics', 'describe'],
  summary: 'Describe the namespace’s topics (or the named ones): partitions, leaders, in-sync replicas, messages, retention',
  usage: '[<topic>…] [--json] [--brokers <host:port>] [--namespace <ns>]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional, switches } = parseArgs(args, [...KAFKA_FLAGS], ['json']);
    const target = kafkaTarget(flags, io.env);
    const topics = await withBroker(target, () => describeTopics(target, positional));
    if (switches.has('json')) {
      io.out.write(`${JSON.stringify(topics, null, 2)}\n`);
      return 0;
    }
    if (topics.length === 0) {
      io.out.write(`No topics in namespace ${target.namespace} on ${target.brokers}. Create them: leerzone topics create\n`);
      return 0;
    }
    const underReplicated = topics.flatMap((t) => t.partitions.filter((p) => p.inSync < p.replicas).map((p) => `${t.topic}[${p.partition}]`));
    io.out.write(
      table([
        ['topic', 'partitions', 'replicas', 'in sync', 'messages', 'retention'],
        ...topics.map((t) => [
          t.topic,
          String(t.partitions.length),
          String(Math.min(...t.partitions.map((p) => p.replicas))),
          t.partitions.every((p) => p.inSync === p.replicas) ? 'all' : 'NOT ALL',
          String(t.messages),
          t.retentionMs === undefined ? '' : t.retentionMs === '-1' ? 'forever' : `${Math.round(Number(t.retentionMs) / 86_400_000)} d`,
        ]),
      ]),
    );
    if (underReplicated.length > 0) io.out.write(`Under-replicated: ${underReplicated.join(', ')}\n`);
    return 0;
  },
};
