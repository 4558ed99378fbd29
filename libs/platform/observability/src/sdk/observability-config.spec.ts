import { ObservabilityConfigError, observabilityConfigFromEnv } from './observability-config';
import { startObservability } from './start-observability';

describe('observability configuration', () => {
  it('is off unless an endpoint or an exporter is named', () => {
    expect(observabilityConfigFromEnv({})).toMatchObject({ traces: 'none', metrics: 'none' });
    expect(observabilityConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toMatchObject({ traces: 'otlp', metrics: 'otlp' });
    expect(observabilityConfigFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toMatchObject({ traces: 'otlp', metrics: 'none' });
    expect(observabilityConfigFromEnv({ OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({ traces: 'console', metrics: 'none' });
    expect(observabilityConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_METRICS_EXPORTER: 'none' })).toMatchObject({ traces: 'otlp', metrics: 'none' });
    expect(observabilityConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toMatchObject({ traces: 'none', metrics: 'none' });
  });

  it('rejects exporters and intervals it does not know, naming the variable', () => {
    expect(() => observabilityConfigFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(ObservabilityConfigError);
    expect(() => observabilityConfigFromEnv({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => observabilityConfigFromEnv({ OTEL_METRIC_EXPORT_INTERVAL: 'soon' })).toThrow(/OTEL_METRIC_EXPORT_INTERVAL/);
  });

  it('registers nothing when off', async () => {
    const handle = startObservability({ serviceName: 'x', env: {} });
    expect(handle).toMatchObject({ tracing: false, metering: false });
    await handle.shutdown();
  });
});
