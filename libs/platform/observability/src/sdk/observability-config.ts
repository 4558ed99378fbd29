import { LeerzoneError } from '@leerzone/kernel';
/** What `startObservability` turns on, decided from the standard OTEL_* variables. */
export interface ObservabilityConfig {
  readonly traces: 'otlp' | 'console' | 'none';
  readonly metrics: 'otlp' | 'console' | 'none';
  /** Milliseconds between metric exports (OTEL_METRIC_EXPORT_INTERVAL). */
  readonly metricExportIntervalMs: number;
}

export class ObservabilityConfigError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('OBSERVABILITY.INVALID_CONFIG', message, field);
  }
}

const exporterOf = (env: NodeJS.ProcessEnv, variable: string, endpointVariables: readonly string[]): 'otlp' | 'console' | 'none' => {
  const raw = env[variable]?.trim();
  if (raw) {
    // The spec allows a list; Leerzone exports to one place, so take the first.
    const first = raw.split(',')[0]!.trim();
    if (first === 'otlp' || first === 'console' || first === 'none') return first;
    throw new ObservabilityConfigError(variable, `${variable} must be otlp, console or none; got "${raw}".`);
  }
  // Off unless someone said where to send: an endpoint implies OTLP.
  return endpointVariables.some((name) => (env[name] ?? '').trim().length > 0) ? 'otlp' : 'none';
};

/**
 * Off by default: nothing is exported (and no SDK is registered) unless an OTLP endpoint or
 * an exporter is named. OTEL_SDK_DISABLED=true wins over everything.
 */
export function observabilityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ObservabilityConfig {
  const interval = env['OTEL_METRIC_EXPORT_INTERVAL'] ?? '60000';
  const metricExportIntervalMs = Number(interval);
  if (!Number.isSafeInteger(metricExportIntervalMs) || metricExportIntervalMs < 100) {
    throw new ObservabilityConfigError('OTEL_METRIC_EXPORT_INTERVAL', `OTEL_METRIC_EXPORT_INTERVAL is milliseconds (at least 100); got "${interval}".`);
  }
  if ((env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase() === 'true') return { traces: 'none', metrics: 'none', metricExportIntervalMs };
  return {
    traces: exporterOf(env, 'OTEL_TRACES_EXPORTER', ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']),
    metrics: exporterOf(env, 'OTEL_METRICS_EXPORTER', ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT']),
    metricExportIntervalMs,
  };
}
