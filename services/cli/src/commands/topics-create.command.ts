import { parseArgs } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { kafkaTarget, withBroker } from '../kafka/kafka-access';
import { createTopics } from '../kafka/topics';
import { KAFKA_FLAGS } from './dead-letters-list.command';

const integer = (raw: string | undefined, name: string, fallback: number, max: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be an integer from 1 to ${max}.`);
  return value;
};

/** `topics create`: every service's event and dead-letter topic, where missing. */
export const topicsCreateCommand: CliCommand = {
  path: ['topics', 'create'],
  summary: 'Create every service’s event and dead-letter topic that is missing (existing ones are left as they are)',
  usage: '[--partitions <n>] [--replication-factor <n>] [--brokers <host:port>] [--namespace <ns>]',
  help: 'Defaults: KAFKA_TOPIC_PARTITIONS (6) and KAFKA_TOPIC_REPLICATION_FACTOR (1) — 3 in production.\nPartitions are the most instances one consumer group can spread over; they are never added to an existing topic (keys would move).',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = parseArgs(args, ['partitions', 'replication-factor', ...KAFKA_FLAGS]);
    if (positional.length > 0) throw new UsageError(`Unexpected argument: ${positional[0]}`);
    const partitions = integer(flags.get('partitions') ?? io.env['KAFKA_TOPIC_PARTITIONS'], 'partitions', 6, 1000);
    const replication = integer(flags.get('replication-factor') ?? io.env['KAFKA_TOPIC_REPLICATION_FACTOR'], 'replication-factor', 1, 10);
    const target = kafkaTarget(flags, io.env);
    const result = await withBroker(target, () => createTopics(target, partitions, replication));
    for (const topic of result.created) io.out.write(`created  ${topic} (${partitions} partitions, replication ${replication})\n`);
    for (const { topic, partitions: n } of result.existing) io.out.write(`exists   ${topic} (${n} partitions${n !== partitions ? `; ${partitions} asked, left as it is` : ''})\n`);
    return 0;
  },
};
