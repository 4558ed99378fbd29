import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { ServiceProcess } from '@leerzone/service-kit/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openDesktopPage, seriousViolations } from './browser';

/**
 * Sign-in through a real OpenID provider: `oidc-provider` (panva's certified provider, its own
 * process, `oidc-provider.mjs`) and the built standalone with the development issuer off,
 * checking the provider's JWT access tokens (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_AUDIENCE) — the
 * setup docs/web.md describes for Keycloak, Entra ID or Auth0. In Chromium: the provider's
 * login and consent, back in the app, a read and a write through the API with the provider's
 * token, an answer with a tampered or missing `state` refused, expiry, and sign-out at the
 * provider's end-session endpoint.
 */
const SERVICES = resolve(__dirname, '../../..');
const RESULTS = resolve(__dirname, '../../e2e-results');
const TENANT = 'oidc-e2e';
const CLIENT_ID = 'leerzone-web';
const RESOURCE = 'urn:leerzone:api';
const AUDIENCE = 'leerzone';

describe('the web app signing in through a real OpenID provider (authorization code + PKCE)', () => {
  let provider: ChildProcessWithoutNullStreams;
  let providerLines: Interface;
  let issuer: string;
  let standalone: ServiceProcess;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  let base: string;

  const nextLine = () =>
    new Promise<Record<string, unknown>>((resolveLine, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the OpenID provider exited (${code})`));
      provider.once('exit', onExit);
      providerLines.once('line', (line) => {
        provider.off('exit', onExit);
        resolveLine(JSON.parse(line) as Record<string, unknown>);
      });
    });

  const check = async (name: string) => {
    await page.screenshot({ path: join(RESULTS, `oidc-${name}.png`), fullPage: true });
    expect({ page: name, serious: await seriousViolations(page) }).toEqual({ page: name, serious: [] });
  };
  const storedSession = () => page.evaluate(() => sessionStorage.getItem('leerzone.session'));
  const signInButton = () => page.getByRole('button', { name: 'Sign in with your organisation’s account' });

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    provider = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    provider.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (!/WARNING/.test(text)) process.stderr.write(text);
    });
    providerLines = createInterface({ input: provider.stdout });
    issuer = (await nextLine())['issuer'] as string;

    dataDir = mkdtempSync(join(tmpdir(), 'leerzone-oidc-e2e-'));
    standalone = new ServiceProcess('standalone', join(SERVICES, 'standalone/dist/main.js'), {
      DATA_DIR: dataDir,
      AUTH_DEV_ISSUER: 'false',
      AUTH_ISSUER: issuer,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_AUDIENCE: AUDIENCE,
      WEB_OIDC_CLIENT_ID: CLIENT_ID,
      WEB_OIDC_SCOPE: 'openid api',
      WEB_OIDC_RESOURCE: RESOURCE,
      OTEL_SDK_DISABLED: 'true',
    });
    await standalone.start(120_000);
    base = standalone.url;

    provider.stdin.write(
      `${JSON.stringify({
        clientId: CLIENT_ID,
        redirectUri: `${base}/`,
        resource: RESOURCE,
        resourceScope: 'api',
        audience: AUDIENCE,
        accounts: { 'lena-lead': { tid: TENANT, roles: ['transformation-lead', 'admin'] } },
      })}\n`,
    );
    expect(await nextLine()).toEqual({ ready: true });

    browser = await launchChromium();
    // The provider's development pages import a web font; this machine has no way out, so say no at once.
    page = await openDesktopPage(browser, (context) => context.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await standalone?.dispose();
    if (provider && provider.exitCode === null) {
      const exited = new Promise((done) => provider.once('exit', done));
      provider.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the app about the provider and lets its CSP reach it; the development issuer is off', async () => {
    const config = (await (await fetch(`${base}/web-config.json`)).json()) as Record<string, unknown>;
    expect(config).toEqual({ traceUrlTemplate: null, devIssuer: false, oidc: { issuer, clientId: CLIENT_ID, scope: 'openid api', resource: RESOURCE } });
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${issuer}`);
    expect(csp).toContain("script-src 'self'");
    expect((await fetch(`${base}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"tenantId":"x","userId":"y","roles":["admin"]}' })).status).toBe(404);
  });

  it('signs in through the provider’s login and consent and lands in the app, the token in sessionStorage only', async () => {
    await page.goto(`${base}/`);
    await signInButton().waitFor();
    expect(await page.getByText('For development only.').count()).toBe(0);
    await check('sign-in');
    const authorize = page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth?`));
    await signInButton().click();
    const params = new URL((await authorize).url()).searchParams;
    expect({ method: params.get('code_challenge_method'), challenge: /^[\w-]{43}$/.test(params.get('code_challenge') ?? ''), state: (params.get('state') ?? '').length >= 32, nonce: (params.get('nonce') ?? '').length >= 32, secret: params.has('client_secret') }).toEqual({ method: 'S256', challenge: true, state: true, nonce: true, secret: false });

    // The provider's own pages.
    await page.locator('input[name=login]').fill('lena-lead');
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByTestId('signed-in-as').filter({ hasText: `lena-lead (${TENANT})` }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const session = JSON.parse((await storedSession())!) as { token: string; method: string; tenantId: string; roles: string[] };
    expect({ method: session.method, tenantId: session.tenantId, roles: session.roles }).toEqual({ method: 'oidc', tenantId: TENANT, roles: ['transformation-lead', 'admin'] });
    // The provider's JWT access token for the API's audience, never kept in localStorage.
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect({ iss: claims['iss'], aud: claims['aud'], sub: claims['sub'], tid: claims['tid'] }).toEqual({ iss: issuer, aud: AUDIENCE, sub: 'lena-lead', tid: TENANT });
    const local = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? ''));
    expect(local.filter((value) => value.includes(session.token.slice(0, 40)))).toEqual([]);
  });

  it('reads and writes through the API with the provider’s token: creates a team and lists it', async () => {
    await page.getByLabel('Name of the team').fill('Provider-signed team');
    await page.getByLabel('Purpose (optional)').fill('Proves that a write goes through with the provider’s token.');
    await page.getByRole('button', { name: 'Create the team' }).click();
    await page.getByText('The team Provider-signed team is created.').waitFor();
    await page.getByRole('link', { name: 'Provider-signed team' }).waitFor();
    await check('teams-created');
    const token = (JSON.parse((await storedSession())!) as { token: string }).token;
    const teams = (await (await fetch(`${base}/api/governance/teams`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { name: string }[] };
    expect(teams.items.map((t) => t.name)).toEqual(['Provider-signed team']);
    // The same API refuses anyone without a token.
    expect((await fetch(`${base}/api/governance/teams`)).status).toBe(401);
  });

  it('refuses an answer whose state was tampered with, or that has none, and signs nobody in', async () => {
    const signedIn = (await storedSession())!;
    await page.evaluate(() => sessionStorage.removeItem('leerzone.session'));
    await page.reload();
    await signInButton().waitFor();

    // The provider still knows the person, so it answers at once — with the state the route put in.
    for (const [name, rewrite] of [
      ['tampered', (url: URL) => url.searchParams.set('state', 'tampered-by-someone-else')],
      ['missing', (url: URL) => url.searchParams.delete('state')],
    ] as const) {
      await page.route(`${issuer}/auth?*`, (route) => {
        const url = new URL(route.request().url());
        rewrite(url);
        return route.continue({ url: url.toString() });
      });
      // The answer comes back to the app (a notice from the round before must not count), which then cleans its address.
      const back = page.waitForRequest((request) => request.url().startsWith(`${base}/?`) && new URL(request.url()).searchParams.has('code'));
      await signInButton().click();
      expect(new URL((await back).url()).searchParams.get('state')).toBe(name === 'tampered' ? 'tampered-by-someone-else' : null);
      await page.waitForFunction(() => window.location.search === '' && window.location.hash === '#/sign-in');
      await page.getByTestId('sign-in-notice').filter({ hasText: 'does not belong to a sign-in started in this browser tab' }).waitFor();
      await page.unroute(`${issuer}/auth?*`);
      expect({ name, session: await storedSession(), signedIn: await page.getByTestId('signed-in-as').count() }).toEqual({ name, session: null, signedIn: 0 });
    }
    await check('state-refused');

    // A genuine answer replayed after it was used is refused too: the pending sign-in is used once.
    const callback = page.waitForRequest((request) => request.url().startsWith(`${base}/?`) && new URL(request.url()).searchParams.has('code'));
    await signInButton().click();
    const answer = (await callback).url();
    await page.getByTestId('signed-in-as').filter({ hasText: 'lena-lead' }).waitFor();
    const session = (await storedSession())!;
    await page.evaluate(() => sessionStorage.removeItem('leerzone.session'));
    await page.goto(answer);
    await page.waitForFunction(() => window.location.search === '' && window.location.hash === '#/sign-in');
    await page.getByTestId('sign-in-notice').filter({ hasText: 'does not belong to a sign-in started in this browser tab' }).waitFor();
    expect(await storedSession()).toBeNull();
    await page.evaluate((value) => sessionStorage.setItem('leerzone.session', value), session ?? signedIn);
  });

  it('sends a person whose token expired back to sign-in, saying why', async () => {
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('leerzone.session')!) as { expiresAt: number };
      sessionStorage.setItem('leerzone.session', JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }));
    });
    await page.reload();
    await page.getByTestId('sign-in-notice').filter({ hasText: 'Your sign-in has expired. Please sign in again.' }).waitFor();
    expect(await storedSession()).toBeNull();
    await check('expired');

    // A token the API no longer accepts (here: its signature broken) ends the session the same way.
    await signInButton().click();
    await page.getByTestId('signed-in-as').filter({ hasText: 'lena-lead' }).waitFor();
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('leerzone.session')!) as { token: string };
      sessionStorage.setItem('leerzone.session', JSON.stringify({ ...session, token: `${session.token.slice(0, -4)}AAAA` }));
    });
    await page.reload();
    await page.getByTestId('sign-in-notice').filter({ hasText: 'Leerzone no longer accepts your sign-in' }).waitFor();
  });

  it('signs out at the provider: its session ends too, so the next sign-in asks for the login again', async () => {
    await signInButton().click();
    await page.getByTestId('signed-in-as').filter({ hasText: 'lena-lead' }).waitFor();
    const endSession = page.waitForRequest((request) => request.url().startsWith(`${issuer}/session/end`));
    await page.getByRole('button', { name: 'Sign out' }).click();
    const params = new URL((await endSession).url()).searchParams;
    expect({ hint: !!params.get('id_token_hint'), redirect: params.get('post_logout_redirect_uri') }).toEqual({ hint: true, redirect: `${base}/` });
    // The provider asks to confirm, then sends the browser back.
    await page.getByRole('button', { name: /Yes, sign me out/ }).click();
    await signInButton().waitFor();
    expect(new URL(page.url()).origin).toBe(base);
    expect(await storedSession()).toBeNull();
    await signInButton().click();
    await page.locator('input[name=login]').waitFor();
    expect(new URL(page.url()).origin).toBe(issuer);
  });
});
