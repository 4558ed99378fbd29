import { governanceService } from '@leerzone/governance-service';
import { isErased, isSealed, type StoredEvent } from '@leerzone/kernel';
import { roundKeySubject, roundStreamId } from '@leerzone/assessment-domain';
import { expectProblem, expectStatus, type Caller, type ServiceTestApp, startServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { assessmentService } from '../assessment.module';
import { ANSWER_SERVICE_ACTOR } from './answer-round/answer-round.handler';
import { RoundScheduler } from './close-round/round-scheduler';
import { ABI, PS, STD, answersTo, createTeam, eventually, readModelDocuments, storedRows } from '../testing/assessment-test-team';

/**
 * Rounds over HTTP with governance in the same app: who may open, answer and close (from
 * governance's members, over the bus), unlinkable answers (read from the SQLite file, the
 * read models and the audit API), nothing below the threshold, bad answers refused with
 * field errors and nothing written, the zone on the bus, actions after a round.
 */
describe('assessment HTTP: rounds, unlinkable answers, results, zones, actions', () => {
  let t: ServiceTestApp;
  let cora: Caller; // coach of the team
  let otto: Caller; // coach of another team
  let adam: Caller; // admin
  let aude: Caller; // auditor
  let ana: Caller; // analyst
  const memberIds = ['anna', 'bram', 'chen', 'dirk', 'eva', 'fien'];
  const members: Record<string, Caller> = {};
  let teamId: string;
  let roundId: string;
  const published: StoredEvent[] = [];

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, assessmentService]);
    cora = await t.as('cora', ['coach']);
    otto = await t.as('otto', ['coach']);
    adam = await t.as('adam', ['admin']);
    aude = await t.as('aude', ['auditor']);
    ana = await t.as('ana', ['analyst']);
    for (const id of [...memberIds, 'gijs']) members[id] = await t.as(id, ['member']);
    teamId = await createTeam(t, cora, 'cora', memberIds, 'Wijkteam Noord');
    await createTeam(t, otto, 'otto', ['zoe'], 'Wijkteam Zuid');
    await t.bus.subscribe({ group: 'test-assessment-watch', sources: ['assessment'], handle: (deliveries) => void published.push(...deliveries.map((d) => d.event)) });
  });
  afterAll(async () => t.close());

  /** A request that must be refused, proving nothing was written. */
  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);
  const round = (path = '') => `/api/assessment/rounds/${roundId}${path}`;
  const sheet = (target: number) => [answersTo(PS, target), answersTo(STD, target)];

  it('serves the published instruments read-only, and a tenant may add its own', async () => {
    const list = await members['anna']!.get('/api/assessment/instruments');
    expectStatus(list, 200);
    expect(list.body.published.map((i: { instrumentId: string; itemCount: number; readOnly: boolean }) => [i.instrumentId, i.itemCount, i.readOnly])).toEqual([
      ['psychological-safety', 7, true],
      ['abi-trustworthiness', 17, true],
      ['leerzone-standards', 6, true],
    ]);
    const ps = await members['anna']!.get('/api/assessment/instruments/psychological-safety/versions/1');
    expectStatus(ps, 200);
    expect(ps.body.items.filter((i: { reverse: boolean }) => i.reverse).map((i: { itemId: string }) => i.itemId)).toEqual(['ps-1', 'ps-3', 'ps-5']);
    expect(ps.body.source.citation).toContain('Edmondson');
    const definition = {
      title: 'Team energy',
      scale: { points: 5, lowAnchor: 'not at all', highAnchor: 'completely' },
      dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
      items: [{ itemId: 'energy-1', dimensionId: 'energy', text: 'I look forward to our team days.', reverse: false }],
      total: 'mean-of-items',
    };
    await refused(() => adam.post('/api/assessment/instruments', { instrumentId: 'psychological-safety', definition }), 403, 'INSTRUMENT.PUBLISHED_READ_ONLY', 'instrumentId');
    await refused(() => adam.post('/api/assessment/instruments/psychological-safety/versions', { definition }), 403, 'INSTRUMENT.PUBLISHED_READ_ONLY', 'instrumentId');
    await refused(() => members['anna']!.post('/api/assessment/instruments', { instrumentId: 'team-energy', definition }), 403, 'AUTH.FORBIDDEN');
    await refused(() => adam.post('/api/assessment/instruments', { instrumentId: 'team-energy', definition: { ...definition, scale: { points: 1 } } }), 400, 'VALIDATION.FAILED');
    expectStatus(await adam.post('/api/assessment/instruments', { instrumentId: 'team-energy', definition }), 201);
    const own = await members['anna']!.get('/api/assessment/instruments');
    expect(own.body.own).toEqual([expect.objectContaining({ instrumentId: 'team-energy', latestVersion: 1, readOnly: false, source: expect.objectContaining({ kind: 'tenant' }) })]);
    const revised = await adam.post('/api/assessment/instruments/team-energy/versions', { definition: { ...definition, title: 'Team energy (short)' }, reason: 'shorter title' });
    expectStatus(revised, 201);
    expect((await members['anna']!.get('/api/assessment/instruments/team-energy')).body).toMatchObject({ versions: [1, 2], latest: { version: 2, title: 'Team energy (short)' }, readOnly: false });
    await refused(() => adam.post('/api/assessment/instruments/team-energy/retire'), 400, 'INSTRUMENT.REASON_REQUIRED', 'reason');
    expectStatus(await adam.post('/api/assessment/instruments/team-energy/retire', { reason: 'replaced by the standards instrument' }), 200);
    await refused(() => cora.post('/api/assessment/rounds', { teamId, instruments: [{ instrumentId: 'team-energy', version: 2 }] }), 422, 'INSTRUMENT.RETIRED', 'instruments[0]');
    const globex = await t.as('gina', ['admin'], 'globex');
    expect((await globex.get('/api/assessment/instruments')).body.own).toEqual([]);
    expectProblem(await globex.get('/api/assessment/instruments/team-energy'), 404, 'INSTRUMENT.NOT_FOUND');
  });

  it('keeps two tenants’ instrument ids apart where the earlier stream names collided', async () => {
    // acme's `eu-x` and tenant acme-eu's `x` were both `assessment-instrument-acme-eu-x` before
    // stream ids were scoped by tenant: the second was refused 409, confirming the first exists.
    const definition = {
      title: 'Team focus',
      scale: { points: 5, lowAnchor: 'not at all', highAnchor: 'completely' },
      dimensions: [{ dimensionId: 'focus', title: 'Focus' }],
      items: [{ itemId: 'focus-1', dimensionId: 'focus', text: 'We know what matters this week.', reverse: false }],
      total: 'mean-of-items',
    };
    expectStatus(await adam.post('/api/assessment/instruments', { instrumentId: 'eu-x', definition }), 201);
    const eve = await t.as('eve', ['admin'], 'acme-eu');
    expectStatus(await eve.post('/api/assessment/instruments', { instrumentId: 'x', definition }), 201);
    expect((await eve.get('/api/assessment/instruments')).body.own.map((i: { instrumentId: string }) => i.instrumentId)).toEqual(['x']);
    expect((await adam.get('/api/assessment/instruments')).body.own.map((i: { instrumentId: string }) => i.instrumentId)).toContain('eu-x');
  });

  it('lets only the team’s coach open a round; bad input writes nothing', async () => {
    const body = { teamId, instruments: [{ instrumentId: 'psychological-safety', version: 1 }, { instrumentId: 'leerzone-standards', version: 1 }] };
    await refused(() => members['anna']!.post('/api/assessment/rounds', body), 403, 'AUTH.FORBIDDEN');
    await refused(() => otto.post('/api/assessment/rounds', body), 403, 'TEAM.NOT_COACH_OF_TEAM', 'teamId');
    await refused(() => adam.post('/api/assessment/rounds', body), 403, 'AUTH.FORBIDDEN');
    await refused(() => cora.post('/api/assessment/rounds', { ...body, instruments: [] }), 400, 'VALIDATION.FAILED', 'instruments');
    await refused(() => cora.post('/api/assessment/rounds', { ...body, anonymityThreshold: 2 }), 400, 'VALIDATION.FAILED', 'anonymityThreshold');
    await refused(() => cora.post('/api/assessment/rounds', { ...body, instruments: [{ instrumentId: 'psychological-safety', version: 9 }] }), 404, 'INSTRUMENT.VERSION_UNKNOWN', 'instruments[0]');
    await refused(() => cora.post('/api/assessment/rounds', { ...body, anonymityThreshold: 7 }), 422, 'ROUND.GROUP_BELOW_THRESHOLD');
    await refused(() => cora.post('/api/assessment/rounds', { ...body, teamId: '00000000-0000-7000-8000-000000000000' }), 404, 'TEAM.NOT_FOUND');
    const opened = await cora.post('/api/assessment/rounds', body);
    expectStatus(opened, 201);
    roundId = opened.body.roundId;
    // The coach opens, steers and reads the round; the respondents are the members.
    expect(opened.body).toMatchObject({ groupSize: 6, anonymityThreshold: 5, events: [expect.objectContaining({ type: 'RoundOpened' })] });
    await refused(() => cora.post('/api/assessment/rounds', body), 409, 'ROUND.TEAM_HAS_OPEN_ROUND', 'teamId');
  });

  it('refuses bad answers with field errors and writes nothing', async () => {
    const anna = members['anna']!;
    const path = round('/my-answer');
    const ps = answersTo(PS, 6);
    const std = answersTo(STD, 6);
    const withValue = (value: number) => [{ ...ps, responses: ps.responses.map((r, i) => (i === 2 ? { ...r, value } : r)) }, std];
    await refused(() => anna.put(path, { answers: withValue(8) }), 400, 'ANSWER.VALUE_OUT_OF_SCALE', 'answers[0].responses[2].value');
    await refused(() => anna.put(path, { answers: withValue(0) }), 400, 'ANSWER.VALUE_OUT_OF_SCALE', 'answers[0].responses[2].value');
    await refused(() => anna.put(path, { answers: withValue(4.5) }), 400, 'ANSWER.VALUE_OUT_OF_SCALE', 'answers[0].responses[2].value');
    await refused(() => anna.put(path, { answers: [{ ...ps, responses: ps.responses.slice(1) }, std] }), 400, 'ANSWER.ITEM_MISSING', 'answers[0].responses');
    await refused(() => anna.put(path, { answers: [{ ...ps, responses: [...ps.responses, { itemId: 'ps-99', value: 3 }] }, std] }), 400, 'ANSWER.ITEM_UNKNOWN', 'answers[0].responses[7].itemId');
    // Another instrument's item, in the wrong instrument's answers.
    const mixed = await refused(() => anna.put(path, { answers: [{ ...ps, responses: [...ps.responses.slice(0, 6), { itemId: 'std-1', value: 3 }] }, std] }), 400, 'ANSWER.ITEM_UNKNOWN', 'answers[0].responses[6].itemId');
    expect(mixed.body.detail).toContain('leerzone-standards');
    await refused(() => anna.put(path, { answers: [{ ...ps, version: 2 }, std] }), 400, 'ANSWER.VERSION_UNKNOWN', 'answers[0].version');
    await refused(() => anna.put(path, { answers: [ps] }), 400, 'ANSWER.INSTRUMENT_MISSING', 'answers');
    await refused(() => anna.put(path, { answers: [ps, std, answersTo(ABI, 4)] }), 400, 'ANSWER.INSTRUMENT_UNKNOWN', 'answers[2].instrumentId');
    await refused(() => anna.put(path, { answers: [ps, ps] }), 400, 'ANSWER.INSTRUMENT_TWICE', 'answers[1].instrumentId');
    await refused(() => anna.put(path, { answers: sheet(6), comment: 'fine\u202E' }), 400, 'VALIDATION.FAILED', 'comment');
    await refused(() => anna.put(path, { answers: sheet(6), by: 'anna' }), 400, 'VALIDATION.FAILED');
    // Nobody answers for someone else, and only the frozen group answers.
    await refused(() => cora.put(path, { answers: sheet(6) }), 403, 'AUTH.FORBIDDEN');
    await refused(() => members['gijs']!.put(path, { answers: sheet(6) }), 403, 'TEAM.NOT_ON_TEAM', 'teamId');
  });

  it('below the threshold reveals nothing: not a count, not an item, not a subgroup', async () => {
    for (const [i, id] of ['anna', 'bram', 'chen', 'dirk'].entries()) {
      const answered = await members[id]!.put(round('/my-answer'), { answers: sheet(5 + (i % 3)), comment: `Comment number ${i} from someone` });
      expectStatus(answered, 200);
      expect(answered.body).toEqual({ roundId, answered: true, replacedEarlier: false });
    }
    for (const reader of [cora, adam, ana, members['eva']!]) {
      const summary = await reader.get(round());
      expectStatus(summary, 200);
      expect(summary.body.progress).toEqual({ kind: 'not-enough-answers-yet' });
      const results = await reader.get(round('/results'));
      expectStatus(results, 200);
      expect(results.body).toEqual({ roundId, kind: 'not-enough-answers-yet' });
    }
    // Distinct from "no round".
    expectProblem(await cora.get('/api/assessment/rounds/00000000-0000-7000-8000-000000000000/results'), 404, 'ROUND.NOT_FOUND');
    // The respondent may ask about themself, and only that.
    expect((await members['anna']!.get(round('/my-participation'))).body).toEqual({ roundId, inGroup: true, answered: true, status: 'open' });
    expect((await members['eva']!.get(round('/my-participation'))).body).toEqual({ roundId, inGroup: true, answered: false, status: 'open' });
    await refused(() => otto.get(round()), 403, 'TEAM.NOT_ON_TEAM');
  });

  it('never lowers the threshold once answers exist; raising needs a reason', async () => {
    await refused(() => cora.put(round('/anonymity-threshold'), { threshold: 4, reason: 'we want results sooner' }), 403, 'ROUND.THRESHOLD_LOCKED', 'threshold');
    await refused(() => cora.put(round('/anonymity-threshold'), { threshold: 3, reason: 'we want results sooner' }), 403, 'ROUND.THRESHOLD_LOCKED', 'threshold');
    await refused(() => cora.put(round('/anonymity-threshold'), { threshold: 2, reason: 'x' }), 400, 'VALIDATION.FAILED', 'threshold');
    await refused(() => cora.put(round('/anonymity-threshold'), { threshold: 6 }), 400, 'ROUND.REASON_REQUIRED', 'reason');
    await refused(() => members['anna']!.put(round('/anonymity-threshold'), { threshold: 6, reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => otto.put(round('/anonymity-threshold'), { threshold: 6, reason: 'x' }), 403, 'TEAM.NOT_COACH_OF_TEAM');
    // A round's version counts its answers: no command on it answers with one, and none takes If-Match.
    const same = await cora.put(round('/anonymity-threshold'), { threshold: 5, reason: 'no change' });
    expectStatus(same, 200);
    expect(same.body).toEqual({ roundId, anonymityThreshold: 5, events: [] });
    expect(same.headers['etag'] ?? '').not.toMatch(/^"\d+"$/); // at most Express's weak hash of the body
    await refused(() => cora.put(round('/anonymity-threshold'), { threshold: 6, reason: 'x' }, { 'If-Match': '"3"' }), 400, 'ROUND.IF_MATCH_UNSUPPORTED', 'If-Match');
  });

  it('shows "n of group" once the threshold is reached, and a repeat answer replaces the earlier one', async () => {
    expectStatus(await members['eva']!.put(round('/my-answer'), { answers: sheet(6), comment: 'We could ask for help sooner.' }), 200);
    expect((await cora.get(round())).body.progress).toEqual({ kind: 'answered', n: 5, of: 6, closesAt: null });
    const again = await members['anna']!.put(round('/my-answer'), { answers: sheet(6), comment: 'Changed my mind: it is good here.' });
    expectStatus(again, 200);
    expect(again.body.replacedEarlier).toBe(true);
    expect((await cora.get(round())).body.progress).toMatchObject({ n: 5, of: 6 });
  });

  it('stores no respondent id next to an answer: the SQLite file itself', async () => {
    const rows = storedRows(t, roundStreamId('acme', roundId));
    const counted = rows.filter((r) => r.type === 'RespondentCounted');
    const answers = rows.filter((r) => r.type === 'AnswerRecorded');
    expect(counted).toHaveLength(5);
    expect(answers).toHaveLength(6);
    const everyone = [...memberIds, 'cora'];
    for (const row of answers) {
      expect(JSON.parse(row.actor)).toEqual(ANSWER_SERVICE_ACTOR);
      expect(row.reason).toBeNull();
      expect(row.traceparent).toBeNull();
      for (const person of everyone) expect(`${row.actor} ${row.correlation_id} ${row.causation_id} ${row.data} ${row.metadata}`).not.toContain(`"${person}"`);
      // No correlation with the request that counted the person.
      expect(counted.map((c) => c.correlation_id)).not.toContain(row.correlation_id);
      expect(counted.map((c) => c.causation_id)).not.toContain(row.causation_id);
      const data = JSON.parse(row.data);
      expect(Object.keys(data).sort()).toEqual(['replacesEarlier', 'roundId', 'sealed', 'slot']);
      expect(row.data).not.toContain('ps-1');
      expect(row.data).not.toContain('help sooner');
    }
    // One ciphertext length for every answer, whatever its comment: a comment published at close cannot be matched back by length.
    expect(new Set(answers.map((r) => JSON.parse(r.data).sealed.$sealed.data.length)).size).toBe(1);
    // Participation carries the person and nothing of the answer.
    for (const row of counted) expect(Object.keys(JSON.parse(row.data)).sort()).toEqual(['countedAt', 'respondentId', 'roundId']);
  });

  it('keeps respondents, counts and answers out of the read models', async () => {
    // Generations are named by projection and collection (assessment.rounds.rounds__v1_…): ours are rounds, changes, instruments and tasks.
    const ours = await readModelDocuments(t, ['rounds__', 'changes__', 'instruments__', 'tasks__']);
    expect(ours.filter((d) => d.collection.startsWith('rounds__'))).toHaveLength(1);
    // …and every projection is live: none failed on what it was given.
    const ready = await t.anonymous().get('/health/ready');
    expect(ready.body.checks.projections.details.projections.filter((p: { state: string }) => p.state !== 'live')).toEqual([]);
    for (const { document } of ours) {
      const text = JSON.stringify(document);
      for (const person of memberIds) expect(text).not.toContain(`"${person}"`);
      expect(text).not.toContain('slot');
      expect(text).not.toContain('$sealed');
    }
  });

  it('gives coaches, admins and auditors no individual answer, also not through the audit API', async () => {
    // The audit API is for auditors and admins only.
    await refused(() => cora.get(`/api/audit/streams/${roundStreamId('acme', roundId)}/events`), 403, 'AUTH.FORBIDDEN');
    for (const reader of [aude, adam]) {
      const history = await reader.get(`/api/audit/streams/${roundStreamId('acme', roundId)}/events?limit=100`, { 'X-Reason': 'quarterly audit' });
      expectStatus(history, 200);
      expect(history.body.confidential).toBe(true);
      const answers = history.body.events.filter((e: StoredEvent) => e.type === 'AnswerRecorded');
      expect(answers).toHaveLength(6);
      for (const answer of answers) {
        expect(answer.actor).toEqual(ANSWER_SERVICE_ACTOR);
        expect(JSON.stringify(answer)).not.toMatch(/"value"|ps-1|std-1|help sooner|"(anna|bram|chen|dirk|eva)"/);
      }
      const state = await reader.get(`/api/audit/streams/${roundStreamId('acme', roundId)}/state?at=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
      expectStatus(state, 200);
      expect(state.body.state).toMatchObject({ answerCount: 5, countedCount: 5, groupSize: 6 });
      expect(JSON.stringify(state.body.state)).not.toMatch(/"(anna|bram|chen|dirk|eva|fien)"/);
      // The request that counted anna leads to her participation only, never to her answer.
      const annaCounted = history.body.events.find((e: StoredEvent) => e.type === 'RespondentCounted' && (e.data as { respondentId: string }).respondentId === 'anna');
      const byCorrelation = await reader.get(`/api/audit/correlations/${annaCounted.correlationId}/events`);
      expectStatus(byCorrelation, 200);
      expect(byCorrelation.body.items.map((e: StoredEvent) => e.type)).toEqual(['RespondentCounted']);
      const byActor = await reader.get('/api/audit/actors/anna/events');
      expectStatus(byActor, 200);
      expect(byActor.body.items.map((e: StoredEvent) => e.type)).toContain('RespondentCounted');
      expect(byActor.body.items.map((e: StoredEvent) => e.type)).not.toContain('AnswerRecorded');
    }
    // The results API has no per-person or per-answer view at all, and OpenAPI lists none.
    const openapi = await t.anonymous().get('/docs-json');
    expectStatus(openapi, 200);
    const paths = Object.keys(openapi.body.paths).filter((path) => path.startsWith('/api/assessment/'));
    expect(paths).toEqual(expect.arrayContaining(['/api/assessment/rounds/{roundId}/my-answer', '/api/assessment/rounds/{roundId}/results']));
    expect(paths.filter((path) => /answers|slot|respondents\/\{/.test(path))).toEqual([]);
    expectProblem(await adam.get(round('/answers')), 404, 'HTTP.ROUTE_NOT_FOUND');
  });

  it('follows governance: a removed member can no longer answer, a later joiner is not in the frozen group', async () => {
    expectStatus(await cora.delete(`/api/governance/teams/${teamId}/members/fien`, { reason: 'moved to another team' }), 200);
    await eventually(async () => expect((await members['fien']!.get(round())).status).toBe(403));
    await refused(() => members['fien']!.put(round('/my-answer'), { answers: sheet(6) }), 403, 'TEAM.NOT_ON_TEAM');
    expectStatus(await cora.post(`/api/governance/teams/${teamId}/members`, { memberId: 'gijs' }), 201);
    await eventually(async () => expect((await members['gijs']!.get(round())).status).toBe(200));
    await refused(() => members['gijs']!.put(round('/my-answer'), { answers: sheet(6) }), 403, 'ROUND.NOT_A_RESPONDENT', 'respondentId');
    await refused(() => cora.post(round('/respondents'), { memberIds: ['fien'], reason: 'she is back' }), 422, 'ROUND.NOT_A_TEAM_MEMBER', 'memberIds[0]');
  });

  it('answers another tenant exactly like an unknown round', async () => {
    const gina = await t.as('gina', ['admin'], 'globex');
    const gus = await t.as('gus', ['coach'], 'globex');
    const unknown = '00000000-0000-7000-8000-000000000000';
    for (const id of [roundId, unknown]) {
      expectProblem(await gina.get(`/api/assessment/rounds/${id}`), 404, 'ROUND.NOT_FOUND');
      expectProblem(await gina.get(`/api/assessment/rounds/${id}/results`), 404, 'ROUND.NOT_FOUND');
      await refused(() => gus.post(`/api/assessment/rounds/${id}/close`), 404, 'ROUND.NOT_FOUND');
      expectProblem(await gina.get(`/api/audit/streams/${roundStreamId('acme', id)}/events`), 404, 'AUDIT.STREAM_NOT_FOUND');
    }
    expectProblem(await gina.get(`/api/assessment/teams/${teamId}/rounds`), 404, 'TEAM.NOT_FOUND');
  });

  it('closes with results, places the team in a zone, publishes TeamZoneChanged and destroys the round key', async () => {
    await refused(() => otto.post(round('/close')), 403, 'TEAM.NOT_COACH_OF_TEAM');
    await refused(() => members['anna']!.post(round('/close')), 403, 'AUTH.FORBIDDEN');
    const closed = await cora.post(round('/close'));
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ outcome: 'results', zone: 'learning' });
    expect(closed.body.events.map((e: { type: string }) => e.type)).toEqual(['RoundClosed', 'TeamZoneChanged']);
    expect(closed.body.version).toBeUndefined();
    expect(closed.body.events[0].streamPosition).toBeUndefined();
    await refused(() => cora.post(round('/close')), 409, 'ROUND.ALREADY_CLOSED');
    await refused(() => members['bram']!.put(round('/my-answer'), { answers: sheet(6) }), 422, 'ROUND.CLOSED');

    const results = await members['bram']!.get(round('/results'));
    expectStatus(results, 200);
    expect(results.body.kind).toBe('results');
    const [ps, std] = results.body.results;
    // anna 6 (replaced), bram 5, chen 6, dirk 7, eva 6 on every item after reverse-scoring.
    expect(ps).toMatchObject({ instrumentId: 'psychological-safety', version: 1, n: 5, total: { n: 5, mean: 6, lowAgreement: false } });
    expect(ps.items.map((i: { mean: number; n: number }) => [i.mean, i.n])).toEqual(Array(7).fill([6, 5]));
    expect(std).toMatchObject({ instrumentId: 'leerzone-standards', n: 5, total: { mean: 6 } });
    expect(results.body.zone).toMatchObject({ zone: 'learning', safety: 6, standards: 6 });
    expect(results.body.focusSuggestions).toHaveLength(3);
    // Five comments reach the threshold: shown, dated at the close, the replaced one gone.
    const texts = results.body.comments.map((c: { text: string }) => c.text);
    expect([...texts].sort()).toEqual(['Changed my mind: it is good here.', 'Comment number 1 from someone', 'Comment number 2 from someone', 'Comment number 3 from someone', 'We could ask for help sooner.'].sort());
    expect(new Set(results.body.comments.map((c: { datedAt: string }) => c.datedAt))).toEqual(new Set([results.body.closedAt]));

    // Nobody can open an answer or recompute a slot any more, this service included.
    expect(await t.vault.isErased(roundKeySubject('acme', roundId))).toBe(true);
    for (const row of storedRows(t, roundStreamId('acme', roundId))) {
      const data = JSON.parse(row.data);
      if (row.type === 'AnswerRecorded') expect(isErased(await t.vault.open(data.sealed))).toBe(true);
      if (row.type === 'RoundOpened') expect(isErased(await t.vault.open(data.slotKey))).toBe(true);
      if (row.type === 'RoundClosed') for (const comment of data.comments) expect(isSealed(comment) && comment.$sealed.subject.startsWith('assessment-comment-')).toBe(true);
    }

    await eventually(() => expect(published.filter((e) => e.type === 'TeamZoneChanged')).toEqual([expect.objectContaining({ data: expect.objectContaining({ teamId, roundId, from: null, to: 'learning' }) })]));
    // Who answered and the answers never reach the topic: on a partition their order would pair them.
    expect(published.map((e) => e.type)).toEqual(expect.arrayContaining(['RoundOpened', 'RoundClosed']));
    expect(published.filter((e) => ['RespondentCounted', 'AnswerRecorded'].includes(e.type))).toEqual([]);
    const zone = await ana.get(`/api/assessment/teams/${teamId}/zone`);
    expectStatus(zone, 200);
    expect(zone.body).toMatchObject({ zone: 'learning', changes: [{ roundId, from: null, to: 'learning' }] });
    const rounds = await ana.get(`/api/assessment/teams/${teamId}/rounds`);
    expect(rounds.body.items).toEqual([expect.objectContaining({ roundId, status: 'closed', outcome: 'results', groupSize: 6 })]);
  });

  it('lets the team act after the round and shows the open actions when the next one opens', async () => {
    const focus = ps1Focus();
    await refused(() => otto.put(round('/focus-items'), { items: [focus] }), 403, 'TEAM.NOT_ON_TEAM');
    expectStatus(await members['anna']!.put(round('/focus-items'), { items: [focus] }), 200);
    const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await refused(() => members['anna']!.post(round('/actions'), { title: 'Ask for help in stand-up', ownerId: 'zoe', dueOn }), 422, 'ACTION.OWNER_NOT_IN_TEAM', 'ownerId');
    const agreed = await members['anna']!.post(round('/actions'), { actionId: 'help-in-standup', title: 'Ask for help in stand-up', ownerId: 'bram', dueOn, focusItem: focus });
    expectStatus(agreed, 201);
    expectStatus(await cora.post(round('/actions'), { actionId: 'pair-on-releases', title: 'Pair on releases', ownerId: 'cora', dueOn }), 201);
    expectStatus(await members['chen']!.put(round('/actions/help-in-standup/my-helpfulness'), { helped: true }), 200);
    expectStatus(await members['dirk']!.put(round('/actions/help-in-standup/my-helpfulness'), { helped: false }), 200);
    await refused(() => members['chen']!.post(round('/actions/pair-on-releases/drop')), 400, 'ACTION.REASON_REQUIRED', 'reason');
    expectStatus(await members['chen']!.post(round('/actions/pair-on-releases/drop'), { reason: 'releases are automated now' }), 200);
    const actions = await cora.get(round('/actions'));
    expect(actions.body.actions).toEqual([
      expect.objectContaining({ actionId: 'help-in-standup', status: 'open', helped: 1, didNotHelp: 1 }),
      expect.objectContaining({ actionId: 'pair-on-releases', status: 'dropped', dropReason: 'releases are automated now' }),
    ]);
    expect(JSON.stringify(actions.body)).not.toMatch(/chen|dirk/);

    const next = await cora.post('/api/assessment/rounds', { teamId, instruments: [{ instrumentId: 'psychological-safety', version: 1 }, { instrumentId: 'leerzone-standards', version: 1 }] });
    expectStatus(next, 201);
    const summary = await members['anna']!.get(`/api/assessment/rounds/${next.body.roundId}`);
    expect(summary.body.previousRound).toEqual({ roundId, openActions: [expect.objectContaining({ actionId: 'help-in-standup', status: 'open' })] });
    // gijs joined before this round opened; fien left: the new group follows governance.
    expect(summary.body.groupSize).toBe(6);

    // Closed below the threshold: "not enough answers", and no number at all.
    for (const id of ['anna', 'gijs']) expectStatus(await members[id]!.put(`/api/assessment/rounds/${next.body.roundId}/my-answer`, { answers: sheet(3), comment: 'short' }), 200);
    const closed = await cora.post(`/api/assessment/rounds/${next.body.roundId}/close`);
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ outcome: 'not-enough-answers', zone: null });
    expect((await adam.get(`/api/assessment/rounds/${next.body.roundId}/results`)).body).toEqual({ roundId: next.body.roundId, kind: 'not-enough-answers' });
    const closing = storedRows(t, roundStreamId('acme', next.body.roundId)).find((r) => r.type === 'RoundClosed')!;
    expect(JSON.parse(closing.data)).toMatchObject({ outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null });
    expect(await t.vault.isErased(roundKeySubject('acme', next.body.roundId))).toBe(true);
  });

  it('closes due rounds on schedule, as the scheduler', async () => {
    const zoeTeam = (await otto.get('/api/governance/teams')).body.items.find((team: { name: string }) => team.name === 'Wijkteam Zuid').teamId;
    await refused(() => cora.put('/api/assessment/settings', { anonymityThreshold: 3, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, reason: 'small teams' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => adam.put('/api/assessment/settings', { anonymityThreshold: 2, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, reason: 'x' }), 400, 'VALIDATION.FAILED', 'anonymityThreshold');
    await refused(() => adam.put('/api/assessment/settings', { anonymityThreshold: 3, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 } }), 400, 'SETTINGS.REASON_REQUIRED', 'reason');
    expectStatus(await adam.put('/api/assessment/settings', { anonymityThreshold: 3, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, reason: 'our teams are small' }), 200);
    expect((await otto.get('/api/assessment/settings')).body).toMatchObject({ configured: true, anonymityThreshold: 3, minimumAnonymityThreshold: 3 });
    for (const id of ['yara', 'xavi']) expectStatus(await otto.post(`/api/governance/teams/${zoeTeam}/members`, { memberId: id }), 201);
    await eventually(async () => expect((await otto.post('/api/assessment/rounds', { teamId: zoeTeam, instruments: [{ instrumentId: 'psychological-safety', version: 1 }], anonymityThreshold: 3, closesAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(201));
    const open = (await otto.get(`/api/assessment/teams/${zoeTeam}/rounds?status=open`)).body.items[0];
    const scheduler = t.app.get(RoundScheduler, { strict: false });
    expect(await scheduler.closeDue()).toBe(0);
    // Not due yet, the scheduler leaves it; a pass just after closesAt closes it.
    expect(await scheduler.closeDue(new Date(Date.parse(open.closesAt) + 1))).toBe(1);
    const closedRow = storedRows(t, roundStreamId('acme', open.roundId)).find((r) => r.type === 'RoundClosed')!;
    expect(JSON.parse(closedRow.actor)).toEqual({ id: 'assessment-round-scheduler', kind: 'service' });
    expect(await t.vault.isErased(roundKeySubject('acme', open.roundId))).toBe(true);
  });
});

const ps1Focus = () => ({ instrumentId: 'psychological-safety', itemId: 'ps-1' });
