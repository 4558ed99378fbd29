import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { failureLearningService } from '@leerzone/failure-learning-service';
import { legacyPersonSubject, personSubject, StreamNotFoundError } from '@leerzone/kernel';
import { expectProblem, expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { cliForTest } from '../testing/stack-for-test';
import { erasureStreamId, PERSONAL_DATA_ERASED } from './erasure-record';

/**
 * Vault subjects are per tenant (issue 16): person `anna` of acme and `anna` of globex are two
 * people with two keys. Confidential cases about anna in both tenants, through the real
 * service; erasing anna in acme leaves globex's anna readable. And migration-free: a case
 * sealed before subjects were scoped (its account under the bare id `anna`, as phase 1 stored
 * it) still opens, and acme's erasure finds and erases that legacy subject too.
 */
describe('personal data: tenant-scoped vault subjects and legacy seals', () => {
  let t: ServiceTestApp;
  let acmeOfficer: Caller;
  let globexOfficer: Caller;
  const acmeAccount = `acme-${randomUUID()}: left the ward unattended`;
  const globexAccount = `globex-${randomUUID()}: skipped the double check`;
  const legacyAccount = `legacy-${randomUUID()}: recorded before subjects were scoped`;
  const legacyCaseId = randomUUID();
  let acmeCaseId: string;
  let globexCaseId: string;
  const where = (tenant: string) => ['--tenant', tenant, '--store', `sqlite:${join(t.dir, 'events.db')}`, '--vault', join(t.dir, 'personal-data-vault.db')];
  const cli = (argv: string[]) => cliForTest(argv, {});
  const openCase = async (officer: Caller, account: string) => {
    const opened = await officer.post('/api/failure-learning/cases', { boundary: 'ignored-safety-rules', concernedPersonId: 'anna', account });
    expectStatus(opened, 201);
    return opened.body.caseId as string;
  };
  const read = async (officer: Caller, caseId: string) => {
    const answer = await officer.get(`/api/failure-learning/cases/${caseId}?purpose=${encodeURIComponent('erasure check')}`);
    expectStatus(answer, 200);
    return answer.body as { account: unknown; concernedPersonId: string };
  };

  beforeAll(async () => {
    t = await startServiceTestApp([failureLearningService]);
    acmeOfficer = await t.as('olga', ['confidential-officer'], 'acme');
    globexOfficer = await t.as('gert', ['confidential-officer'], 'globex');
    acmeCaseId = await openCase(acmeOfficer, acmeAccount);
    globexCaseId = await openCase(globexOfficer, globexAccount);
    // A case as phase 1 stored it: a legacy global stream id and the account under the bare person id.
    const at = new Date(Date.now() - 86_400_000).toISOString();
    await t.store.append(
      `failure-learning-case-${legacyCaseId}`,
      [
        {
          eventId: randomUUID(),
          type: 'ConfidentialCaseOpened',
          schemaVersion: 1,
          tenantId: 'acme',
          occurredAt: at,
          actor: { id: 'olga', kind: 'user' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          data: { caseId: legacyCaseId, boundary: 'ignored-safety-rules', teamId: null, concernedPersonId: 'anna', account: await t.vault.seal(legacyPersonSubject('anna'), legacyAccount), openedBy: 'olga', openedAt: at },
          metadata: {},
        },
      ],
      { expectedVersion: 0 },
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it('seals each tenant’s anna under a subject of her own tenant, and still opens the legacy seal', async () => {
    const stored = await t.store.readAll({ limit: 10_000 });
    const accountOf = (caseId: string) => (stored.find((e) => e.type === 'ConfidentialCaseOpened' && (e.data as { caseId: string }).caseId === caseId)!.data as { account: { $sealed: { subject: string } } }).account;
    expect(accountOf(acmeCaseId).$sealed.subject).toBe(personSubject('acme', 'anna'));
    expect(accountOf(globexCaseId).$sealed.subject).toBe(personSubject('globex', 'anna'));
    expect(accountOf(legacyCaseId).$sealed.subject).toBe('anna');
    expect((await read(acmeOfficer, acmeCaseId)).account).toBe(acmeAccount);
    expect((await read(globexOfficer, globexCaseId)).account).toBe(globexAccount);
    expect((await read(acmeOfficer, legacyCaseId)).account).toBe(legacyAccount);
    // Another tenant's officer does not reach the legacy case.
    expectStatus(await globexOfficer.get(`/api/failure-learning/cases/${legacyCaseId}?purpose=probe`), 404);
  });

  it('gives each tenant’s anna only her own tenant’s data through subject-access', async () => {
    const acme = JSON.parse((await cli(['subject-access', 'anna', ...where('acme')])).out);
    expect(acme.subjects.map((s: { subject: string }) => s.subject).sort()).toEqual([personSubject('acme', 'anna'), 'anna'].sort());
    expect(JSON.stringify(acme)).toContain(acmeAccount);
    expect(JSON.stringify(acme)).toContain(legacyAccount);
    expect(JSON.stringify(acme)).not.toContain(globexAccount);
    const globex = JSON.parse((await cli(['subject-access', 'anna', ...where('globex')])).out);
    // globex's events hold no seal under the bare id: the legacy subject is not globex's anna's.
    expect(globex.subjects).toEqual([{ subject: personSubject('globex', 'anna'), erased: false }]);
    expect(JSON.stringify(globex)).toContain(globexAccount);
    expect(JSON.stringify(globex)).not.toContain(acmeAccount);
    expect(JSON.stringify(globex)).not.toContain(legacyAccount);
  });

  it('erases anna in acme — her scoped and her legacy subject — and leaves anna in globex readable; the erasure is recorded and audit verify intact', async () => {
    const erased = await cli(['erase', 'person', 'anna', ...where('acme'), '--by', 'oscar', '--reason', 'GDPR request acme-17']);
    expect(erased.code).toBe(0);
    expect(erased.out).toContain('Erased 2 vault subjects');
    expect(erased.out).toContain('Note: anna is a legacy subject');
    expect(await t.vault.isErased(personSubject('acme', 'anna'))).toBe(true);
    expect(await t.vault.isErased('anna')).toBe(true);
    expect(await t.vault.isErased(personSubject('globex', 'anna'))).toBe(false);

    expect((await read(acmeOfficer, acmeCaseId)).account).toEqual({ $erased: { subject: personSubject('acme', 'anna') } });
    expect((await read(acmeOfficer, legacyCaseId)).account).toEqual({ $erased: { subject: 'anna' } });
    expect((await read(globexOfficer, globexCaseId)).account).toBe(globexAccount);
    const globex = JSON.parse((await cli(['subject-access', 'anna', ...where('globex')])).out);
    expect(globex.subjects).toEqual([{ subject: personSubject('globex', 'anna'), erased: false }]);
    expect(JSON.stringify(globex)).toContain(globexAccount);
    expect(globex.events.map((e: { type: string }) => e.type)).not.toContain(PERSONAL_DATA_ERASED);

    // The record: in acme's erasure stream, naming who, which subjects and why, never the data.
    const [record, ...more] = await t.store.readStream(erasureStreamId('acme'));
    expect(more).toEqual([]);
    expect(record).toMatchObject({ type: PERSONAL_DATA_ERASED, tenantId: 'acme', actor: { id: 'oscar', kind: 'user' }, reason: 'GDPR request acme-17' });
    expect((record!.data as { subjects: string[] }).subjects.sort()).toEqual([personSubject('acme', 'anna'), 'anna'].sort());
    expect(JSON.stringify(record)).not.toContain(acmeAccount.slice(0, 30));
    expect(JSON.stringify(record)).not.toContain(legacyAccount.slice(0, 30));
    await expect(t.store.readStream(erasureStreamId('globex'))).rejects.toBeInstanceOf(StreamNotFoundError);
    expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
    // Auditors of the tenant read the record through the audit API; another tenant's auditor gets the unknown-stream 404.
    const history = await (await t.as('aude', ['auditor'], 'acme')).get(`/api/audit/streams/${erasureStreamId('acme')}/events`, { 'X-Reason': 'erasure review' });
    expectStatus(history, 200);
    expect(history.body.events).toEqual([expect.objectContaining({ type: PERSONAL_DATA_ERASED, actor: { id: 'oscar', kind: 'user' }, reason: 'GDPR request acme-17' })]);
    expectProblem(await (await t.as('gaby', ['auditor'], 'globex')).get(`/api/audit/streams/${erasureStreamId('acme')}/events`, { 'X-Reason': 'probe' }), 404, 'AUDIT.STREAM_NOT_FOUND');

    // Then globex erases its own anna: acme's record stays one, globex gets its own.
    const second = await cli(['erase', 'person', 'anna', ...where('globex'), '--by', 'gina', '--reason', 'GDPR request globex-3']);
    expect(second.out).toContain('Erased 1 vault subject');
    expect(second.out).not.toContain('legacy subject');
    expect((await read(globexOfficer, globexCaseId)).account).toEqual({ $erased: { subject: personSubject('globex', 'anna') } });
    expect((await t.store.readStream(erasureStreamId('globex'))).map((e) => e.actor.id)).toEqual(['gina']);
    expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
  });
});
