import { MetricReader, type ResourceMetrics, type DataPoint } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { startObservability, type ObservabilityHandle } from '../sdk/start-observability';

/** A metric reader that collects only when asked: `collect()` returns what the SDK holds now. */
export class TestMetricReader extends MetricReader {
  // Nothing is buffered: data leaves only through collect().
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

export interface TestObservability {
  readonly spans: InMemorySpanExporter;
  readonly metricReader: TestMetricReader;
  readonly handle: ObservabilityHandle;
  /** Finished spans so far. */
  finishedSpans(): ReadableSpan[];
  /** Collects metrics now and returns the data points of one instrument. */
  dataPoints(metricName: string): Promise<DataPoint<unknown>[]>;
  shutdown(): Promise<void>;
}

/** The SDK with an in-memory span exporter and an on-demand metric reader, for tests in this process. */
export function startTestObservability(serviceName = 'leerzone-test'): TestObservability {
  const spans = new InMemorySpanExporter();
  const metricReader = new TestMetricReader();
  const handle = startObservability({ serviceName, spanProcessors: [new SimpleSpanProcessor(spans)], metricReaders: [metricReader], env: {} });
  return {
    spans,
    metricReader,
    handle,
    finishedSpans: () => spans.getFinishedSpans(),
    dataPoints: async (metricName) => {
      const { resourceMetrics } = await metricReader.collect();
      return pointsOf(resourceMetrics, metricName);
    },
    shutdown: () => handle.shutdown(),
  };
}

const pointsOf = (resourceMetrics: ResourceMetrics, name: string): DataPoint<unknown>[] =>
  resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics.filter((metric) => metric.descriptor.name === name).flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]));
