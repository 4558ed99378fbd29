import { answerOf, type Attack, type Attempt } from '../attack-table';
import { json, send } from '../http';
import { devToken, StandaloneProcess } from '../../testing/standalone-process';

const LIMITS = { RATE_LIMIT_PER_USER: '30', RATE_LIMIT_PER_TENANT: '50', RATE_LIMIT_DEV_TOKENS: '10', RATE_LIMIT_PER_ADDRESS: '1000', RATE_LIMIT_WINDOW_SECONDS: '600' };

/**
 * Floods against a standalone with low limits: one user, many users of one tenant, and the
 * development issuer. Every request beyond a limit is an attempt; one that is not answered
 * 429 with Retry-After got through.
 */
const floods: Attack<unknown> = {
  attackClass: 'request floods (per user, per tenant, dev tokens)',
  run: async () => {
    const server = await StandaloneProcess.create({ ...LIMITS, OTEL_SDK_DISABLED: 'true' });
    await server.start();
    const attempts: Attempt[] = [];
    const beyond = (label: string, answer: { status: number; text: string; headers: Record<string, unknown> }) =>
      attempts.push({ label, gotThrough: answer.status !== 429 || !(Number(answer.headers['retry-after']) >= 1) || !answer.text.includes('RATE_LIMIT.EXCEEDED'), answer: answerOf(answer.status, answer.text) });
    try {
      // Ten tokens are the issuer’s budget per window; the suite takes three, then asks for seventeen more.
      const [mallory, ...others] = await Promise.all(['mallory', 'm2', 'm3'].map((user) => devToken(server.url, 'flood-corp', user, ['member'])));
      for (let i = 3; i < 20; i += 1) {
        const answer = await send(server.url, 'POST', '/api/auth/dev-token', json({ tenantId: 'flood-corp', userId: `u${i}`, roles: ['member'] }));
        if (i >= 10) beyond(`dev token ${i + 1}`, answer);
      }
      for (let i = 0; i < 45; i += 1) {
        const answer = await send(server.url, 'GET', '/api/governance/teams', { headers: { authorization: `Bearer ${mallory}` } });
        if (i >= 30) beyond(`user request ${i + 1}`, answer);
      }
      // The tenant has spent 30 of its 50; two more users take it over the edge together.
      let count = 30;
      for (let i = 0; i < 15; i += 1) {
        for (const token of others) {
          const answer = await send(server.url, 'GET', '/api/governance/teams', { headers: { authorization: `Bearer ${token}` } });
          count += 1;
          if (count > 50) beyond(`tenant request ${count}`, answer);
        }
      }
    } finally {
      await server.dispose();
    }
    return attempts;
  },
};

export const floodAttacks: ReadonlyArray<Attack<unknown>> = [floods];
