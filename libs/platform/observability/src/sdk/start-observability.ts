import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { ConsoleMetricExporter, MeterProvider, PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { randomUUID } from 'node:crypto';
import { boundInstruments } from '../metrics/instruments';
import { observabilityConfigFromEnv, type ObservabilityConfig } from './observability-config';

export interface ObservabilityOptions {
  /** `service.name` unless OTEL_SERVICE_NAME (or OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
  readonly serviceName: string;
  readonly serviceVersion?: string;
  /** Decides what is on (default `process.env`); the OTLP exporters read endpoint, headers and timeouts from `process.env` themselves. */
  readonly env?: NodeJS.ProcessEnv;
  /** Replace the exporters the environment selects (tests: an in-memory exporter). */
  readonly spanProcessors?: readonly SpanProcessor[];
  readonly metricReaders?: readonly MetricReader[];
}

export interface ObservabilityHandle {
  /** Whether traces / metrics are being recorded in this process. */
  readonly tracing: boolean;
  readonly metering: boolean;
  readonly config: ObservabilityConfig;
  forceFlush(): Promise<void>;
  /** Flushes and unregisters; the last holder's call really shuts the SDK down. */
  shutdown(): Promise<void>;
}

interface Running {
  readonly handle: Omit<ObservabilityHandle, 'shutdown'>;
  readonly stop: () => Promise<void>;
  holders: number;
}

let running: Running | undefined;

/**
 * Registers the OpenTelemetry SDK globally, once per process: a Node tracer provider
 * (AsyncLocalStorage context, W3C trace-context propagation) and a meter provider, both
 * exporting over OTLP/HTTP to the endpoint in the standard OTEL_EXPORTER_OTLP_* variables.
 *
 * Off unless configured (see `observabilityConfigFromEnv`): then nothing is registered,
 * every span and instrument is the API's no-op, and traceparents still pass through
 * envelopes and headers unchanged. A second call while running returns the running SDK
 * (several Nest apps in one process, or a test that installed in-memory exporters first).
 */
export function startObservability(options: ObservabilityOptions): ObservabilityHandle {
  if (!running) {
    const started = start(options);
    // Nothing registered: nothing to share or to shut down, and a later call may still turn it on.
    if (!started.handle.tracing && !started.handle.metering) return { ...started.handle, shutdown: async () => undefined };
    running = started;
  }
  running.holders++;
  const current = running;
  let released = false;
  return {
    ...current.handle,
    forceFlush: () => current.handle.forceFlush(),
    shutdown: async () => {
      if (released) return;
      released = true;
      if (--current.holders > 0) return;
      if (running === current) running = undefined;
      await current.stop();
    },
  };
}

function start(options: ObservabilityOptions): Running {
  const env = options.env ?? process.env;
  const config = observabilityConfigFromEnv(env);
  const tracing = options.spanProcessors !== undefined || config.traces !== 'none';
  const metering = options.metricReaders !== undefined || config.metrics !== 'none';
  if (!tracing && !metering) {
    return { handle: { tracing, metering, config, forceFlush: async () => undefined }, stop: async () => undefined, holders: 0 };
  }
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: options.serviceName,
    ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
    'service.instance.id': randomUUID(),
  }).merge(detectResources({ detectors: [envDetector] }));

  let tracerProvider: NodeTracerProvider | undefined;
  if (tracing) {
    const processors = options.spanProcessors ?? [new BatchSpanProcessor(config.traces === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter())];
    tracerProvider = new NodeTracerProvider({ resource, spanProcessors: [...processors] });
    // Default registration: AsyncLocalStorage context manager, W3C traceparent + baggage.
    tracerProvider.register();
  }
  let meterProvider: MeterProvider | undefined;
  if (metering) {
    const readers = options.metricReaders ?? [
      new PeriodicExportingMetricReader({
        exporter: config.metrics === 'console' ? new ConsoleMetricExporter() : new OTLPMetricExporter(),
        exportIntervalMillis: config.metricExportIntervalMs,
      }),
    ];
    meterProvider = new MeterProvider({ resource, readers: [...readers] });
    metrics.setGlobalMeterProvider(meterProvider);
    // Gauges exist only once bound; bind now so they report even before the first record.
    boundInstruments();
  }
  const forceFlush = async () => {
    await Promise.all([tracerProvider?.forceFlush(), meterProvider?.forceFlush()]);
  };
  return {
    holders: 0,
    handle: { tracing, metering, config, forceFlush },
    stop: async () => {
      await forceFlush().catch(() => undefined);
      await Promise.all([tracerProvider?.shutdown(), meterProvider?.shutdown()]);
      if (tracerProvider) {
        trace.disable();
        context.disable();
        propagation.disable();
      }
      if (meterProvider) metrics.disable();
    },
  };
}
