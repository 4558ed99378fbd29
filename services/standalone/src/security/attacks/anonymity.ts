import { answerOf, type Attack, type Attempt } from '../attack-table';
import { devToken } from '../../testing/standalone-process';
import type { Target } from '../target';

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly body: Record<string, unknown> | null;
}

interface Figure {
  readonly mean: number;
  readonly n: number;
  readonly teams?: number;
}

const THRESHOLD = 5;
const PS = { instrumentId: 'psychological-safety', version: 1 };
// Edmondson's seven items, three of them reverse-scored: everyone in team B answers 1, so B's
// mean would be (4 × 1 + 3 × 7) / 7 = 3.5714, and B pooled with A (everyone answers 6: 4.2857)
// 4.0 over 10 people. Neither may appear anywhere.
const B_MEAN = '3.571';

/**
 * Survey results below the anonymity threshold, asked for directly and by differencing (issue
 * 16): team A (6 members, all answer) and team B (5 members, 4 answer: below the threshold of
 * 5) in one unit. Every way of reading B's answers is an attempt: B's round and results while
 * open and once closed, as each role; lowering B's threshold after the answers; B's row in
 * analytics' team figures and both exports; and the differences — the unit, organisation and
 * tenant roll-ups minus team A, and a quarter minus its month in the series — which would show B
 * if any aggregate held its answers.
 */
const surveyResults: Attack<Target> = {
  attackClass: 'survey results below the threshold and by differencing',
  run: async (target) => {
    const url = target.dev.url;
    const tenant = `anon-${Date.now().toString(36)}`;
    const token = (userId: string, roles: string[]) => devToken(url, tenant, userId, roles);
    const call = async (bearer: string, method: string, path: string, body?: unknown): Promise<Reply> => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        parsed = null;
      }
      return { status: response.status, text, body: parsed };
    };
    const must = async (reply: Promise<Reply>, what: string): Promise<Record<string, unknown>> => {
      const answer = await reply;
      if (answer.status !== 200 && answer.status !== 201) throw new Error(`The attack set-up failed at ${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
      return answer.body ?? {};
    };
    const eventually = async <T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const value = await attempt();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`The attack set-up timed out waiting for ${what}.`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    const [lead, coach, analyst] = await Promise.all([token('lena', ['transformation-lead']), token('cora', ['coach']), token('ana', ['analyst'])]);
    const organisationId = String((await must(call(lead, 'POST', '/api/governance/organisations', { name: 'Anonymity org' }), 'the organisation'))['organisationId']);
    const unitId = String((await must(call(lead, 'POST', `/api/governance/organisations/${organisationId}/units`, { name: 'Unit North' }), 'the unit'))['unitId']);
    const team = async (name: string, size: number) => {
      const teamId = String((await must(call(coach, 'POST', '/api/governance/teams', { name, unitId }), name))['teamId']);
      await must(call(coach, 'POST', `/api/governance/teams/${teamId}/members`, { memberId: 'cora', roles: ['coach'] }), `${name}'s coach`);
      const members = Array.from({ length: size }, (_, i) => `${name.toLowerCase().replace(/\W/g, '-')}-${i}`);
      for (const memberId of members) await must(call(coach, 'POST', `/api/governance/teams/${teamId}/members`, { memberId }), `${name}'s members`);
      return { teamId, members };
    };
    const a = await team('Team A', 6);
    const b = await team('Team B', 5);
    // The assessment service learns the teams over the bus: its team directory may lag.
    const open = (teamId: string) =>
      eventually(`a round for ${teamId}`, async () => {
        const reply = await call(coach, 'POST', '/api/assessment/rounds', { teamId, instruments: [PS], anonymityThreshold: THRESHOLD });
        return reply.status === 201 ? String(reply.body!['roundId']) : undefined;
      });
    const answer = async (roundId: string, memberId: string, value: number) => {
      const responses = Array.from({ length: 7 }, (_, i) => ({ itemId: `ps-${i + 1}`, value }));
      await must(call(await token(memberId, ['member']), 'PUT', `/api/assessment/rounds/${roundId}/my-answer`, { answers: [{ ...PS, responses }] }), `an answer in ${roundId}`);
    };
    const roundA = await open(a.teamId);
    for (const memberId of a.members) await answer(roundA, memberId, 6);
    const roundB = await open(b.teamId);
    for (const memberId of b.members.slice(0, THRESHOLD - 1)) await answer(roundB, memberId, 1);

    const attempts: Attempt[] = [];
    const attempt = (label: string, reply: Reply, gotThrough: boolean) => attempts.push({ label, gotThrough, answer: answerOf(reply.status, reply.text) });
    const showsB = (reply: Reply) => reply.text.includes(B_MEAN) || /"(n|answered|count|respondents)":\s*4\b/.test(reply.text);
    const member = await token(b.members[0]!, ['member']);
    const readers: ReadonlyArray<readonly [string, string]> = [
      ['its coach', coach],
      ['a member who answered', member],
      ['the transformation lead', lead],
      ['an analyst', analyst],
    ];

    // While open: no count, no number, nothing but "not enough answers yet".
    for (const [who, bearer] of readers) {
      for (const path of [`/api/assessment/rounds/${roundB}`, `/api/assessment/rounds/${roundB}/results`, `/api/assessment/teams/${b.teamId}/rounds`]) {
        const reply = await call(bearer, 'GET', path);
        const progress = JSON.stringify(reply.body?.['progress'] ?? reply.body?.['kind'] ?? null);
        attempt(`open round below the threshold: GET ${path} as ${who}`, reply, showsB(reply) || reply.text.includes('"mean"') || (reply.status === 200 && /"answered"/.test(progress)));
      }
    }
    for (const lower of [THRESHOLD - 1, 3]) {
      const reply = await call(coach, 'PUT', `/api/assessment/rounds/${roundB}/anonymity-threshold`, { threshold: lower, reason: 'see the results' });
      attempt(`lower the threshold to ${lower} after the answers`, reply, reply.status < 400);
    }

    await must(call(coach, 'POST', `/api/assessment/rounds/${roundA}/close`), 'closing A');
    await must(call(coach, 'POST', `/api/assessment/rounds/${roundB}/close`), 'closing B');
    const resultsA = await must(call(coach, 'GET', `/api/assessment/rounds/${roundA}/results`), "A's results");
    const meanA = ((resultsA['results'] as Array<{ total: Figure }> | undefined)?.[0]?.total.mean ?? NaN).toFixed(3);
    if (resultsA['kind'] !== 'results' || meanA !== '4.286') throw new Error(`The attack set-up is wrong: team A's results are ${JSON.stringify(resultsA).slice(0, 300)}`);

    // Closed: "not enough answers", and nothing of B anywhere.
    for (const [who, bearer] of readers) {
      const reply = await call(bearer, 'GET', `/api/assessment/rounds/${roundB}/results`);
      attempt(`closed round below the threshold: results as ${who}`, reply, showsB(reply) || reply.text.includes('"mean"') || reply.body?.['kind'] !== 'not-enough-answers');
    }

    // Analytics: B's row holds no round; every aggregate holds team A alone.
    const figuresOf = async (query: string) => call(analyst, 'GET', `/api/analytics/team-figures?${query}`);
    await eventually("analytics to show team A's round", async () => ((await figuresOf(`team=${a.teamId}`)).text.includes(roundA) ? true : undefined));
    const rowB = await figuresOf(`team=${b.teamId}`);
    const trustB = ((rowB.body?.['items'] as Array<{ trust: { rounds: unknown[] } }> | undefined)?.[0]?.trust.rounds ?? null) as unknown[] | null;
    attempt("team B's figures", rowB, showsB(rowB) || rowB.text.includes(roundB) || trustB === null || trustB.length > 0);
    for (const format of ['csv', 'ndjson']) {
      const reply = await call(analyst, 'GET', `/api/analytics/team-figures/export?format=${format}&unit=${unitId}`);
      attempt(`the ${format} export of the unit`, reply, reply.status !== 200 || showsB(reply) || reply.text.includes(roundB));
    }
    const onlyA = (figure: Figure | null | undefined) => figure?.n === a.members.length && figure.mean.toFixed(3) === meanA && (figure.teams === undefined || figure.teams === 1);
    const rollUps = await call(analyst, 'GET', `/api/analytics/roll-ups?unit=${unitId}`);
    const levels = rollUps.body as { tenant?: { psychologicalSafety?: Figure }; organisations?: Array<{ figures: { psychologicalSafety?: Figure } }>; units?: Array<{ unitId: string; figures: { psychologicalSafety?: Figure } }> } | null;
    attempt('the unit roll-up minus team A', rollUps, !onlyA(levels?.units?.find((u) => u.unitId === unitId)?.figures.psychologicalSafety));
    attempt('the organisation roll-up minus team A', rollUps, !onlyA(levels?.organisations?.[0]?.figures.psychologicalSafety));
    attempt('the tenant roll-up minus team A', rollUps, !onlyA(levels?.tenant?.psychologicalSafety));
    const month = new Date().toISOString().slice(0, 7);
    for (const by of ['month', 'quarter']) {
      const reply = await call(analyst, 'GET', `/api/analytics/series?by=${by}&from=${month}-01T00:00:00Z&unit=${unitId}`);
      const points = (reply.body?.['points'] as Array<{ psychologicalSafety: Figure | null }> | undefined) ?? [];
      const shown = points.map((p) => p.psychologicalSafety).filter((f): f is Figure => f !== null);
      attempt(`the series by ${by} (a quarter minus its month)`, reply, shown.length !== 1 || !onlyA(shown[0]));
    }
    const outcomes = await call(analyst, 'GET', `/api/analytics/outcomes?period=${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`);
    attempt('outcomes next to trust', outcomes, showsB(outcomes) || outcomes.text.includes(roundB));
    return attempts;
  },
};

export const anonymityAttacks: ReadonlyArray<Attack<Target>> = [surveyResults];
