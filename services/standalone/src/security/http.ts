import { request as httpRequest } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Runs `work` over `items`, `width` at a time, keeping the order of the results. */
export async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * One HTTP request with node's own client: headers and bodies exactly as given (fetch would
 * refuse some of what attacks send), and a closed connection read as status 0.
 */
export function send(url: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}): Promise<Answer> {
  const target = new URL(path, url);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        // A declared length unless the attack chose its framing (node sends a DELETE's body unframed otherwise).
        headers: { connection: 'close', ...(options.body !== undefined && !options.headers?.['transfer-encoding'] ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}), ...(options.headers ?? {}) },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
        response.on('error', () => resolve({ status: 0, text: 'response aborted', headers: {} }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: `connection: ${(error as NodeJS.ErrnoException).code ?? error.message}`, headers: {} }));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
