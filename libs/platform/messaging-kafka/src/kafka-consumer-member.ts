import {
  InterruptibleSleeper,
  backoffDelay,
  errorMessage,
  runDeliveryPipeline,
  type BusPosition,
  type BusSubscription,
  type MessagingLogger,
  type PipelineMessage,
  type RetryPolicy,
} from '@leerzone/messaging';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { ConsumerSettings } from './kafka-options';

export interface ConsumerMemberConfig<P> {
  readonly kafka: Kafka;
  readonly group: string;
  readonly topics: readonly string[];
  readonly startFrom: 'earliest' | 'latest';
  /** Where to begin on partitions without a committed position (applied at the first join only). */
  readonly initialSeeks?: ReadonlyArray<{ topic: string; partition: number; offset: string }>;
  readonly settings: ConsumerSettings;
  readonly maxBatchSize: number;
  readonly retry: RetryPolicy;
  readonly decode: (message: KafkaMessage, position: BusPosition) => PipelineMessage<P>['decoded'];
  readonly handle: (payloads: readonly P[]) => Promise<void> | void;
  readonly deadLetter: (message: KafkaMessage, position: BusPosition, error: { code: string; message: string }, attempts: number) => Promise<void>;
  readonly logger: MessagingLogger;
}

interface KafkaPipelineMessage<P> extends PipelineMessage<P> {
  readonly message: KafkaMessage;
  readonly position: BusPosition;
}

const RELAUNCH_BACKOFF = { initialBackoffMs: 500, maxBackoffMs: 30_000 };

/**
 * One member of a consumer group, driving kafkajs's `eachBatch` directly: offsets are
 * resolved and committed by hand after each handled run, never before, so a crash or
 * rebalance redelivers at most the run in hand (at-least-once), and a shutdown finishes
 * that run and commits it (drain).
 */
export class KafkaConsumerMember<P> implements BusSubscription {
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private consumer: Consumer | undefined;
  private stopping = false;
  private readonly sleeper = new InterruptibleSleeper();
  private relaunches = 0;
  private relaunchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly pendingSeeks: Array<{ topic: string; partition: number; offset: string }>;

  constructor(private readonly config: ConsumerMemberConfig<P>) {
    this.pendingSeeks = [...(config.initialSeeks ?? [])];
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Connects, subscribes and starts consuming; rejects when the broker cannot be reached. */
  async start(): Promise<void> {
    await this.launch();
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.sleeper.interrupt();
    if (this.relaunchTimer) clearTimeout(this.relaunchTimer);
    // disconnect() waits for the batch in hand (which commits what it handled), then leaves the group.
    await this.consumer?.disconnect();
  }

  private async launch(): Promise<void> {
    const { kafka, group, settings } = this.config;
    const consumer = kafka.consumer({
      groupId: group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // Runs before the first fetch, so the seeks decide where a new group begins.
      for (const seek of this.pendingSeeks.splice(0)) {
        if (payload.memberAssignment[seek.topic]?.includes(seek.partition)) consumer.seek(seek);
      }
      this.relaunches = 0;
      this.markReady();
    });
    // kafkajs restarts itself after retriable failures; after any other crash it stays
    // down, so start a fresh consumer: the group must not silently lose a member.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return;
      this.config.logger.error('Consumer crashed; starting a new one.', { group, error: errorMessage(payload.error) });
      this.scheduleRelaunch();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.config.topics], fromBeginning: this.config.startFrom === 'earliest' });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private scheduleRelaunch(): void {
    const delay = backoffDelay(++this.relaunches, RELAUNCH_BACKOFF);
    this.relaunchTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch().catch((error: unknown) => {
        this.config.logger.error('Could not start a new consumer; trying again.', { group: this.config.group, error: errorMessage(error) });
        this.scheduleRelaunch();
      });
    }, delay);
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    // kafkajs heartbeats only between batches, so a run handled for longer than the session
    // timeout lost the member its partitions: the commit then failed (UNKNOWN_MEMBER_ID),
    // the group rejoined and the same run came back — on a slow store, again and again,
    // applied every time and never committed. Keep the membership alive while handling.
    const keepAlive = setInterval(() => void payload.heartbeat().catch(() => undefined), this.config.settings.heartbeatIntervalMs);
    try {
      await this.handleBatch(payload);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const messages: KafkaPipelineMessage<P>[] = batch.messages.map((message) => {
      const position = { topic, partition, offset: message.offset };
      return { offset: message.offset, decoded: this.config.decode(message, position), message, position };
    });
    for (let start = 0; start < messages.length; start += this.config.maxBatchSize) {
      const completed = await runDeliveryPipeline<P, KafkaPipelineMessage<P>>(messages.slice(start, start + this.config.maxBatchSize), {
        handle: (payloads) => this.config.handle(payloads),
        retry: this.config.retry,
        deadLetter: (message, error, attempts) => this.config.deadLetter(message.message, message.position, error, attempts),
        commit: async (message) => {
          resolveOffset(message.offset);
          await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: (BigInt(message.offset) + 1n).toString() }] }] });
        },
        shouldContinue: () => !this.stopping && isRunning() && !isStale(),
        sleep: (ms) => this.sleeper.sleep(ms),
        heartbeat,
        logger: this.config.logger,
        context: { group: this.config.group, topic, partition },
      });
      if (!completed) return;
      await heartbeat();
    }
  }
}
