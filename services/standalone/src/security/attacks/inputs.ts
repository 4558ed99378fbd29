import { connect } from 'node:net';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { pool, send, type Answer } from '../http';
import { fill, type Route, type Target } from '../target';

const FAKE_ID = '01900000-0000-7000-8000-00000000abcd';

/** Operators a MongoDB-style store would obey if a request could smuggle them into a filter. */
const OPERATOR_VALUES: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(2000) || true' }, { $regex: '.*' }, { $in: [] }, { $expr: { $eq: [1, 1] } }];
const OPERATOR_STRINGS = ['{"$gt":""}', '{"$ne":null}', '{"$where":"sleep(2000)"}', '$where', '[$ne]', '.*', "' || '1'=='1"];

/** The ids the attacker's request did not name but that an operator matching everything would return. */
const leaked = (target: Target, text: string): boolean => text.includes(target.seeded.victimMarker) || text.includes(target.seeded.victimTeamId);

/** A write route's path, with the attacker's own ids where it names one (so the body is what gets judged). */
const ownPath = (target: Target, route: Route) => fill(route.path, (name) => (name === 'teamId' ? target.seeded.ownTeamId : FAKE_ID));

const judge = (target: Target, label: string, answer: Answer, extra: (answer: Answer) => boolean = () => false): Attempt => ({
  label,
  gotThrough: answer.status >= 500 || answer.status === 0 || leaked(target, answer.text) || extra(answer),
  answer: answerOf(answer.status, answer.text),
});

const writes = (target: Target) => target.routes.filter((r) => !r.isPublic && r.hasBody);
const authorised = (target: Target, headers: Record<string, string> = {}) => ({ authorization: `Bearer ${target.attacker}`, ...headers });

/** Operator strings in every path parameter of every route: never a 5xx, never another's data, never an entity the id did not name. */
const injectionInPaths: Attack<Target> = {
  attackClass: 'operator injection in path ids',
  run: async (target) => {
    const jobs = target.routes.filter((r) => r.pathParams.length > 0).flatMap((route) => route.pathParams.flatMap((param) => OPERATOR_STRINGS.map((payload) => ({ route, param, payload }))));
    return pool(jobs, 8, async ({ route, param, payload }) => {
      const path = fill(route.path, (name) => (name === param ? payload : FAKE_ID));
      const answer = await send(target.dev.url, route.method, path, { headers: authorised(target, route.hasBody ? { 'content-type': 'application/json' } : {}), ...(route.hasBody ? { body: '{}' } : {}) });
      // An id that is an operator string names nothing: a success answering with the attacker's own team means it matched.
      return judge(target, `${route.method} ${route.path} ${param}=${payload}`, answer, (a) => a.status < 300 && a.text.includes(target.seeded.ownTeamId));
    });
  },
};

/** Operators in every documented query parameter, as `p[$op]=` and as JSON text; and unknown operator-named parameters. */
const injectionInQueries: Attack<Target> = {
  attackClass: 'operator injection in query filters',
  run: async (target) => {
    const routes = target.routes.filter((r) => r.method === 'GET' && !r.isPublic);
    const jobs = routes.flatMap((route) => {
      const params = [...route.queryParams, '$where', 'filter', 'tenantId'];
      return params.flatMap((param) => [`${encodeURIComponent(param)}[$gt]=`, `${encodeURIComponent(param)}[$ne]=x`, ...OPERATOR_STRINGS.map((p) => `${encodeURIComponent(param)}=${encodeURIComponent(p)}`)].map((query) => ({ route, query })));
    });
    return pool(jobs, 8, async ({ route, query }) => {
      const path = `${fill(route.path, (name) => (name === 'teamId' ? target.seeded.ownTeamId : FAKE_ID))}?${query}`;
      const answer = await send(target.dev.url, 'GET', path, { headers: authorised(target) });
      return judge(target, `GET ${path}`, answer);
    });
  },
};

/**
 * Operator objects in place of every top-level body field, a whole body of operators, and
 * prototype keys: every one must be refused (an operator object is never a valid value).
 */
const injectionInBodies: Attack<Target> = {
  attackClass: 'operator injection in bodies',
  run: async (target) => {
    const jobs = writes(target).flatMap((route) => [
      ...route.bodyProperties.flatMap((property) => OPERATOR_VALUES.map((value) => ({ route, label: `${property}=${JSON.stringify(value)}`, body: JSON.stringify({ [property]: value }) }))),
      { route, label: 'whole body $where', body: JSON.stringify({ $where: 'sleep(2000) || true' }) },
      { route, label: 'whole body $gt', body: JSON.stringify({ $gt: '' }) },
      { route, label: '__proto__', body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}' },
    ]);
    return pool(jobs, 8, async ({ route, label, body }) => {
      const answer = await send(target.dev.url, route.method, ownPath(target, route), { headers: authorised(target, { 'content-type': 'application/json' }), body });
      return judge(target, `${route.method} ${route.path} ${label}`, answer, (a) => a.status < 300);
    });
  },
};

/** Bodies over the limit — declared, chunked and lying about their length — are refused before anyone reads them. */
const oversized: Attack<Target> = {
  attackClass: 'oversized bodies',
  run: async (target) => {
    const big = JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) });
    const attempts: Attempt[] = [];
    for (const route of writes(target).slice(0, 40)) {
      const answer = await send(target.dev.url, route.method, ownPath(target, route), { headers: authorised(target, { 'content-type': 'application/json' }), body: big });
      attempts.push(judge(target, `${route.method} ${route.path} 3 MB`, answer, (a) => a.status !== 413));
    }
    const chunked = await send(target.dev.url, 'POST', '/api/governance/teams', { headers: authorised(target, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }), body: big });
    attempts.push(judge(target, 'chunked 3 MB', chunked, (a) => a.status !== 413));
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);
    const nested = await send(target.dev.url, 'POST', '/api/governance/teams', { headers: authorised(target, { 'content-type': 'application/json' }), body: deep });
    attempts.push(judge(target, '400,000 nested arrays', nested, (a) => a.status < 300));
    const manyKeys = JSON.stringify(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i])));
    const keys = await send(target.dev.url, 'POST', '/api/governance/teams', { headers: authorised(target, { 'content-type': 'application/json' }), body: manyKeys });
    attempts.push(judge(target, '60,000 keys', keys, (a) => a.status < 300));
    return attempts;
  },
};

/** Bodies that are not JSON, or not well-formed JSON, on every write route. */
const malformed: Attack<Target> = {
  attackClass: 'malformed and non-JSON bodies',
  run: async (target) => {
    const bodies: Array<[string, string, string | Buffer]> = [
      ['truncated JSON', 'application/json', '{"name": "Team'],
      ['trailing garbage', 'application/json', '{"name":"Team"} {"x":1}'],
      ['NaN', 'application/json', '{"name": NaN}'],
      ['a bare string', 'application/json', '"Team"'],
      ['null', 'application/json', 'null'],
      ['invalid UTF-8', 'application/json', Buffer.concat([Buffer.from('{"name":"Team '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])],
      ['overlong UTF-8', 'application/json', Buffer.concat([Buffer.from('{"name":"Team '), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
      ['form encoded', 'application/x-www-form-urlencoded', 'name=Team&roles[]=admin'],
      ['plain text', 'text/plain', 'name=Team'],
      ['XML', 'application/xml', '<team><name>Team</name></team>'],
      ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nTeam\r\n--x--'],
      ['JSON with another charset', 'application/json; charset=utf-16', '{"name":"Team"}'],
    ];
    const jobs = writes(target).flatMap((route) => bodies.map(([label, type, body]) => ({ route, label, type, body })));
    return pool(jobs, 8, async ({ route, label, type, body }) => {
      const answer = await send(target.dev.url, route.method, ownPath(target, route), { headers: authorised(target, { 'content-type': type }), body });
      return judge(target, `${route.method} ${route.path} ${label}`, answer, (a) => a.status < 300 || !a.text.includes('"requestId"'));
    });
  },
};

/** Raw bytes on a socket: what a client library would never send. */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let out = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (out += chunk.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', () => resolve(out));
    socket.write(request, 'latin1');
  });
}

/** Malformed headers: control characters, duplicates, oversized, and values our own headers refuse. */
const malformedHeaders: Attack<Target> = {
  attackClass: 'malformed headers',
  run: async (target) => {
    const token = target.attacker;
    const lines = (extra: string, body = '') => `POST /api/governance/teams HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const body = '{"name":"Header test"}';
    const requests: Array<[string, string]> = [
      ['bearer with a NUL', lines(`Authorization: Bearer ${token}\u0000admin\r\n`, body)],
      ['two Authorization headers', lines(`Authorization: Bearer ${token}\r\nAuthorization: Bearer garbage\r\n`, body)],
      ['header of 64 KB', lines(`Authorization: Bearer ${token}\r\nX-Pad: ${'a'.repeat(64 * 1024)}\r\n`, body)],
      ['two Content-Length headers', `POST /api/governance/teams HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: ${body.length}\r\n\r\n${body}`],
      ['Content-Length shorter than the body', `POST /api/governance/teams HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n${body}`],
      ['obs-fold', lines(`Authorization: Bearer\r\n ${token}\r\n`, body)],
      ['no Host', `GET /api/governance/teams HTTP/1.1\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\n\r\n`],
    ];
    const attempts: Attempt[] = [];
    for (const [label, request] of requests) {
      const answer = await raw(target.dev.url, request);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      attempts.push({ label, gotThrough: status >= 500 || (status >= 200 && status < 300) || answer.includes(target.seeded.victimMarker), answer: answer.slice(0, 200) });
    }
    // Headers of ours with values they do not accept: 400 naming the header, nothing written.
    const ours: Array<Record<string, string>> = [
      { 'x-correlation-id': 'a b c' },
      { 'x-correlation-id': '{"$gt":""}' },
      { 'x-reason': '%E0%A4%A' },
      { 'if-match': '{"$gt":""}' },
      { 'if-match': '"-1"' },
    ];
    for (const headers of ours) {
      const answer = await send(target.dev.url, 'POST', `/api/governance/teams/${target.seeded.ownTeamId}/members`, { headers: authorised(target, { 'content-type': 'application/json', ...headers }), body: JSON.stringify({ userId: 'someone', roles: ['member'] }) });
      attempts.push(judge(target, JSON.stringify(headers), answer, (a) => a.status < 300));
    }
    // A traceparent that is not one, and a forged request id, are ignored rather than echoed.
    const forged = await send(target.dev.url, 'GET', '/api/governance/teams', { headers: authorised(target, { traceparent: 'garbage\u00e9', 'x-request-id': '<script>alert(1)</script>' }) });
    attempts.push(judge(target, 'garbage traceparent and X-Request-Id', forged, (a) => String(a.headers['x-request-id']).includes('<')));
    return attempts;
  },
};

/** Anything answering 5xx anywhere says something went wrong inside; it must never say what. */
const noInternals: Attack<Target> = {
  attackClass: 'stack traces or internals in answers',
  run: async (target) => {
    const probes: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['GET', '/api/governance/teams/%E0%A4%A', authorised(target), undefined],
      ['GET', `/api/governance/teams?limit=${'9'.repeat(400)}`, authorised(target), undefined],
      ['GET', '/api/governance/teams?cursor=%00%00%00', authorised(target), undefined],
      ['POST', '/api/governance/teams', authorised(target, { 'content-type': 'application/json', 'content-encoding': 'br' }), '{"name":"x"}'],
      ['POST', '/api/governance/teams', authorised(target, { 'content-type': 'application/json', 'content-encoding': 'gzip' }), 'not gzip at all'],
      ['GET', '/api/nowhere/../../etc/passwd', authorised(target), undefined],
      ['DELETE', '/api/governance/teams', authorised(target), undefined],
    ];
    const attempts: Attempt[] = [];
    for (const [method, path, headers, body] of probes) {
      const answer = await send(target.dev.url, method, path, { headers, ...(body !== undefined ? { body } : {}) });
      attempts.push(judge(target, `${method} ${path}`, answer, (a) => /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|Error: /.test(a.text)));
    }
    return attempts;
  },
};

export const inputAttacks: ReadonlyArray<Attack<Target>> = [oversized, malformed, malformedHeaders, injectionInPaths, injectionInQueries, injectionInBodies, noInternals];
