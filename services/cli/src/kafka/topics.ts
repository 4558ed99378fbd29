import { platformTopics } from '../deploy/topology';
import type { KafkaTarget } from './kafka-access';

export interface TopicCreation {
  readonly created: string[];
  readonly existing: Array<{ topic: string; partitions: number }>;
}

/**
 * Creates the platform's topics that are missing (every service's event and dead-letter
 * topic in the namespace), as the services would at start. Existing topics are left as they
 * are — adding partitions would move keys and with them the order of a stream's events.
 */
export async function createTopics(target: KafkaTarget, partitions: number, replicationFactor: number): Promise<TopicCreation> {
  const admin = target.kafka.admin();
  await admin.connect();
  try {
    const wanted = platformTopics(target.namespace);
    const present = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !present.has(t));
    if (missing.length > 0) await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })) });
    const kept = wanted.filter((t) => present.has(t));
    const metadata = kept.length > 0 ? await admin.fetchTopicMetadata({ topics: kept }) : { topics: [] };
    return { created: missing, existing: metadata.topics.map((t) => ({ topic: t.name, partitions: t.partitions.length })) };
  } finally {
    await admin.disconnect();
  }
}

export interface TopicDescription {
  readonly topic: string;
  readonly partitions: Array<{ partition: number; leader: number; replicas: number; inSync: number; low: string; high: string }>;
  readonly messages: number;
  readonly retentionMs?: string;
}

/** Partitions, leaders, replicas in sync and offsets of the namespace's topics (or the named ones). */
export async function describeTopics(target: KafkaTarget, names: readonly string[]): Promise<TopicDescription[]> {
  const admin = target.kafka.admin();
  await admin.connect();
  try {
    const all = await admin.listTopics();
    const topics = names.length > 0 ? [...names] : all.filter((t) => t.startsWith(`${target.namespace}.`)).sort();
    const unknown = topics.filter((t) => !all.includes(t));
    if (unknown.length > 0) throw new Error(`No such topic: ${unknown.join(', ')} (on ${target.brokers}).`);
    if (topics.length === 0) return [];
    const metadata = await admin.fetchTopicMetadata({ topics });
    const configs = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: 2, name, configNames: ['retention.ms'] })) });
    const retention = new Map(configs.resources.map((r) => [r.resourceName, r.configEntries.find((e) => e.configName === 'retention.ms')?.configValue]));
    const described: TopicDescription[] = [];
    for (const topic of metadata.topics) {
      const offsets = new Map((await admin.fetchTopicOffsets(topic.name)).map((o) => [o.partition, o]));
      const partitions = topic.partitions
        .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas.length, inSync: p.isr.length, low: offsets.get(p.partitionId)?.low ?? '0', high: offsets.get(p.partitionId)?.high ?? '0' }))
        .sort((a, b) => a.partition - b.partition);
      const retentionMs = retention.get(topic.name);
      described.push({ topic: topic.name, partitions, messages: partitions.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0), ...(retentionMs !== undefined ? { retentionMs } : {}) });
    }
    return described;
  } finally {
    await admin.disconnect();
  }
}

export interface GroupLag {
  readonly group: string;
  readonly state: string;
  readonly members: number;
  readonly topics: Array<{ topic: string; lag: number; partitions: number }>;
  readonly lag: number;
}

/**
 * Every consumer group that has committed offsets on the namespace's topics (or the named
 * groups): its state, members and, per topic, the messages not yet committed past (high
 * watermark minus the committed offset; the whole partition where nothing is committed).
 */
export async function consumerLag(target: KafkaTarget, groups: readonly string[]): Promise<GroupLag[]> {
  const admin = target.kafka.admin();
  await admin.connect();
  try {
    const listed = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => !g.startsWith('leerzone-cli-read-'));
    const unknown = groups.filter((g) => !listed.includes(g));
    if (unknown.length > 0) throw new Error(`No such consumer group: ${unknown.join(', ')} (on ${target.brokers}).`);
    const candidates = groups.length > 0 ? [...groups] : listed;
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${target.namespace}.`));
    const ends = new Map<string, Map<number, { low: string; high: string }>>();
    const endsOf = async (topic: string) => {
      if (!ends.has(topic)) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, o])));
      return ends.get(topic)!;
    };
    const description = candidates.length > 0 ? await admin.describeGroups(candidates) : { groups: [] };
    const result: GroupLag[] = [];
    for (const group of description.groups) {
      const committed = await admin.fetchOffsets({ groupId: group.groupId, topics });
      const mine = committed.filter((t) => t.partitions.some((p) => Number(p.offset) >= 0));
      if (mine.length === 0 && groups.length === 0) continue; // not a group of this namespace
      const perTopic = [];
      for (const { topic, partitions } of mine) {
        const offsets = await endsOf(topic);
        let lag = 0;
        for (const { partition, offset } of partitions) {
          const o = offsets.get(partition);
          if (!o) continue;
          lag += Math.max(0, Number(BigInt(o.high) - BigInt(Number(offset) >= 0 ? offset : o.low)));
        }
        perTopic.push({ topic, lag, partitions: partitions.length });
      }
      result.push({ group: group.groupId, state: group.state, members: group.members.length, topics: perTopic, lag: perTopic.reduce((s, t) => s + t.lag, 0) });
    }
    return result.sort((a, b) => a.group.localeCompare(b.group));
  } finally {
    await admin.disconnect();
  }
}
