import { metrics, type Attributes, type Counter, type Histogram, type MeterProvider, type ObservableGauge } from '@opentelemetry/api';
import { INSTRUMENTATION_SCOPE } from '../tracing/trace-context';

/** Every instrument Leerzone records, by name: dashboards and alerts refer to these. */
export const METRIC_NAMES = {
  /** Histogram, seconds; `leerzone.command.type`, `leerzone.command.outcome` (accepted | rejected | failed). */
  commandDuration: 'leerzone.command.duration',
  /** Histogram, seconds (semantic conventions); `db.system.name`, `db.operation.name` (append | read_stream). */
  eventStoreOperationDuration: 'db.client.operation.duration',
  /** Histogram, seconds (semantic conventions); `http.request.method`, `http.route`, `http.response.status_code`, `error.type`. */
  httpServerRequestDuration: 'http.server.request.duration',
  /** Counter; `messaging.system`, `messaging.destination.name`. */
  eventsRelayed: 'leerzone.relay.events',
  /** Counter; `messaging.destination.name`, `messaging.consumer.group.name`, `error.type`. */
  messagesDeadLettered: 'leerzone.messaging.dead_lettered',
  /** Gauge, messages; `messaging.consumer.group.name`, `messaging.destination.name`, `messaging.destination.partition.id`. */
  consumerLag: 'leerzone.messaging.consumer.lag',
  /** Gauge, events (store head − checkpoint); `leerzone.projection.name`. */
  projectionLag: 'leerzone.projection.lag',
} as const;

// Semantic-conventions advice for request durations, in seconds.
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** One reading of a gauge: its value and what it is about. */
export interface GaugeReading {
  readonly value: number;
  readonly attributes?: Attributes;
}

/** Called at every metric collection; return the current readings (e.g. `runner.status()` mapped). */
export type GaugeSource = () => readonly GaugeReading[] | Promise<readonly GaugeReading[]>;

interface Bound {
  readonly provider: MeterProvider;
  readonly commandDuration: Histogram;
  readonly eventStoreOperationDuration: Histogram;
  readonly httpServerRequestDuration: Histogram;
  readonly eventsRelayed: Counter;
  readonly messagesDeadLettered: Counter;
  readonly consumerLag: ObservableGauge;
  readonly projectionLag: ObservableGauge;
}

const gaugeSources = { consumerLag: new Set<GaugeSource>(), projectionLag: new Set<GaugeSource>() };
let bound: Bound | undefined;

/**
 * The OpenTelemetry API hands out no-op instruments before an SDK is registered and never
 * upgrades them, so instruments created at import time would stay silent. Instead they are
 * (re)created whenever the global meter provider changes; until then every call is a no-op.
 */
export function boundInstruments(): Bound {
  const provider = metrics.getMeterProvider();
  if (bound?.provider === provider) return bound;
  const meter = provider.getMeter(INSTRUMENTATION_SCOPE);
  const histogram = (name: string, description: string) => meter.createHistogram(name, { description, unit: 's', advice: { explicitBucketBoundaries: DURATION_BUCKETS } });
  const gauge = (name: string, description: string, unit: string, sources: Set<GaugeSource>) => {
    const instrument = meter.createObservableGauge(name, { description, unit });
    instrument.addCallback(async (result) => {
      for (const source of sources) {
        // One failing source must not hide the others' readings.
        const readings = await Promise.resolve()
          .then(source)
          .catch(() => [] as GaugeReading[]);
        for (const reading of readings) result.observe(reading.value, reading.attributes);
      }
    });
    return instrument;
  };
  bound = {
    provider,
    commandDuration: histogram(METRIC_NAMES.commandDuration, 'Time to handle one command: load, decide, append (with retries).'),
    eventStoreOperationDuration: histogram(METRIC_NAMES.eventStoreOperationDuration, 'Duration of event store operations.'),
    httpServerRequestDuration: histogram(METRIC_NAMES.httpServerRequestDuration, 'Duration of HTTP server requests.'),
    eventsRelayed: meter.createCounter(METRIC_NAMES.eventsRelayed, { description: 'Events forwarded from the event store to the bus.', unit: '{event}' }),
    messagesDeadLettered: meter.createCounter(METRIC_NAMES.messagesDeadLettered, { description: 'Messages moved to a dead-letter topic.', unit: '{message}' }),
    consumerLag: gauge(METRIC_NAMES.consumerLag, 'Messages in a partition not yet processed by a consumer group.', '{message}', gaugeSources.consumerLag),
    projectionLag: gauge(METRIC_NAMES.projectionLag, 'Events in the store not yet applied to a projection.', '{event}', gaugeSources.projectionLag),
  };
  return bound;
}

const histogramOf = (pick: (b: Bound) => Histogram) => ({
  /** Records a duration in seconds. */
  record: (seconds: number, attributes?: Attributes) => pick(boundInstruments()).record(seconds, attributes),
});
const counterOf = (pick: (b: Bound) => Counter) => ({
  add: (value: number, attributes?: Attributes) => pick(boundInstruments()).add(value, attributes),
});
const gaugeOf = (sources: Set<GaugeSource>) => ({
  /** Registers a source read at every collection; returns a function that unregisters it. */
  observe: (source: GaugeSource): (() => void) => {
    boundInstruments();
    sources.add(source);
    return () => void sources.delete(source);
  },
});

export const commandDuration = histogramOf((b) => b.commandDuration);
export const eventStoreOperationDuration = histogramOf((b) => b.eventStoreOperationDuration);
export const httpServerRequestDuration = histogramOf((b) => b.httpServerRequestDuration);
export const eventsRelayed = counterOf((b) => b.eventsRelayed);
export const messagesDeadLettered = counterOf((b) => b.messagesDeadLettered);
export const consumerLag = gaugeOf(gaugeSources.consumerLag);
export const projectionLag = gaugeOf(gaugeSources.projectionLag);

/** Seconds since a `performance.now()` reading. */
export const secondsSince = (start: number): number => (performance.now() - start) / 1000;
