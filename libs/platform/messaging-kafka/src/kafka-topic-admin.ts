import type { MessagingLogger } from '@leerzone/messaging';
import type { Admin, Kafka } from 'kafkajs';
import type { TopicSettings } from './kafka-options';

/**
 * Creates topics at start-up with the configured partitions and replication. Consumers
 * must not rely on auto-creation: on KRaft the first fetch of an auto-created topic fails.
 * An existing topic is never changed: adding partitions would move keys, and with them
 * the order of an aggregate's events.
 */
export class KafkaTopicAdmin {
  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings,
    private readonly logger: MessagingLogger,
  ) {}

  async ensure(topics: readonly string[]): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.settings.partitions,
            replicationFactor: this.settings.replicationFactor,
            configEntries: [...(this.settings.configEntries ?? [])],
          })),
        });
        this.logger.info('Created topics.', { topics: missing, partitions: this.settings.partitions, replicationFactor: this.settings.replicationFactor });
      }
      const present = topics.filter((topic) => existing.has(topic));
      if (present.length > 0) {
        const metadata = await admin.fetchTopicMetadata({ topics: present });
        for (const topic of metadata.topics) {
          if (topic.partitions.length !== this.settings.partitions) {
            this.logger.warn('Topic exists with a different partition count than configured; leaving it as it is.', {
              topic: topic.name,
              partitions: topic.partitions.length,
              configured: this.settings.partitions,
            });
          }
        }
      }
    });
  }

  async delete(topics: readonly string[]): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const present = topics.filter((topic) => existing.has(topic));
      if (present.length > 0) await admin.deleteTopics({ topics: present });
    });
  }

  /**
   * The end offset of every partition of `topics` the group has no committed position
   * for: where a group asked to start at `latest` begins, fixed at subscribe time.
   * (kafkajs would take "latest" only at its first fetch after joining, and miss what was
   * published in between.)
   */
  async uncommittedEnds(groupId: string, topics: readonly string[]): Promise<Array<{ topic: string; partition: number; offset: string }>> {
    return this.withAdmin(async (admin) => {
      const seeks: Array<{ topic: string; partition: number; offset: string }> = [];
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
        const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
        for (const { partition, offset } of partitions) {
          if (Number(offset) < 0) seeks.push({ topic, partition, offset: ends.get(partition) ?? '0' });
        }
      }
      return seeks;
    });
  }

  /**
   * Messages of each partition the group has not committed past: high watermark minus the
   * committed offset (minus the log start where the group has committed nothing yet).
   */
  async groupLag(groupId: string, topics: readonly string[]): Promise<Array<{ topic: string; partition: number; lag: number }>> {
    return this.withAdmin(async (admin) => {
      const lags: Array<{ topic: string; partition: number; lag: number }> = [];
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
        const offsets = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        for (const { partition, offset } of partitions) {
          const ends = offsets.get(partition);
          if (!ends) continue;
          const from = Number(offset) >= 0 ? Number(offset) : Number(ends.low);
          lags.push({ topic, partition, lag: Math.max(0, Number(ends.high) - from) });
        }
      }
      return lags;
    });
  }

  async partitionCount(topic: string): Promise<number> {
    return this.withAdmin(async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.length);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}
