import { networkInterfaces } from 'node:os';
import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, send } from '../http';
import { startRaw } from '../raw-process';
import type { Target } from '../target';

const MINT = { tenantId: 'attacker-corp', userId: 'mallory', roles: ['admin', 'auditor', 'confidential-officer'] };

/** This machine's addresses that are not loopback: where another machine's request would arrive. */
export const externalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => i !== undefined && !i.internal && i.family === 'IPv4')
    .map((i) => i.address);

const minted = (status: number, text: string) => status === 200 || text.includes('access_token');

/**
 * The process must refuse to start — exit non-zero, never listen — with the development
 * issuer on and any production setting. The standalone's default turns the issuer on.
 */
const productionRefusal: Attack<Target> = {
  attackClass: 'dev issuer in production mode',
  run: async () => {
    const settings: Array<[string, NodeJS.ProcessEnv]> = [
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['NODE_ENV=production, AUTH_DEV_ISSUER=true', { NODE_ENV: 'production', AUTH_DEV_ISSUER: 'true' }],
      ['AUTH_ISSUER + AUTH_JWKS_URL', { AUTH_ISSUER: 'https://idp.example/', AUTH_JWKS_URL: 'https://idp.example/jwks.json' }],
      ['AUTH_ISSUER alone', { AUTH_ISSUER: 'https://idp.example/' }],
      ['NODE_ENV=production, HOST=0.0.0.0, AUTH_DEV_ISSUER_ALLOW_REMOTE=true', { NODE_ENV: 'production', HOST: '0.0.0.0', AUTH_DEV_ISSUER_ALLOW_REMOTE: 'true' }],
    ];
    const attempts: Attempt[] = [];
    for (const [label, env] of settings) {
      const outcome = await startRaw(env);
      if (outcome.kind === 'listening') {
        await outcome.stop();
        attempts.push({ label, gotThrough: true, answer: `listened on ${outcome.port}` });
      } else {
        const refused = outcome.code !== 0 && /Refusing to start/.test(outcome.output);
        attempts.push({ label, gotThrough: !refused, answer: `exit ${outcome.code}: ${outcome.output.slice(-300)}` });
      }
    }
    return attempts;
  },
};

/**
 * Another machine asks for a token. By default standalone listens on loopback only, so the
 * request cannot even connect; with HOST=0.0.0.0 it connects and is refused. A caller on
 * loopback that a proxy forwards is refused too. (Where this machine has no external
 * interface, only the forwarded attempts run.)
 */
const remoteCallers: Attack<Target> = {
  attackClass: 'dev issuer from a non-loopback address',
  run: async (target) => {
    const attempts: Attempt[] = [];
    const external = externalAddresses();
    const byDefault = await startRaw({});
    const wide = await startRaw({ HOST: '0.0.0.0' });
    try {
      if (byDefault.kind !== 'listening' || wide.kind !== 'listening') throw new Error(`standalone did not start: ${byDefault.output.slice(-500)} ${wide.output.slice(-500)}`);
      const warned = async (outcome: { readonly output: string }) => {
        for (let i = 0; i < 50 && !/DEVELOPMENT TOKEN ISSUER IS ON/.test(outcome.output); i += 1) await new Promise((r) => setTimeout(r, 100));
        return /DEVELOPMENT TOKEN ISSUER IS ON/.test(outcome.output);
      };
      if (!(await warned(byDefault)) || !(await warned(wide))) {
        attempts.push({ label: 'a warning at start', gotThrough: true, answer: 'no DEVELOPMENT TOKEN ISSUER warning in the output' });
      }
      for (const address of external) {
        for (const [label, port] of [['default HOST', byDefault.port], ['HOST=0.0.0.0', wide.port]] as const) {
          const answer = await send(`http://${address}:${port}`, 'POST', '/api/auth/dev-token', json(MINT));
          attempts.push({ label: `${label}, from ${address}`, gotThrough: minted(answer.status, answer.text), answer: answerOf(answer.status, answer.text) });
        }
      }
      const forwarded: Array<Record<string, string>> = [{ 'x-forwarded-for': '127.0.0.1' }, { 'x-forwarded-for': '203.0.113.9' }, { forwarded: 'for=127.0.0.1' }, { 'x-real-ip': '::1' }];
      for (const url of [target.dev.url, `http://127.0.0.1:${wide.port}`]) {
        for (const headers of forwarded) {
          const body = json(MINT);
          const answer = await send(url, 'POST', '/api/auth/dev-token', { ...body, headers: { ...body.headers, ...headers } });
          attempts.push({ label: `forwarded ${JSON.stringify(headers)}`, gotThrough: minted(answer.status, answer.text), answer: answerOf(answer.status, answer.text) });
        }
      }
    } finally {
      if (byDefault.kind === 'listening') await byDefault.stop();
      if (wide.kind === 'listening') await wide.stop();
    }
    return attempts;
  },
};

/** No token for the platform's own tenant (audit checkpoints) or any other reserved one. */
const platformTenant: Attack<Target> = {
  attackClass: 'minting the platform tenant',
  run: async (target) => {
    const attempts: Attempt[] = [];
    for (const tenantId of ['_platform', '_system', ' _platform', '_platform ', '_']) {
      const answer = await send(target.dev.url, 'POST', '/api/auth/dev-token', json({ ...MINT, tenantId }));
      attempts.push({ label: JSON.stringify(tenantId), gotThrough: minted(answer.status, answer.text), answer: answerOf(answer.status, answer.text) });
    }
    return attempts;
  },
};

export const devIssuerAttacks: ReadonlyArray<Attack<Target>> = [productionRefusal, remoteCallers, platformTenant];
