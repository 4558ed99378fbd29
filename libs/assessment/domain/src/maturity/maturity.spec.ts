import { describe, expect, it } from '@jest/globals';
import { personSubject } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { maturityDecider } from './maturity.decider';
import type { MaturityEvent, TaskMaturityRecorded } from './maturity.events';
import type { Commitment, Competence } from './maturity.model';
import { boardLevelName, deriveTaskMaturity } from './maturity.model';
import { canSeeTaskMaturity, currentTaskMaturity, maturityCountsPerLevel, taskHistory } from './maturity.queries';

const spec = DeciderSpecification.for(maturityDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const now = NOW.toISOString();
const [TEAM, ANNA, COACH] = ['team-a', 'user-anna', 'user-coach'];
const as = (id: string, extra: object = {}) => ({ actor: { id, kind: 'user' as const }, now: NOW, ...extra });
const sealedNote = (subject: string) => ({ $sealed: { subject, keyId: 'k', alg: 'A256GCM' as const, iv: 'aXY=', data: 'bm90ZQ==', tag: 'dGFn' } });
const record = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'RecordTaskMaturity', data: { teamId: TEAM, memberId: ANNA, coachId: COACH, task: 'budgeting', taskTitle: 'Team budget', competence: 'some', commitment: 'high', ...overrides } }) as never;
const recorded = (competence: Competence, commitment: Commitment, recordedBy = COACH, recordedAt = now): TaskMaturityRecorded => ({
  type: 'TaskMaturityRecorded',
  data: { teamId: TEAM, memberId: ANNA, coachId: COACH, task: 'budgeting', taskTitle: 'Team budget', competence, commitment, ...deriveTaskMaturity(competence, commitment), note: null, recordedBy, recordedAt },
});

describe('the development level, style and delegation level', () => {
  it.each([
    ['low', 'high', 'D1', 'directing', 1],
    ['low', 'variable', 'D1', 'directing', 1],
    ['low', 'low', 'D2', 'coaching', 2],
    ['some', 'low', 'D2', 'coaching', 2],
    ['some', 'variable', 'D2', 'coaching', 2],
    ['some', 'high', 'D3', 'supporting', 4],
    ['high', 'low', 'D3', 'supporting', 4],
    ['high', 'variable', 'D3', 'supporting', 4],
    ['high', 'high', 'D4', 'delegating', 7],
  ] as const)('competence %s, commitment %s → %s, %s, board level %i', (competence, commitment, developmentLevel, leadershipStyle, suggestedDelegationLevel) => {
    expect(deriveTaskMaturity(competence, commitment)).toEqual({ developmentLevel, leadershipStyle, suggestedDelegationLevel });
  });

  it('names the board levels as Management 3.0 does', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((l) => boardLevelName(l as 1))).toEqual(['Tell', 'Sell', 'Consult', 'Agree', 'Advise', 'Inquire', 'Delegate']);
  });
});

describe('recording task maturity', () => {
  it('is done by the coach or the member, both named', () => {
    spec.given([]).when(record(), as(COACH)).then([recorded('some', 'high')]);
    spec.given([]).when(record(), as(ANNA)).then([recorded('some', 'high', ANNA)]);
    spec.given([]).when(record(), as('user-lead')).thenRejects('MATURITY.NOT_A_PARTY', { category: 'forbidden' });
    spec.given([]).when(record({ coachId: ANNA }), as(ANNA)).thenRejects('MATURITY.COACH_INVALID', { field: 'coachId' });
  });

  it('refuses bad input, naming the field', () => {
    spec.given([]).when(record({ competence: 'great' }), as(COACH)).thenRejects('MATURITY.COMPETENCE_INVALID', { field: 'competence' });
    spec.given([]).when(record({ commitment: 'medium' }), as(COACH)).thenRejects('MATURITY.COMMITMENT_INVALID', { field: 'commitment' });
    spec.given([]).when(record({ task: 'Team Budget' }), as(COACH)).thenRejects('MATURITY.TASK_INVALID', { field: 'task' });
    spec.given([]).when(record({ note: 'she struggles' }), as(COACH)).thenRejects('MATURITY.NOTE_NOT_SEALED', { field: 'note' });
    spec.given([]).when(record({ note: sealedNote(personSubject('tenant-test', COACH)) }), as(COACH)).thenRejects('MATURITY.NOTE_NOT_SEALED', { field: 'note' });
    // The member of another tenant with the same id, and the bare (legacy, not tenant-scoped) id, are not this member's subject.
    spec.given([]).when(record({ note: sealedNote(personSubject('tenant-other', ANNA)) }), as(COACH)).thenRejects('MATURITY.NOTE_NOT_SEALED', { field: 'note' });
    spec.given([]).when(record({ note: sealedNote(ANNA) }), as(COACH)).thenRejects('MATURITY.NOTE_NOT_SEALED', { field: 'note' });
    spec.given([recorded('low', 'high')]).when(record({ memberId: 'user-bram' }), as(COACH)).thenRejects('MATURITY.STREAM_MISMATCH');
  });

  it('keeps a note sealed under the member’s own subject of the tenant', () => {
    const note = sealedNote(personSubject('tenant-test', ANNA));
    spec.given([]).when(record({ note }), as(COACH)).then([{ ...recorded('some', 'high'), data: { ...recorded('some', 'high').data, note } }]);
  });

  it('keeps the history per task, and retires a task with a reason', () => {
    const history: MaturityEvent[] = [recorded('low', 'high', COACH, '2025-10-01T09:00:00.000Z'), recorded('some', 'low', COACH, '2025-12-01T09:00:00.000Z'), recorded('high', 'high')];
    const state = history.reduce(maturityDecider.evolve, maturityDecider.initialState);
    expect(taskHistory(state, 'budgeting').map((a) => a.developmentLevel)).toEqual(['D1', 'D2', 'D4']);
    expect(currentTaskMaturity(state)).toMatchObject([{ memberId: ANNA, task: 'budgeting', developmentLevel: 'D4', suggestedDelegationLevel: 7 }]);
    const retire = { type: 'RetireTask', data: { teamId: TEAM, memberId: ANNA, task: 'budgeting' } } as const;
    spec.given(history).when(retire, as(COACH, { reason: 'moved to planning' })).then([
      { type: 'TaskRetired', data: { teamId: TEAM, memberId: ANNA, task: 'budgeting', retiredBy: COACH, retiredAt: now, reason: 'moved to planning' } },
    ]);
    spec.given(history).when(retire, as(COACH)).thenRejects('MATURITY.REASON_REQUIRED');
    spec.given(history).when({ ...retire, data: { ...retire.data, task: 'planning' } }, as(COACH)).thenRejects('MATURITY.TASK_NOT_FOUND');
  });
});

describe('who may see it', () => {
  it('the member their own, the team’s coach their team’s, nobody else', () => {
    const subject = { teamId: TEAM, memberId: ANNA };
    expect(canSeeTaskMaturity({ userId: ANNA, coachOfTeamIds: [] }, subject)).toBe(true);
    expect(canSeeTaskMaturity({ userId: COACH, coachOfTeamIds: [TEAM] }, subject)).toBe(true);
    expect(canSeeTaskMaturity({ userId: COACH, coachOfTeamIds: ['team-b'] }, subject)).toBe(false);
    expect(canSeeTaskMaturity({ userId: 'user-analyst', coachOfTeamIds: [] }, subject)).toBe(false);
  });

  it('analytics gets counts per level, only where enough people stand behind them', () => {
    const a = (memberId: string, developmentLevel: 'D1' | 'D2' | 'D3' | 'D4') => ({ memberId, developmentLevel });
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    expect(maturityCountsPerLevel(people.slice(0, 2).map((p) => a(p, 'D1')), 3)).toEqual({ kind: 'not-enough-people' });
    // D1: 3 people (shown), D3: 4 people with 5 assessments (shown), D2 and D4 empty (0 names nobody)
    const enough = [...people.slice(0, 3).map((p) => a(p, 'D1')), ...people.slice(3, 7).map((p) => a(p, 'D3')), a('p7', 'D3')];
    expect(maturityCountsPerLevel(enough, 3)).toEqual({ kind: 'counts', counts: { D1: 3, D2: 0, D3: 5, D4: 0 } });
    // D2 has 2 people: withheld; it is the only one, so the smallest shown level (D1, 3) is withheld with it
    const one = [...enough, a('p8', 'D2'), a('p1', 'D2')];
    expect(maturityCountsPerLevel(one, 3)).toEqual({ kind: 'counts', counts: { D1: null, D2: null, D3: 5, D4: 0 } });
  });
});
