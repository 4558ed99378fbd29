import { describe, expect, it } from '@jest/globals';
import type { CommandContext, Rejection, SealedValue } from '@leerzone/kernel';
import { fold, isRejection, personSubject } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { CONFIDENTIAL_EVENT_TYPES, isConfidentialEvent, isPublishableEvent, PUBLIC_EVENT_TYPES } from '../events';
import { confidentialCaseDecider, confidentialCaseStreamId, isConfidentialStream } from './confidential-case.decider';
import type { ConfidentialCaseEvent } from './confidential-case.events';
import { CONFIDENTIAL_CASE_EVENT_TYPES, isConfidentialCaseEvent } from './confidential-case.events';
import { CONFIDENTIAL_OFFICER_ROLE, isRefusedCaseAttempt } from './confidential-case.rules';

const spec = DeciderSpecification.for(confidentialCaseDecider);
const NOW = new Date('2026-02-01T10:00:00.000Z');
const now = NOW.toISOString();
const CASE = 'c-1';
const OFFICER = 'user-officer';
const BRAM = 'user-bram';
const by = (actorId: string, extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({ actor: { id: actorId, kind: 'user' }, now: NOW, ...extra });
const seal = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'k', alg: 'A256GCM', iv: 'aXY=', data: 'ZA==', tag: 'dA==' } });
const officer = [CONFIDENTIAL_OFFICER_ROLE];
/** Sealed under the person's subject of the test tenant. */
const about = (personId: string): SealedValue => seal(personSubject(testContext().tenantId, personId));

const opened: ConfidentialCaseEvent = {
  type: 'ConfidentialCaseOpened',
  data: { caseId: CASE, boundary: 'ignored-safety-rules', teamId: 'team-a', concernedPersonId: BRAM, account: about(BRAM), openedBy: OFFICER, openedAt: '2026-01-20T10:00:00.000Z' },
};
const consequence: ConfidentialCaseEvent = {
  type: 'ConfidentialCaseConsequenceRecorded',
  data: { caseId: CASE, consequenceId: 'q-1', kind: 'formal-warning', description: about(BRAM), recordedBy: OFFICER, recordedAt: '2026-01-25T10:00:00.000Z' },
};
const open = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'OpenConfidentialCase', data: { caseId: CASE, actorRoles: officer, boundary: 'ignored-safety-rules', teamId: 'team-a', concernedPersonId: BRAM, account: about(BRAM), ...overrides } }) as never;
const read = (actorRoles: readonly string[], purpose = 'case file') => ({ type: 'AccessConfidentialCase', data: { caseId: CASE, actorRoles, purpose } }) as never;
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

describe('the confidential track: a case for a hard boundary', () => {
  it('is opened by the officer, with the account sealed under the concerned person', () => {
    spec.given([]).when(open(), by(OFFICER)).then([{ ...opened, data: { ...opened.data, openedAt: now } } as ConfidentialCaseEvent]);
    spec.given([]).when(open({ boundary: 'withheld-crucial-information', teamId: null }), by(OFFICER)).then([expect.objectContaining({ data: expect.objectContaining({ boundary: 'withheld-crucial-information', teamId: null }) }) as never]);
    expect(confidentialCaseStreamId('acme', CASE)).toBe('failure-learning-case-4:acme:c-1');
  });

  it('is opened by no one else', () => {
    for (const roles of [['member'], ['coach'], ['admin'], []]) {
      spec.given([]).when(open({ actorRoles: roles }), by(BRAM)).thenRejects('CASE.OFFICER_ONLY', { category: 'forbidden', field: 'actorRoles' });
    }
  });

  it.each([
    ['boundary', 'CASE.BOUNDARY_INVALID', { boundary: 'rudeness' }],
    ['account', 'CASE.PERSONAL_DATA_NOT_SEALED', { account: 'Bram skipped the safety check' }],
    ['account', 'CASE.PERSONAL_DATA_NOT_SEALED', { account: seal('user-someone-else') }],
    ['account', 'CASE.PERSONAL_DATA_NOT_SEALED', { account: seal(BRAM) }],
    ['account', 'CASE.PERSONAL_DATA_NOT_SEALED', { account: seal(personSubject('tenant-other', BRAM)) }],
    ['concernedPersonId', 'CASE.INVALID', { concernedPersonId: '' }],
    ['caseId', 'CASE.INVALID', { caseId: ' c' }],
    ['teamId', 'CASE.INVALID', { teamId: ' team-a' }],
    ['teamId', 'CASE.INVALID', { teamId: '' }],
  ])('rejects a bad %s with %s, in a sentence', (field, code, overrides) => {
    wellFormed(spec.given([]).when(open(overrides), by(OFFICER)).thenRejects(code, { field, category: 'invalid' }));
  });

  it('records every read by the officer before anything is returned', () => {
    spec.given([opened]).when(read(officer, 'case file and consequences'), by(OFFICER)).then([
      { type: 'ConfidentialCaseAccessed', data: { caseId: CASE, purpose: 'case file and consequences', accessedBy: OFFICER, accessedAt: now } },
    ]);
    wellFormed(spec.given([opened]).when(read(officer, ''), by(OFFICER)).thenRejects('CASE.PURPOSE_INVALID', { field: 'purpose' }));
  });

  it.each([
    ['a team member', 'user-anna', ['member']],
    ['a coach', 'user-coach', ['coach']],
    ['an admin', 'user-admin', ['admin', 'auditor']],
  ])('refuses %s who tries to read a case, and records the attempt', (_who, actorId, roles) => {
    const decision = confidentialCaseDecider.decide(read(roles), confidentialCaseDecider.evolve(confidentialCaseDecider.initialState, opened), testContext(by(actorId)));
    expect(decision).toEqual([{ type: 'ConfidentialCaseAccessRefused', data: { caseId: CASE, attempted: 'AccessConfidentialCase', actorRoles: roles, attemptedBy: actorId, attemptedAt: now } }]);
    expect(isRefusedCaseAttempt(decision as ConfidentialCaseEvent[])).toBe(true);
  });

  it('refuses and records attempts to act on a case without the role, and a service acting as officer', () => {
    const act = { type: 'RecordCaseConsequence', data: { caseId: CASE, actorRoles: ['coach'], consequenceId: 'q-2', kind: 'training', description: about(BRAM) } } as never;
    spec.given([opened]).when(act, by('user-coach')).then([
      { type: 'ConfidentialCaseAccessRefused', data: { caseId: CASE, attempted: 'RecordCaseConsequence', actorRoles: ['coach'], attemptedBy: 'user-coach', attemptedAt: now } },
    ]);
    spec
      .given([opened])
      .when({ type: 'CloseConfidentialCase', data: { caseId: CASE, actorRoles: officer, outcome: 'unsubstantiated' } } as never, { actor: { id: 'some-service', kind: 'service' }, now: NOW, reason: 'r' })
      .then([expect.objectContaining({ type: 'ConfidentialCaseAccessRefused', data: expect.objectContaining({ attempted: 'CloseConfidentialCase', attemptedBy: 'some-service' }) }) as never]);
  });

  it('answers "not found" to everyone for a case that does not exist, recording nothing', () => {
    spec.given([]).when(read(officer), by(OFFICER)).thenRejects('CASE.NOT_FOUND', { category: 'not-found' });
    spec.given([]).when(read(['member']), by('user-anna')).thenRejects('CASE.NOT_FOUND', { category: 'not-found' });
  });

  it('records consequences, sealed under the concerned person', () => {
    const record = (overrides: Record<string, unknown> = {}) => ({ type: 'RecordCaseConsequence', data: { caseId: CASE, actorRoles: officer, consequenceId: 'q-1', kind: 'formal-warning', description: about(BRAM), ...overrides } }) as never;
    spec.given([opened]).when(record(), by(OFFICER)).then([{ ...consequence, data: { ...consequence.data, recordedAt: now } } as ConfidentialCaseEvent]);
    spec.given([opened, consequence]).when(record(), by(OFFICER)).thenRejects('CASE.CONSEQUENCE_EXISTS', { category: 'conflict' });
    spec.given([opened]).when(record({ kind: 'fine' }), by(OFFICER)).thenRejects('CASE.CONSEQUENCE_INVALID', { field: 'kind' });
    spec.given([opened]).when(record({ description: seal('user-anna') }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'description' });
    // The same person id in another tenant is another person, and the bare id is the legacy (shared) subject: neither is theirs.
    spec.given([opened]).when(record({ description: seal(personSubject('tenant-other', BRAM)) }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'description' });
    spec.given([opened]).when(record({ description: seal(BRAM) }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'description' });
    // A case opened before subjects were tenant-scoped (its account under the bare id) takes new consequences under the scoped subject.
    const legacyOpened = { ...opened, data: { ...opened.data, account: seal(BRAM) } } as ConfidentialCaseEvent;
    expect(isRejection(confidentialCaseDecider.decide(record(), [legacyOpened].reduce(confidentialCaseDecider.evolve, confidentialCaseDecider.initialState), testContext(by(OFFICER))))).toBe(false);
  });

  it('closes a substantiated case only with a consequence, and always with a reason', () => {
    const close = (outcome: string) => ({ type: 'CloseConfidentialCase', data: { caseId: CASE, actorRoles: officer, outcome } }) as never;
    spec.given([opened]).when(close('substantiated'), by(OFFICER, { reason: 'Confirmed by two witnesses' })).thenRejects('CASE.CONSEQUENCE_REQUIRED', { category: 'precondition' });
    spec.given([opened, consequence]).when(close('substantiated'), by(OFFICER, { reason: 'Confirmed by two witnesses' })).then([
      { type: 'ConfidentialCaseClosed', data: { caseId: CASE, outcome: 'substantiated', consequenceIds: ['q-1'], reason: 'Confirmed by two witnesses', closedBy: OFFICER, closedAt: now } },
    ]);
    spec.given([opened]).when(close('unsubstantiated'), by(OFFICER)).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { field: 'reason' });
    spec.given([opened]).when(close('dismissed'), by(OFFICER, { reason: 'r' })).thenRejects('CASE.OUTCOME_INVALID', { field: 'outcome' });
    const closed: ConfidentialCaseEvent = { type: 'ConfidentialCaseClosed', data: { caseId: CASE, outcome: 'unsubstantiated', consequenceIds: [], reason: 'r', closedBy: OFFICER, closedAt: now } };
    spec.given([opened, closed]).when(close('unsubstantiated'), by(OFFICER, { reason: 'r' })).thenRejects('CASE.CLOSED', { category: 'conflict' });
    // A closed case can still be read, and the read is still recorded.
    const decision = confidentialCaseDecider.decide(read(officer), [opened, closed].reduce(confidentialCaseDecider.evolve, confidentialCaseDecider.initialState), testContext(by(OFFICER)));
    expect(isRejection(decision) ? decision.code : decision.map((e) => e.type)).toEqual(['ConfidentialCaseAccessed']);
  });
});

describe('case events never reach the public topic', () => {
  it('marks every case event confidential and no other', () => {
    expect([...CONFIDENTIAL_EVENT_TYPES].sort()).toEqual([...CONFIDENTIAL_CASE_EVENT_TYPES].sort());
    for (const type of CONFIDENTIAL_CASE_EVENT_TYPES) {
      expect(isConfidentialEvent(type)).toBe(true);
      expect(isPublishableEvent(type)).toBe(false);
    }
    for (const type of PUBLIC_EVENT_TYPES) expect([type, isConfidentialEvent(type), isPublishableEvent(type)]).toEqual([type, false, true]);
    expect(isPublishableEvent('SomethingUnknown')).toBe(false);
  });

  it('recognises a case stream by its prefix, and no other failure-learning stream', () => {
    expect(isConfidentialStream('failure-learning-case-c-1')).toBe(true);
    expect(isConfidentialStream('failure-learning-report-case-1')).toBe(false);
    expect(isConfidentialStream('failure-learning-library-acme')).toBe(false);
  });
});

describe('the confidential track: edges', () => {
  const record = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'RecordCaseConsequence', data: { caseId: CASE, actorRoles: officer, consequenceId: 'q-2', kind: 'training', description: about(BRAM), ...overrides } }) as never;
  const close = (outcome: string) => ({ type: 'CloseConfidentialCase', data: { caseId: CASE, actorRoles: officer, outcome } }) as never;
  const closed: ConfidentialCaseEvent = { type: 'ConfidentialCaseClosed', data: { caseId: CASE, outcome: 'unsubstantiated', consequenceIds: [], reason: 'r', closedBy: OFFICER, closedAt: now } };

  it('takes the officer to be whoever holds the platform role "confidential-officer"', () => {
    spec.given([]).when(open({ actorRoles: ['member', 'confidential-officer'] }), by(OFFICER)).then([expect.objectContaining({ type: 'ConfidentialCaseOpened' }) as never]);
    spec.given([]).when(open({ actorRoles: [''] }), by(OFFICER)).thenRejects('CASE.OFFICER_ONLY', { field: 'actorRoles' });
  });

  it('opens a case without a team when none is given', () => {
    spec.given([]).when(open({ teamId: undefined }), by(OFFICER)).then([expect.objectContaining({ data: expect.objectContaining({ teamId: null }) }) as never]);
  });

  it('refuses to open a case that already exists, naming it', () => {
    const refusal = spec.given([opened]).when(open(), by(OFFICER)).thenRejects('CASE.ALREADY_EXISTS', { category: 'conflict', field: 'caseId' });
    expect(refusal.message).toContain(CASE);
  });

  it('lists the hard boundaries a case may be about when the boundary is not one', () => {
    const refusal = spec.given([]).when(open({ boundary: 'rudeness' }), by(OFFICER)).thenRejects('CASE.BOUNDARY_INVALID', { field: 'boundary' });
    expect(refusal.message).toContain('ignored-safety-rules, withheld-crucial-information');
  });

  it('answers "not found" for another case id on this case’s stream, to the officer and to anyone else', () => {
    const other = { type: 'AccessConfidentialCase', data: { caseId: 'c-2', actorRoles: officer, purpose: 'case file' } } as never;
    const refusal = spec.given([opened]).when(other, by(OFFICER)).thenRejects('CASE.NOT_FOUND', { category: 'not-found', field: 'caseId' });
    expect(refusal.message).toContain('c-2');
    spec
      .given([opened])
      .when({ type: 'AccessConfidentialCase', data: { caseId: 'c-2', actorRoles: ['member'], purpose: 'x' } } as never, by('user-anna'))
      .thenRejects('CASE.NOT_FOUND', { field: 'caseId' });
  });

  it('records a refused attempt with only the roles that are text, and none when the roles are no list', () => {
    const attempt = (actorRoles: unknown) => ({ type: 'AccessConfidentialCase', data: { caseId: CASE, actorRoles, purpose: 'x' } }) as never;
    const refused = (actorRoles: readonly string[]) => [{ type: 'ConfidentialCaseAccessRefused', data: { caseId: CASE, attempted: 'AccessConfidentialCase', actorRoles, attemptedBy: 'user-anna', attemptedAt: now } }] as ConfidentialCaseEvent[];
    spec.given([opened]).when(attempt(['member', 7, null]), by('user-anna')).then(refused(['member']));
    spec.given([opened]).when(attempt(undefined), by('user-anna')).then(refused([]));
    spec.given([opened]).when(attempt('confidential-officer'), by('user-anna')).then(refused([]));
  });

  it('calls a decision a refused attempt only when it holds refusals and nothing else', () => {
    const refusal = (attemptedBy: string): ConfidentialCaseEvent => ({
      type: 'ConfidentialCaseAccessRefused',
      data: { caseId: CASE, attempted: 'AccessConfidentialCase', actorRoles: [], attemptedBy, attemptedAt: now },
    });
    const accessed: ConfidentialCaseEvent = { type: 'ConfidentialCaseAccessed', data: { caseId: CASE, purpose: 'p', accessedBy: OFFICER, accessedAt: now } };
    expect(isRefusedCaseAttempt([])).toBe(false);
    expect(isRefusedCaseAttempt([accessed])).toBe(false);
    expect(isRefusedCaseAttempt([refusal('a'), accessed])).toBe(false);
    expect(isRefusedCaseAttempt([refusal('a'), refusal('b')])).toBe(true);
  });

  it('refuses bad consequences on the field at fault, in a sentence', () => {
    wellFormed(spec.given([opened]).when(record({ consequenceId: ' q-2' }), by(OFFICER)).thenRejects('CASE.INVALID', { category: 'invalid', field: 'consequenceId' }));
    wellFormed(spec.given([opened]).when(record({ consequenceId: 42 }), by(OFFICER)).thenRejects('CASE.INVALID', { field: 'consequenceId' }));
    const twice = spec.given([opened, consequence]).when(record({ consequenceId: 'q-1' }), by(OFFICER)).thenRejects('CASE.CONSEQUENCE_EXISTS', { field: 'consequenceId' });
    expect(twice.message).toContain('q-1');
    wellFormed(spec.given([opened]).when(record({ kind: 'fine' }), by(OFFICER)).thenRejects('CASE.CONSEQUENCE_INVALID', { field: 'kind' }));
    wellFormed(spec.given([opened]).when(record({ description: 'Bram got a warning' }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'description' }));
    wellFormed(spec.given([opened]).when(record({ description: seal('user-anna') }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'description' }));
    wellFormed(spec.given([]).when(open({ account: seal('user-anna') }), by(OFFICER)).thenRejects('CASE.PERSONAL_DATA_NOT_SEALED', { field: 'account' }));
    wellFormed(spec.given([]).when(open({ concernedPersonId: 7 }), by(OFFICER)).thenRejects('CASE.INVALID', { field: 'concernedPersonId' }));
    wellFormed(spec.given([]).when(open({ caseId: '' }), by(OFFICER)).thenRejects('CASE.INVALID', { field: 'caseId' }));
    wellFormed(spec.given([]).when(open({ boundary: 'rudeness' }), by(OFFICER)).thenRejects('CASE.BOUNDARY_INVALID', { field: 'boundary' }));
  });

  it('records no consequence on a closed case', () => {
    const refusal = spec.given([opened, closed]).when(record(), by(OFFICER)).thenRejects('CASE.CLOSED', { category: 'conflict', field: 'caseId' });
    expect(refusal.message).toContain(CASE);
  });

  it('refuses to close on the field at fault, in a sentence', () => {
    spec.given([opened, closed]).when(close('unsubstantiated'), by(OFFICER, { reason: 'r' })).thenRejects('CASE.CLOSED', { field: 'caseId' });
    spec.given([opened]).when(close('substantiated'), by(OFFICER, { reason: 'r' })).thenRejects('CASE.CONSEQUENCE_REQUIRED', { field: 'outcome' });
    const outcome = wellFormed(spec.given([opened]).when(close('dismissed'), by(OFFICER, { reason: 'r' })).thenRejects('CASE.OUTCOME_INVALID', { category: 'invalid', field: 'outcome' }));
    expect(outcome.message).toContain('substantiated, unsubstantiated');
    const noReason = wellFormed(spec.given([opened]).when(close('unsubstantiated'), by(OFFICER, { reason: '  ' })).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { category: 'invalid', field: 'reason' }));
    expect(noReason.message).toContain('close this case');
  });

  it('takes a reason of up to 2,000 characters to close a case, and refuses a longer one', () => {
    spec.given([opened]).when(close('unsubstantiated'), by(OFFICER, { reason: ` ${'r'.repeat(2000)} ` })).then([expect.objectContaining({ data: expect.objectContaining({ reason: 'r'.repeat(2000) }) }) as never]);
    const refusal = wellFormed(
      spec.given([opened]).when(close('unsubstantiated'), by(OFFICER, { reason: 'r'.repeat(2001) })).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { category: 'invalid', field: 'reason' }),
    );
    expect(refusal.message).toContain('2001');
  });

  it('counts the reads and the refused attempts in the case’s state', () => {
    const accessed: ConfidentialCaseEvent = { type: 'ConfidentialCaseAccessed', data: { caseId: CASE, purpose: 'p', accessedBy: OFFICER, accessedAt: now } };
    const refused: ConfidentialCaseEvent = { type: 'ConfidentialCaseAccessRefused', data: { caseId: CASE, attempted: 'AccessConfidentialCase', actorRoles: [], attemptedBy: 'user-anna', attemptedAt: now } };
    const state = fold(confidentialCaseDecider, [opened, accessed, accessed, refused, consequence]);
    expect(state).toEqual({ exists: true, caseId: CASE, boundary: 'ignored-safety-rules', concernedPersonId: BRAM, consequenceIds: ['q-1'], outcome: null, accesses: 2, refusedAttempts: 1 });
    expect(fold(confidentialCaseDecider, [opened, refused, refused])).toMatchObject({ accesses: 0, refusedAttempts: 2 });
  });

  it('refuses commands and events it does not know', () => {
    expect(() => confidentialCaseDecider.decide({ type: 'Frobnicate', data: {} } as never, confidentialCaseDecider.initialState, testContext())).toThrow(/Frobnicate/);
    expect(() => confidentialCaseDecider.evolve(confidentialCaseDecider.initialState, { type: 'Frobnicated', data: {} } as never)).toThrow(/Frobnicated/);
  });

  it('recognises its own events and no others', () => {
    for (const type of CONFIDENTIAL_CASE_EVENT_TYPES) expect(isConfidentialCaseEvent({ type })).toBe(true);
    for (const type of [...PUBLIC_EVENT_TYPES, 'SomethingUnknown', 'toString', '__proto__']) expect(isConfidentialCaseEvent({ type })).toBe(false);
  });
});
