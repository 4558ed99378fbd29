import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OtlpTestReceiver } from '../testing';

const run = promisify(execFile);
const FIXTURE = join(__dirname, '../../fixtures/emit-spans.ts');
const UPSTREAM = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** Separate OS processes, configured only through OTEL_* variables, exporting over OTLP/HTTP to one receiver. */
describe('OTLP export from separate processes', () => {
  let receiver: OtlpTestReceiver;
  beforeAll(async () => {
    receiver = await OtlpTestReceiver.start();
  });
  afterAll(() => receiver.close());

  const emit = (service: string, env: Record<string, string>) =>
    run(process.execPath, ['--conditions=@leerzone/source', '-r', '@swc-node/register', FIXTURE], {
      env: { ...process.env, FIXTURE_SERVICE: service, FIXTURE_TRACEPARENT: UPSTREAM, ...env },
      timeout: 60_000,
    });

  it('exports when OTEL_EXPORTER_OTLP_ENDPOINT is set: two processes, one trace continued from the traceparent handed between them', async () => {
    await Promise.all([
      emit('governance', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint }),
      emit('analytics', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint }),
    ]);
    const spans = await receiver.waitFor((received) => received.length >= 4);
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(['governance', 'analytics']));
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set(['4bf92f3577b34da6a3ce929d0e0e4736']));
    for (const service of ['governance', 'analytics']) {
      const outer = spans.find((span) => span.service === service && span.name === 'outer')!;
      const inner = spans.find((span) => span.service === service && span.name === 'inner')!;
      expect(outer).toMatchObject({ parentSpanId: '00f067aa0ba902b7', kind: 2 });
      expect(inner.parentSpanId).toBe(outer.spanId);
    }
  });

  it('exports nothing when no endpoint or exporter is configured', async () => {
    const before = receiver.spans.length;
    const env = Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith('OTEL_')).map((key) => [key, '']));
    await emit('silent', env);
    // The fixture shuts its SDK down before exiting, so anything it would send has been sent.
    expect(receiver.spans.slice(before).filter((span) => span.service === 'silent')).toEqual([]);
  });
});
