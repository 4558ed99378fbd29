export * from './test-observability';
export * from './otlp-test-receiver';
