import { confidentialCaseStreamId } from '@leerzone/failure-learning-domain';
import { governanceService } from '@leerzone/governance-service';
import { expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { personSubject, type StoredEvent } from '@leerzone/kernel';
import { allReadModelDocuments, createTeam, eventually, refusedWith, reportBody, startFailureLearningApp, storedRows, watchBus } from '../testing/failure-learning-test-kit';

/**
 * The confidential track for hard boundaries: only the officer sees or acts; everyone else gets
 * the 404 of a case that does not exist, and their attempt is recorded and visible to auditors.
 * No case event is published, and no blameless view, count or read model holds a case.
 */
describe('failure-learning: confidential cases', () => {
  let t: ServiceTestApp;
  let refused: ReturnType<typeof refusedWith>;
  let olga: Caller; // confidential-case officer
  let anna: Caller; // member
  let cora: Caller; // coach
  let adam: Caller; // admin
  let aude: Caller; // auditor
  let globexOfficer: Caller;
  let teamId: string;
  let caseId: string;
  let published: StoredEvent[];
  const ACCOUNT = 'Switched off the bed alarm on the night shift, twice, after being told not to.';
  const unknown = '00000000-0000-7000-8000-0000000000cc';
  const caseStream = () => confidentialCaseStreamId('acme', caseId);
  const caseEvents = () => storedRows(t).filter((row) => row['stream_id'] === caseStream());

  beforeAll(async () => {
    t = await startFailureLearningApp(governanceService);
    refused = refusedWith(t);
    olga = await t.as('olga', ['confidential-officer']);
    anna = await t.as('anna', ['member']);
    cora = await t.as('cora', ['coach']);
    adam = await t.as('adam', ['admin']);
    aude = await t.as('aude', ['auditor']);
    globexOfficer = await t.as('gert', ['confidential-officer'], 'globex');
    published = await watchBus(t, 'failure-learning', 'test-cases-watch');
    teamId = await createTeam(t, cora, 'cora', ['anna', 'piet'], 'Wijkteam Noord');
    expectStatus(await anna.post('/api/failure-learning/reports', reportBody(teamId)), 201);
  });
  afterAll(async () => t.close());

  it('lets only the officer open a case, checking the input; the account is sealed under the concerned person', async () => {
    const body = { boundary: 'ignored-safety-rules', teamId, concernedPersonId: 'piet', account: ACCOUNT };
    await refused(() => olga.post('/api/failure-learning/cases', { ...body, boundary: 'rude' }), 400, 'VALIDATION.FAILED', 'boundary');
    await refused(() => olga.post('/api/failure-learning/cases', { ...body, account: '\u202E' }), 400, 'VALIDATION.FAILED', 'account');
    await refused(() => cora.post('/api/failure-learning/cases', body), 403, 'CASE.OFFICER_ONLY');
    const opened = await olga.post('/api/failure-learning/cases', body);
    expectStatus(opened, 201);
    caseId = opened.body.caseId;
    const [row] = caseEvents();
    expect(String(row!['data'])).not.toContain('bed alarm');
    expect(JSON.parse(String(row!['data'])).account.$sealed.subject).toBe(personSubject('acme', 'piet'));
  });

  it('refuses a member, a coach and an admin with the 404 of a missing case, and records each attempt', async () => {
    const missing = await anna.get(`/api/failure-learning/cases/${unknown}`);
    expectProblem(missing, 404, 'CASE.NOT_FOUND', 'caseId');
    const normalise = (body: Record<string, unknown>, id: string) => ({ ...JSON.parse(JSON.stringify(body).split(id).join('<id>')), requestId: '<request>' });
    for (const caller of [anna, cora, adam]) {
      const attempt = await caller.get(`/api/failure-learning/cases/${caseId}`);
      expectProblem(attempt, 404, 'CASE.NOT_FOUND', 'caseId');
      expect(normalise(attempt.body, caseId)).toEqual(normalise(missing.body, unknown));
      expect(JSON.stringify(attempt.body)).not.toContain('piet');
    }
    // Acting is refused and recorded the same way, whatever the body.
    expectProblem(await cora.post(`/api/failure-learning/cases/${caseId}/consequences`, { kind: 'dismissal', description: 'x' }), 404, 'CASE.NOT_FOUND');
    expectProblem(await adam.post(`/api/failure-learning/cases/${caseId}/closure`, { nonsense: true }), 404, 'CASE.NOT_FOUND');
    const refusals = caseEvents().filter((row) => row['type'] === 'ConfidentialCaseAccessRefused').map((row) => JSON.parse(String(row['data'])));
    expect(refusals.map((r) => [r.attemptedBy, r.attempted, r.actorRoles])).toEqual([
      ['anna', 'AccessConfidentialCase', ['member']],
      ['cora', 'AccessConfidentialCase', ['coach']],
      ['adam', 'AccessConfidentialCase', ['admin']],
      ['cora', 'RecordCaseConsequence', ['coach']],
      ['adam', 'CloseConfidentialCase', ['admin']],
    ]);
    // Another tenant's officer: not found, and nothing can be written into this tenant's case.
    await refused(() => globexOfficer.get(`/api/failure-learning/cases/${caseId}`), 404, 'CASE.NOT_FOUND', 'caseId');
  });

  it('shows the attempts to auditors through the audit API, and records the auditor’s read of the case too', async () => {
    await refused(() => anna.get(`/api/audit/streams/${caseStream()}/events`), 403, 'AUTH.FORBIDDEN');
    const history = await aude.get(`/api/audit/streams/${caseStream()}/events`);
    expectStatus(history, 200);
    expect(history.body).toMatchObject({ aggregate: 'failure-learning.confidential-case', confidential: true });
    expect(history.body.events.filter((e: { type: string }) => e.type === 'ConfidentialCaseAccessRefused').map((e: { actor: { id: string } }) => e.actor.id)).toEqual(['anna', 'cora', 'adam', 'cora', 'adam']);
    const reads = await aude.get('/api/audit/streams/audit-reads-acme/events');
    expect(reads.body.events.map((e: { type: string; data: { readBy: string; streamIds: string[] } }) => [e.type, e.data.readBy, e.data.streamIds])).toEqual([['AuditRecordRead', 'aude', [caseStream()]]]);
  });

  it('lets the officer read (each read recorded first), record consequences and close the case', async () => {
    await refused(() => olga.post(`/api/failure-learning/cases/${caseId}/consequences`, { kind: 'fine' }), 400, 'VALIDATION.FAILED');
    await refused(() => olga.post(`/api/failure-learning/cases/${caseId}/closure`, { outcome: 'substantiated', reason: 'proven' }), 422, 'CASE.CONSEQUENCE_REQUIRED', 'outcome');
    expectStatus(await olga.post(`/api/failure-learning/cases/${caseId}/consequences`, { consequenceId: 'warning', kind: 'formal-warning', description: 'Formal warning, discussed with HR' }), 201);
    const before = caseEvents().length;
    const read = await olga.get(`/api/failure-learning/cases/${caseId}?purpose=${encodeURIComponent('prepare the hearing')}`);
    expectStatus(read, 200);
    expect(read.body).toMatchObject({ caseId, boundary: 'ignored-safety-rules', concernedPersonId: 'piet', account: ACCOUNT, consequences: [{ consequenceId: 'warning', description: 'Formal warning, discussed with HR' }], refusedAttempts: 5, accesses: 1 });
    expect(caseEvents()).toHaveLength(before + 1);
    expect(JSON.parse(String(caseEvents().at(-1)!['data']))).toMatchObject({ purpose: 'prepare the hearing', accessedBy: 'olga' });
    await refused(() => olga.post(`/api/failure-learning/cases/${caseId}/closure`, { outcome: 'substantiated' }), 400, 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
    expectStatus(await olga.post(`/api/failure-learning/cases/${caseId}/closure`, { outcome: 'substantiated', reason: 'Two witnesses and the alarm log' }), 200);
    // Erasing the concerned person erases the account and the consequence; the case's record stays.
    await t.vault.erase(personSubject('acme', 'piet'));
    const erased = await olga.get(`/api/failure-learning/cases/${caseId}`);
    expect(erased.body).toMatchObject({ account: { $erased: { subject: personSubject('acme', 'piet') } }, consequences: [{ description: { $erased: { subject: personSubject('acme', 'piet') } } }], outcome: 'substantiated' });
  });

  it('never publishes a case event, and no blameless view, count or read model holds a case', async () => {
    // The report's events were published; the case's never are.
    await eventually(() => expect(published.some((e) => e.type === 'FailureReported')).toBe(true));
    expect(caseEvents().length).toBeGreaterThan(5);
    expect(published.filter((e) => e.streamId.startsWith('failure-learning-case-') || e.type.startsWith('ConfidentialCase'))).toEqual([]);
    for (const document of await allReadModelDocuments(t)) expect(document).not.toContain(caseId);
    const stats = await adam.get('/api/failure-learning/statistics');
    expect(stats.body).toMatchObject({ reports: 1 });
    expect(JSON.stringify(stats.body)).not.toMatch(/case/i);
    expect(JSON.stringify((await cora.get(`/api/failure-learning/teams/${teamId}/reports`)).body)).not.toContain(caseId);
  });
});
