import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { webAppSecurityHeaders } from '@leerzone/nest-platform';
import { connectSourcesOf, type WebConfig } from './web-config';

/** Paths that stay the API's, whatever the web app holds. */
const API_PREFIXES = ['/api', '/docs', '/health', '/metrics'];

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebAppOptions {
  /** The web app's build (`services/web/dist`). Without an index.html nothing is served and every path stays the API's. */
  readonly distDir: string;
  /** What `/web-config.json` says (`web-config.ts`: the trace link, the development issuer, the OpenID provider). */
  readonly config: WebConfig;
}

export function isWebAppPath(method: string | undefined, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  // `/docs-json` is the OpenAPI document, so `/docs` counts with any suffix.
  return !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || (prefix === '/docs' && path.startsWith('/docs-')));
}

/**
 * Serves the web app's static files at `/` in front of the Nest application on the same HTTP
 * server: GETs outside /api, /docs and /health are answered here (a file of the build, else
 * index.html — the app routes after `#`), with the web app's own strict CSP; everything else
 * goes to Nest untouched. `/web-config.json` tells the app what this process offers.
 */
export function serveWebApp(server: Server, options: WebAppOptions): boolean {
  const root = resolve(options.distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const headers = webAppSecurityHeaders({ connectSrc: connectSourcesOf(options.config) });
  const config = JSON.stringify(options.config);
  const api = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = pathOf(request.url);
    if (path === null || !isWebAppPath(request.method, path)) {
      for (const listener of api) listener.call(server, request, response);
      return;
    }
    headers(request as never, response as never, () => {
      if (path === '/web-config.json') return send(response, request.method, 200, TYPES['.json']!, 'no-store', config);
      const file = fileFor(root, path) ?? index;
      const immutable = file !== index && path.startsWith('/assets/');
      response.statusCode = 200;
      response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file).on('error', () => response.destroy()).pipe(response);
    });
  });
  return true;
}

function pathOf(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://web.invalid').pathname);
  } catch {
    return null;
  }
}

/** A file of the build for this path, never outside it. */
function fileFor(root: string, path: string): string | null {
  if (path.includes('\0')) return null;
  const candidate = normalize(join(root, path));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    return statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, method: string | undefined, status: number, type: string, cache: string, body: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', type);
  response.setHeader('Cache-Control', cache);
  response.end(method === 'HEAD' ? undefined : body);
}
