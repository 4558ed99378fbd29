import type { StoredEvent } from '@leerzone/kernel';
import {
  DEFAULT_NAMESPACE,
  MessagingClosedError,
  RejectedMessageError,
  assertGroup,
  assertNamespace,
  assertServiceName,
  assertSources,
  consoleMessagingLogger,
  deadLetterTopic,
  errorMessage,
  eventAcceptance,
  eventTopic,
  partitionKey,
  validateRetry,
  type BusSubscribeOptions,
  type BusSubscription,
  type DeadLetter,
  type DeadLetterSubscribeOptions,
  type Delivery,
  type EventBus,
  type MessagingLogger,
  type PipelineMessage,
} from '@leerzone/messaging';
import { eventsRelayed, messagesDeadLettered, traceparentFromHeaders } from '@leerzone/observability';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { TRACEPARENT_HEADER, deadLetterHeaders, fromKafkaMessage, readDeadLetter, toKafkaRecord } from './cloud-events-binding';
import { KafkaConsumerMember } from './kafka-consumer-member';
import { kafkaLogCreator } from './kafka-logging';
import { validateKafkaOptions, type ConsumerSettings, type KafkaEventBusOptions } from './kafka-options';
import { KafkaTopicAdmin } from './kafka-topic-admin';
import { traceProcess, tracePublish } from './kafka-tracing';

const isNonRetriable = (error: unknown): boolean => {
  for (let cause = error as { retriable?: boolean; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.retriable === false) return true;
  }
  return false;
};

/**
 * The event bus over Apache Kafka, driving kafkajs directly (docs/messaging.md says why
 * not Nest's Kafka transport). One topic per publishing service; messages in the
 * CloudEvents binary binding; an idempotent producer with one request in flight, so
 * retries neither duplicate nor reorder within a producer session.
 */
export class KafkaEventBus implements EventBus {
  readonly kafka: Kafka;
  readonly namespace: string;
  readonly admin: KafkaTopicAdmin;
  private readonly logger: MessagingLogger;
  private readonly consumerSettings: ConsumerSettings;
  private producer: Promise<Producer> | undefined;
  private readonly ensured = new Map<string, Promise<void>>();
  private readonly members = new Set<KafkaConsumerMember<unknown>>();
  private closed = false;
  private lastProbe: { at: number; result: { reachable: boolean; error?: string; checkedAt: string } } | undefined;
  private probing: Promise<{ reachable: boolean; error?: string; checkedAt: string }> | undefined;

  constructor(options: KafkaEventBusOptions) {
    const { topics, consumer } = validateKafkaOptions(options);
    this.namespace = options.namespace ?? DEFAULT_NAMESPACE;
    assertNamespace(this.namespace);
    this.logger = options.logger ?? consoleMessagingLogger;
    this.consumerSettings = consumer;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
      retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
      ...options.kafka,
    });
    this.admin = new KafkaTopicAdmin(this.kafka, topics, this.logger);
  }

  topicOf(source: string): string {
    return eventTopic(source, this.namespace);
  }

  /** Creates the event and dead-letter topics of these services if missing (call at start-up). */
  async ensureTopics(sources: readonly string[]): Promise<void> {
    sources.forEach((source, index) => assertServiceName(`sources[${index}]`, source));
    const wanted = sources.flatMap((source) => [this.topicOf(source), deadLetterTopic(this.topicOf(source))]);
    const missing = wanted.filter((topic) => !this.ensured.has(topic));
    if (missing.length > 0) {
      const creation = this.admin.ensure(missing);
      missing.forEach((topic) => this.ensured.set(topic, creation));
      creation.catch(() => missing.forEach((topic) => this.ensured.delete(topic)));
    }
    await Promise.all(wanted.map((topic) => this.ensured.get(topic)));
  }

  async publish(source: string, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) {
      this.assertOpen();
      assertServiceName('source', source);
      return;
    }
    await this.prepare(source, events)();
  }

  /** Encodes the messages now; the send (and each retry of it) only traces and sends them. */
  prepare(source: string, events: readonly StoredEvent[]): () => Promise<void> {
    this.assertOpen();
    assertServiceName('source', source);
    const records = events.map((event) => toKafkaRecord(source, partitionKey(event), event));
    const topic = this.topicOf(source);
    return async () => {
      this.assertOpen();
      if (records.length === 0) return;
      await this.ensureTopics([source]);
      const producer = await this.connectedProducer();
      try {
        await tracePublish(topic, events, partitionKey, (traceparents) =>
          producer.send({
            topic,
            acks: -1,
            messages: records.map((record, index) => {
              const traceparent = traceparents[index];
              // With tracing off the send span is the envelope's own context: the record already says so.
              // A copy otherwise: the records are sent again as they are if this send fails.
              if (traceparent === undefined || traceparent === record.headers[TRACEPARENT_HEADER]) return record;
              return { ...record, headers: { ...record.headers, [TRACEPARENT_HEADER]: traceparent } };
            }),
          }),
        );
      } catch (error) {
        if (isNonRetriable(error)) this.dropProducer();
        throw error;
      }
      eventsRelayed.add(records.length, { 'messaging.system': 'kafka', 'messaging.destination.name': topic });
    };
  }

  async subscribe(options: BusSubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    assertGroup(options.group);
    assertSources(options.sources);
    const retry = validateRetry(options.retry);
    const accept = eventAcceptance(options);
    await this.ensureTopics(options.sources);
    const sourceOf = new Map(options.sources.map((source) => [this.topicOf(source), source]));
    // The producer span's context travels in the plain header, beside the envelope's own.
    const headerTraceparents = new WeakMap<Delivery, string>();
    return this.startMember<Delivery>({
      group: options.group,
      topics: [...sourceOf.keys()],
      startFrom: options.startFrom ?? 'earliest',
      maxBatchSize: options.maxBatchSize ?? 500,
      retry,
      decode: (message, position) => {
        try {
          const delivery: Delivery = { event: accept(fromKafkaMessage(message)), source: sourceOf.get(position.topic)!, position };
          const traceparent = traceparentFromHeaders(message.headers);
          if (traceparent !== undefined) headerTraceparents.set(delivery, traceparent);
          return { ok: true, payload: delivery };
        } catch (error) {
          return {
            ok: false,
            error: error instanceof RejectedMessageError ? error : new RejectedMessageError('MESSAGING.MALFORMED_MESSAGE', `The message could not be read: ${errorMessage(error)}`),
          };
        }
      },
      handle: (deliveries) => traceProcess(options.group, deliveries, (delivery) => headerTraceparents.get(delivery), options.handle),
      deadLetter: async (message, position, error, attempts) => {
        const producer = await this.connectedProducer();
        await producer.send({
          topic: deadLetterTopic(position.topic),
          acks: -1,
          messages: [
            {
              key: message.key,
              value: message.value,
              headers: deadLetterHeaders(message.headers ?? {}, { origin: position, group: options.group, error, attempts, at: new Date().toISOString() }),
            },
          ],
        });
        messagesDeadLettered.add(1, { 'messaging.destination.name': position.topic, 'messaging.consumer.group.name': options.group, 'error.type': error.code });
      },
    });
  }

  async subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<BusSubscription> {
    this.assertOpen();
    assertGroup(options.group);
    assertSources(options.sources);
    const retry = { ...validateRetry({ ...options.retry, maxAttempts: 1 }), maxAttempts: Number.POSITIVE_INFINITY };
    await this.ensureTopics(options.sources);
    const topics = options.sources.map((source) => deadLetterTopic(this.topicOf(source)));
    return this.startMember<DeadLetter>({
      group: options.group,
      topics,
      startFrom: options.startFrom ?? 'earliest',
      maxBatchSize: 500,
      retry,
      decode: (message, position) => ({ ok: true, payload: readDeadLetter(message, position, this.namespace) }),
      handle: options.handle,
      deadLetter: async () => undefined,
    });
  }

  /** Per partition of the sources' topics, the messages `group` has not committed past (consumer lag). */
  async consumerLag(group: string, sources: readonly string[]): Promise<Array<{ topic: string; partition: number; lag: number }>> {
    assertGroup(group);
    assertSources(sources);
    return this.admin.groupLag(group, sources.map((source) => this.topicOf(source)));
  }

  /**
   * Can the broker be reached right now? Asks the cluster for its metadata, bounded by
   * `timeoutMs`; answers from the last probe for `cacheMs` so readiness polling does not
   * hammer the broker. For `/health/ready`.
   */
  async probe(timeoutMs = 1_500, cacheMs = 1_000): Promise<{ reachable: boolean; error?: string; checkedAt: string }> {
    const cached = this.lastProbe;
    if (cached && Date.now() - cached.at < cacheMs) return cached.result;
    this.probing ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      let result: { reachable: boolean; error?: string; checkedAt: string };
      try {
        await Promise.race([admin.connect().then(() => admin.describeCluster()), late]);
        result = { reachable: true, checkedAt: new Date().toISOString() };
      } catch (error) {
        result = { reachable: false, error: errorMessage(error), checkedAt: new Date().toISOString() };
      } finally {
        clearTimeout(timer);
        void admin.disconnect().catch(() => undefined);
      }
      this.lastProbe = { at: Date.now(), result };
      return result;
    })().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  /** Stops every subscription (each drains and commits), then disconnects the producer. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.members].map((member) => member.stop()));
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private async startMember<P>(config: {
    group: string;
    topics: string[];
    startFrom: 'earliest' | 'latest';
    maxBatchSize: number;
    retry: ReturnType<typeof validateRetry>;
    decode: (message: Parameters<typeof fromKafkaMessage>[0], position: Delivery['position']) => PipelineMessage<P>['decoded'];
    handle: (payloads: readonly P[]) => Promise<void> | void;
    deadLetter: ConstructorParameters<typeof KafkaConsumerMember<P>>[0]['deadLetter'];
  }): Promise<BusSubscription> {
    const initialSeeks = config.startFrom === 'latest' ? await this.admin.uncommittedEnds(config.group, config.topics) : [];
    const member = new KafkaConsumerMember<P>({ ...config, initialSeeks, kafka: this.kafka, settings: this.consumerSettings, logger: this.logger });
    await member.start();
    this.members.add(member as KafkaConsumerMember<unknown>);
    return {
      ready: member.ready,
      stop: async () => {
        this.members.delete(member as KafkaConsumerMember<unknown>);
        await member.stop();
      },
    };
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
      });
      const connecting = producer.connect().then(() => producer);
      this.producer = connecting;
      connecting.catch(() => {
        if (this.producer === connecting) this.producer = undefined;
      });
    }
    return this.producer;
  }

  // A producer that hit a non-retriable error (e.g. a sequence the broker no longer
  // accepts) stays broken; the next publish starts a new producer session.
  private dropProducer(): void {
    const producer = this.producer;
    this.producer = undefined;
    void producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closed) throw new MessagingClosedError();
  }
}
