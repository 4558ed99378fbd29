import { governanceService } from '@leerzone/governance-service';
import { ANONYMOUS_REPORTER_ACTOR, anonymousReporterSubject, reportStreamId } from '@leerzone/failure-learning-domain';
import { expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import type { StoredEvent } from '@leerzone/kernel';
import { allReadModelDocuments, createTeam, eventually, reportBody, startFailureLearningApp, storedRows, watchBus } from '../testing/failure-learning-test-kit';

/**
 * An anonymous reporter's identity appears in no API response except to themself, no read
 * model, no event on the bus — proven by reading the SQLite store, the read models and the
 * bus deliveries directly. Only the vault can tell, and erasing the seal's subject forgets it.
 */
describe('failure-learning: the anonymous reporter stays anonymous', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let anna: Caller;
  let bram: Caller;
  let tess: Caller;
  let aude: Caller;
  let teamId: string;
  let reportId: string;
  let namedId: string;
  let published: StoredEvent[];
  // Unusual enough that any occurrence is the identity, not a coincidence.
  const SECRET = 'anna-7f3c';

  beforeAll(async () => {
    t = await startFailureLearningApp(governanceService);
    cora = await t.as('cora', ['coach']);
    anna = await t.as(SECRET, ['member']);
    bram = await t.as('bram', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    aude = await t.as('aude', ['auditor']);
    published = await watchBus(t, 'failure-learning', 'test-anonymity-watch');
    teamId = await createTeam(t, cora, 'cora', [SECRET, 'bram'], 'Wijkteam Noord');
    const anonymous = await anna.post('/api/failure-learning/reports', reportBody(teamId, { anonymous: true }));
    expectStatus(anonymous, 201);
    reportId = anonymous.body.reportId;
    expect(JSON.stringify(anonymous.body)).not.toContain(SECRET);
    // The team can still work the report: classify, respond, plan.
    expectStatus(await cora.post(`/api/failure-learning/reports/${reportId}/classification`, { kind: 'basic', cause: 'inattention' }), 200);
    expectStatus(await bram.post(`/api/failure-learning/reports/${reportId}/basic-response`, { prevention: { kind: 'training', description: 'Refresh the round' }, lesson: { summary: 'Do the round', shareWithLibrary: true } }), 200);
    // A named report by bram, to show the checks below do see a named reporter.
    namedId = (await bram.post('/api/failure-learning/reports', reportBody(teamId))).body.reportId;
    await eventually(() => expect(published.some((e) => e.streamId.endsWith(namedId) && e.type === 'SpeakingUpRecognised')).toBe(true));
    await eventually(() => expect(published.some((e) => e.type === 'LessonAddedToLibrary')).toBe(true));
  });
  afterAll(async () => t.close());

  it('shows the team and tenant readers only that it was anonymous, and the speaking up is credited to the team', async () => {
    for (const reader of [cora, bram, tess]) {
      const read = await reader.get(`/api/failure-learning/reports/${reportId}`);
      expectStatus(read, 200);
      expect(read.body.reporter).toEqual({ anonymous: true });
      expect(JSON.stringify(read.body)).not.toContain(SECRET);
      const list = await reader.get(`/api/failure-learning/teams/${teamId}/reports`);
      expect(JSON.stringify(list.body)).not.toContain(SECRET);
      expect(list.body.items.find((r: { reportId: string }) => r.reportId === reportId).reporter).toEqual({ anonymous: true });
      expect(JSON.stringify((await reader.get('/api/failure-learning/my-reports')).body)).not.toContain(reportId);
    }
    expect((await tess.get(`/api/failure-learning/teams/${teamId}/statistics`)).body).toMatchObject({ reports: 2, anonymous: 1 });
    const credited = published.find((e) => e.streamId.endsWith(reportId) && e.type === 'SpeakingUpRecognised');
    expect(credited?.data).toMatchObject({ credited: { kind: 'team', teamId } });
  });

  it('shows the reporter, and only them, that the report is theirs', async () => {
    const mine = await anna.get(`/api/failure-learning/reports/${reportId}`);
    expect(mine.body.reporter).toEqual({ anonymous: true, you: true });
    const listed = await anna.get('/api/failure-learning/my-reports');
    expect(listed.body.items.map((r: { reportId: string; reporter: unknown }) => [r.reportId, r.reporter])).toEqual([[reportId, { anonymous: true, you: true }]]);
    expect((await bram.get('/api/failure-learning/my-reports')).body.items.map((r: { reportId: string }) => r.reportId)).toEqual([namedId]);
  });

  it('stores no trace of who reported: every row of the report is recorded under the anonymous actor, and the seal names the report', () => {
    const rows = storedRows(t).filter((row) => String(row['stream_id']).startsWith('failure-learning-'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(SECRET);
    const reported = rows.find((row) => row['stream_id'] === reportStreamId('acme', reportId) && row['type'] === 'FailureReported')!;
    expect(JSON.parse(String(reported['actor']))).toEqual(ANONYMOUS_REPORTER_ACTOR);
    const data = JSON.parse(String(reported['data']));
    expect(data.reportedBy).toBe(ANONYMOUS_REPORTER_ACTOR.id);
    expect(data.reporter).toMatchObject({ anonymous: true, identity: { $sealed: { subject: anonymousReporterSubject('acme', reportId) } } });
    // The check bites: bram's named report names him.
    expect(rows.some((row) => row['stream_id'] === reportStreamId('acme', namedId) && JSON.stringify(row).includes('bram'))).toBe(true);
  });

  it('puts it in no read model and no event on the bus', async () => {
    const documents = await allReadModelDocuments(t);
    const aboutTheReport = documents.filter((d) => d.includes(reportId));
    expect(aboutTheReport.length).toBeGreaterThan(0);
    for (const document of aboutTheReport) {
      expect(document).not.toContain(SECRET);
      expect(document).not.toContain('$sealed'); // not even the ciphertext
    }
    const ofTheReport = published.filter((e) => e.streamId === reportStreamId('acme', reportId));
    expect(ofTheReport.map((e) => e.type)).toEqual(expect.arrayContaining(['FailureReported', 'SpeakingUpRecognised', 'FailureClassified', 'LessonRecorded']));
    for (const event of published) expect(JSON.stringify(event)).not.toContain(SECRET);
    // The audit API finds nothing of it under the reporter's id either.
    const byActor = await aude.get(`/api/audit/actors/${SECRET}/events`);
    expectStatus(byActor, 200);
    expect(JSON.stringify(byActor.body)).not.toContain('failure-learning-');
  });

  it('forgets who reported when the seal’s subject is erased; the report stays', async () => {
    await t.vault.erase(anonymousReporterSubject('acme', reportId));
    expect((await anna.get(`/api/failure-learning/reports/${reportId}`)).body.reporter).toEqual({ anonymous: true });
    expect((await anna.get('/api/failure-learning/my-reports')).body.items).toEqual([]);
    expectStatus(await cora.get(`/api/failure-learning/reports/${reportId}`), 200);
  });
});
