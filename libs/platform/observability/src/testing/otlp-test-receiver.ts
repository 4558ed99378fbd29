import { createServer, type Server } from 'node:http';

/** One span as an OTLP/HTTP receiver got it, with the service that sent it. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface OtlpJsonTraces {
  resourceSpans?: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans?: { spans?: OtlpJsonSpan[] }[] }[];
}

// OTLP/JSON carries ids as hex; accept base64 (the protobuf-JSON mapping) too.
const hexId = (id: string | undefined): string | undefined => {
  if (!id) return undefined;
  if (/^[0-9a-f]+$/i.test(id) && (id.length === 32 || id.length === 16)) return id.toLowerCase();
  return Buffer.from(id, 'base64').toString('hex');
};
const valueOf = (value: OtlpValue): unknown => value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue ?? value.boolValue);

function receivedSpans(body: OtlpJsonTraces): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const resourceSpans of body.resourceSpans ?? []) {
    const service = String(valueOf(resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value ?? {}) ?? '');
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const parentSpanId = hexId(span.parentSpanId);
        out.push({
          service,
          traceId: hexId(span.traceId)!,
          spanId: hexId(span.spanId)!,
          ...(parentSpanId ? { parentSpanId } : {}),
          name: span.name,
          kind: span.kind,
          attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
        });
      }
    }
  }
  return out;
}

/**
 * A local OTLP/HTTP (JSON) trace receiver on 127.0.0.1 for tests that span several OS
 * processes: start it, give each process `OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint`
 * (and `OTEL_BSP_SCHEDULE_DELAY=100` to export quickly), then wait for the spans.
 */
export class OtlpTestReceiver {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    readonly spans: ReceivedSpan[],
    private readonly waiters: Set<() => void>,
  ) {}

  static async start(): Promise<OtlpTestReceiver> {
    const spans: ReceivedSpan[] = [];
    const waiters = new Set<() => void>();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces' && String(request.headers['content-type']).includes('json')) {
          spans.push(...receivedSpans(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJsonTraces));
          waiters.forEach((wake) => wake());
        }
        // Metrics and logs are accepted and dropped: these tests look at traces.
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return new OtlpTestReceiver(server, `http://127.0.0.1:${port}`, spans, waiters);
  }

  /** Resolves with the received spans once `predicate` holds for them; rejects after `timeoutMs`. */
  waitFor(predicate: (spans: readonly ReceivedSpan[]) => boolean, timeoutMs = 15_000): Promise<ReceivedSpan[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.spans)) return;
        cleanup();
        resolve([...this.spans]);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for spans; received: ${this.spans.map((s) => `${s.service}:${s.name}`).join(', ') || 'none'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
