import { AppendSignal, type StoredEvent } from '@leerzone/kernel';
import { InterruptibleSleeper } from './backoff';
import { MessagingClosedError, RejectedMessageError, errorMessage, type MessagingError } from './errors';
import { eventAcceptance } from './event-acceptance';
import {
  type BusPosition,
  type BusSubscribeOptions,
  type BusSubscription,
  type DeadLetter,
  type DeadLetterSubscribeOptions,
  type Delivery,
  type EventBus,
  type RetryPolicy,
} from './event-bus.port';
import { runDeliveryPipeline, type PipelineMessage } from './delivery-pipeline';
import { consoleMessagingLogger, type MessagingLogger } from './messaging-logger';
import {
  DEFAULT_NAMESPACE,
  assertGroup,
  assertNamespace,
  assertServiceName,
  assertSources,
  deadLetterTopic,
  eventTopic,
  partitionKey,
} from './topic-naming';
import { validateRetry } from './retry-validation';

type StoredDeadLetter = Omit<DeadLetter, 'position'>;

interface BrokerRecord {
  readonly key: string;
  readonly value: StoredEvent | StoredDeadLetter;
}

interface GroupState {
  readonly members: Member[];
  readonly offsets: Map<string, number>;
  /** Partitions a member is working on: a new owner waits, so nothing is handled twice. */
  readonly busy: Set<string>;
}

interface Member {
  readonly topics: readonly string[];
}

const tpKey = (topic: string, partition: number) => `${topic}#${partition}`;

// FNV-1a: stable across runs, so a key always maps to the same partition.
const hash = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/**
 * The in-memory stand-in for a Kafka cluster: topics split into partitions, consumer
 * groups with committed offsets and partition assignment. Several buses over one broker
 * behave like several processes over one cluster (the contract suite relies on that).
 */
export class InProcessBroker {
  readonly partitions: number;
  readonly signal = new AppendSignal();
  private readonly topics = new Map<string, BrokerRecord[][]>();
  private readonly groups = new Map<string, GroupState>();

  constructor(options: { partitions?: number } = {}) {
    this.partitions = options.partitions ?? 4;
  }

  records(topic: string, partition: number): readonly BrokerRecord[] {
    return this.partitionsOf(topic)[partition]!;
  }

  append(topic: string, key: string, value: BrokerRecord['value']): BusPosition {
    const partition = hash(key) % this.partitions;
    const log = this.partitionsOf(topic)[partition]!;
    log.push({ key, value });
    return { topic, partition, offset: String(log.length - 1) };
  }

  group(groupId: string): GroupState {
    let group = this.groups.get(groupId);
    if (!group) {
      group = { members: [], offsets: new Map(), busy: new Set() };
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** Partition p of a topic goes to the (p mod n)-th of the n members reading that topic. */
  assignment(group: GroupState, member: Member): Array<{ topic: string; partition: number }> {
    const assigned: Array<{ topic: string; partition: number }> = [];
    for (const topic of member.topics) {
      const readers = group.members.filter((m) => m.topics.includes(topic));
      const index = readers.indexOf(member);
      for (let partition = 0; partition < this.partitions; partition++) {
        if (partition % readers.length === index) assigned.push({ topic, partition });
      }
    }
    return assigned;
  }

  private partitionsOf(topic: string): BrokerRecord[][] {
    let partitions = this.topics.get(topic);
    if (!partitions) {
      partitions = Array.from({ length: this.partitions }, () => []);
      this.topics.set(topic, partitions);
    }
    return partitions;
  }
}

export interface InProcessEventBusOptions {
  /** Share one broker between buses to model several processes. Default: a private one. */
  readonly broker?: InProcessBroker;
  readonly namespace?: string;
  readonly logger?: MessagingLogger;
  readonly clock?: () => Date;
}

interface MemberOptions<P> {
  readonly group: string;
  readonly topics: readonly string[];
  readonly startFrom: 'earliest' | 'latest';
  readonly maxBatchSize: number;
  readonly retry: RetryPolicy;
  readonly decode: (record: BrokerRecord, position: BusPosition) => PipelineMessage<P>['decoded'];
  readonly handle: (payloads: readonly P[]) => Promise<void> | void;
  readonly deadLetter: (record: BrokerRecord, position: BusPosition, error: { code: string; message: string }, attempts: number) => void;
}

interface InProcessMessage<P> extends PipelineMessage<P> {
  readonly record: BrokerRecord;
  readonly position: BusPosition;
}

/** The event bus for standalone mode: every service in one process, no broker to run. */
export class InProcessEventBus implements EventBus {
  readonly broker: InProcessBroker;
  private readonly namespace: string;
  private readonly logger: MessagingLogger;
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<BusSubscription>();
  private closed = false;

  constructor(options: InProcessEventBusOptions = {}) {
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE;
    assertNamespace(this.namespace);
    this.broker = options.broker ?? new InProcessBroker();
    this.logger = options.logger ?? consoleMessagingLogger;
    this.clock = options.clock ?? (() => new Date());
  }

  async publish(source: string, events: readonly StoredEvent[]): Promise<void> {
    this.assertOpen();
    assertServiceName('source', source);
    const topic = eventTopic(source, this.namespace);
    for (const event of events) this.broker.append(topic, partitionKey(event), event);
    if (events.length > 0) this.broker.signal.notify();
  }

  async subscribe(options: BusSubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    assertGroup(options.group);
    assertSources(options.sources);
    const retry = validateRetry(options.retry);
    const accept = eventAcceptance(options);
    const sourceOf = new Map(options.sources.map((source) => [eventTopic(source, this.namespace), source]));
    return this.startMember<Delivery>({
      group: options.group,
      topics: [...sourceOf.keys()],
      startFrom: options.startFrom ?? 'earliest',
      maxBatchSize: options.maxBatchSize ?? 500,
      retry,
      decode: (record, position) => {
        const event = record.value as StoredEvent;
        try {
          return { ok: true, payload: { event: accept(event), source: sourceOf.get(position.topic)!, position } };
        } catch (error) {
          if (error instanceof RejectedMessageError) return { ok: false, error };
          throw error;
        }
      },
      handle: options.handle,
      deadLetter: (record, position, error, attempts) => {
        const event = record.value as StoredEvent;
        const letter: StoredDeadLetter = {
          origin: position,
          source: sourceOf.get(position.topic)!,
          group: options.group,
          error,
          attempts,
          deadLetteredAt: this.clock().toISOString(),
          event,
          payload: JSON.stringify(event.data),
        };
        this.broker.append(deadLetterTopic(position.topic), record.key, letter);
      },
    });
  }

  async subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    assertGroup(options.group);
    assertSources(options.sources);
    const retry = { ...validateRetry({ ...options.retry, maxAttempts: 1 }), maxAttempts: Number.POSITIVE_INFINITY };
    return this.startMember<DeadLetter>({
      group: options.group,
      topics: options.sources.map((source) => deadLetterTopic(eventTopic(source, this.namespace))),
      startFrom: options.startFrom ?? 'earliest',
      maxBatchSize: 500,
      retry,
      decode: (record, position) => ({ ok: true, payload: { ...(record.value as StoredDeadLetter), position } }),
      handle: options.handle,
      deadLetter: () => undefined,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new MessagingClosedError();
  }

  private startMember<P>(options: MemberOptions<P>): BusSubscription {
    const broker = this.broker;
    const group = broker.group(options.group);
    const member: Member = { topics: options.topics };
    const sleeper = new InterruptibleSleeper();
    let stopped = false;
    for (const topic of options.topics) {
      for (let partition = 0; partition < broker.partitions; partition++) {
        const key = tpKey(topic, partition);
        if (!group.offsets.has(key)) group.offsets.set(key, options.startFrom === 'latest' ? broker.records(topic, partition).length : 0);
      }
    }
    group.members.push(member);
    broker.signal.notify();

    const owns = (topic: string, partition: number) => broker.assignment(group, member).some((tp) => tp.topic === topic && tp.partition === partition);

    const work = async (topic: string, partition: number): Promise<boolean> => {
      const key = tpKey(topic, partition);
      if (group.busy.has(key)) return false;
      const from = group.offsets.get(key) ?? 0;
      const records = broker.records(topic, partition).slice(from, from + options.maxBatchSize);
      if (records.length === 0) return false;
      group.busy.add(key);
      try {
        const messages: InProcessMessage<P>[] = records.map((record, index) => {
          const position = { topic, partition, offset: String(from + index) };
          let decoded: PipelineMessage<P>['decoded'];
          try {
            decoded = options.decode(record, position);
          } catch (error) {
            decoded = { ok: false, error: error as MessagingError };
          }
          return { offset: position.offset, decoded, record, position };
        });
        await runDeliveryPipeline<P, InProcessMessage<P>>(messages, {
          handle: (payloads) => options.handle(payloads),
          retry: options.retry,
          deadLetter: async (message, error, attempts) => options.deadLetter(message.record, message.position, error, attempts),
          commit: async (message) => {
            group.offsets.set(key, Number(message.offset) + 1);
          },
          shouldContinue: () => !stopped && owns(topic, partition),
          sleep: (ms) => sleeper.sleep(ms),
          logger: this.logger,
          context: { group: options.group, topic, partition },
        });
      } finally {
        group.busy.delete(key);
        broker.signal.notify();
      }
      return true;
    };

    const loop = async (): Promise<void> => {
      while (!stopped) {
        let worked = false;
        for (const { topic, partition } of broker.assignment(group, member)) {
          if (stopped) break;
          try {
            if (await work(topic, partition)) worked = true;
          } catch (error) {
            this.logger.error('In-process consumer failed; retrying the partition.', { group: options.group, topic, partition, error: errorMessage(error) });
            await sleeper.sleep(options.retry.initialBackoffMs);
          }
        }
        if (!worked && !stopped) {
          const wait = broker.signal.wait(50);
          cancelWait = wait.cancel;
          await wait.promise;
        }
      }
    };
    let cancelWait: (() => void) | undefined;
    const running = loop();

    const subscription: BusSubscription = {
      ready: Promise.resolve(),
      stop: async () => {
        if (stopped) return running;
        stopped = true;
        sleeper.interrupt();
        cancelWait?.();
        await running;
        group.members.splice(group.members.indexOf(member), 1);
        this.subscriptions.delete(subscription);
        broker.signal.notify();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }
}
