import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyProblem } from '@leerzone/nest-platform';
import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { STANDALONE_SERVICES } from '../standalone.services';
import { allRoutePolicies, renderRouteTable, TABLE_END, TABLE_START } from './security-routes';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'security.md');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every route Express serves for the whole app (the OpenAPI document under /docs, /docs-json and /docs-yaml aside: Swagger serves it outside Nest's router, public). */
function servedRoutes(t: ServiceTestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${layer.route!.path}`))
    .filter((route) => !/ \/docs(\/|-json|-yaml|$)/.test(route));
}

/**
 * Deny by default and the route × role table of docs/security.md: every route of every
 * service, walked from the module tree, declares its policy; the walk finds exactly the
 * routes the app serves; and the table in the document is the one the code gives.
 */
describe('the access policy of every route', () => {
  const routes = allRoutePolicies();

  it('is declared on every route of every service (@Public, @Roles or @AnyRole)', () => {
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.map((r) => ({ route: `${r.method} ${r.path}`, problem: policyProblem(r.policy) })).filter((r) => r.problem !== undefined)).toEqual([]);
  });

  it('names a team parameter the route has, wherever it is team-scoped', () => {
    const wrong = routes.filter((r) => r.policy.team && !r.path.includes(`:${r.policy.team.param}`)).map((r) => `${r.method} ${r.path}`);
    expect(wrong).toEqual([]);
  });

  it('is in docs/security.md, as the code says (write-security-routes rewrites it)', () => {
    const document = readFileSync(DOC, 'utf8');
    const start = document.indexOf(TABLE_START);
    const end = document.indexOf(TABLE_END);
    expect({ markers: start >= 0 && end > start }).toEqual({ markers: true });
    const inDoc = document.slice(start, end + TABLE_END.length);
    for (const route of routes) expect({ route: `${route.method} ${route.path}`, inDoc: inDoc.includes(`| \`${route.method} ${route.path}\` |`) }).toEqual({ route: `${route.method} ${route.path}`, inDoc: true });
    expect(inDoc).toEqual(renderRouteTable(routes));
  });

  describe('against the running app', () => {
    let t: ServiceTestApp;
    beforeAll(async () => {
      t = await startServiceTestApp(STANDALONE_SERVICES);
    }, 120_000);
    afterAll(() => t?.close());

    it('walks exactly the routes the app serves, so none can miss the table', () => {
      expect([...new Set(servedRoutes(t))].sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    });

    it('puts each route’s roles into the served OpenAPI, where the security suite reads them', async () => {
      const doc = (await t.anonymous().get('/docs-json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
      for (const route of routes.filter((r) => !r.policy.public)) {
        const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
        expect({ route: `${route.method} ${route.path}`, roles: op?.['x-leerzone-roles'] }).toEqual({ route: `${route.method} ${route.path}`, roles: route.policy.roles });
      }
    });
  });
});
