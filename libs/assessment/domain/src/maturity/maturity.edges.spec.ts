import { describe, expect, it } from '@jest/globals';
import { personSubject } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { maturityDecider, maturityStreamId } from './maturity.decider';
import type { MaturityEvent, TaskMaturityRecorded } from './maturity.events';
import type { Commitment, Competence, DevelopmentLevel } from './maturity.model';
import { deriveTaskMaturity, STYLE_FOR_LEVEL } from './maturity.model';
import { currentTaskMaturity, maturityCountsPerLevel, taskHistory } from './maturity.queries';
import { evolveMaturity, initialMaturityState } from './maturity.state';

const spec = DeciderSpecification.for(maturityDecider);
const NOW = new Date('2026-01-15T09:00:00.000Z');
const now = NOW.toISOString();
const [TEAM, ANNA, COACH] = ['team-a', 'user-anna', 'user-coach'];
const as = (id: string, extra: object = {}) => ({ actor: { id, kind: 'user' as const }, now: NOW, ...extra });
const record = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'RecordTaskMaturity', data: { teamId: TEAM, memberId: ANNA, coachId: COACH, task: 'budgeting', taskTitle: 'Team budget', competence: 'some', commitment: 'high', ...overrides } }) as never;
const retire = (overrides: Record<string, unknown> = {}) => ({ type: 'RetireTask', data: { teamId: TEAM, memberId: ANNA, task: 'budgeting', ...overrides } }) as never;
const recorded = (task: string, competence: Competence, commitment: Commitment, memberId = ANNA, teamId = TEAM): TaskMaturityRecorded => ({
  type: 'TaskMaturityRecorded',
  data: { teamId, memberId, coachId: COACH, task, taskTitle: `Title of ${task}`, competence, commitment, ...deriveTaskMaturity(competence, commitment), note: null, recordedBy: COACH, recordedAt: now },
});
const retired = (task: string): MaturityEvent => ({ type: 'TaskRetired', data: { teamId: TEAM, memberId: ANNA, task, retiredBy: COACH, retiredAt: now, reason: 'moved on' } });
const stateOf = (events: readonly MaturityEvent[]) => events.reduce(evolveMaturity, initialMaturityState);

describe('the maturity stream', () => {
  it('is one member in one team of one tenant, in the kernel’s tenant-scoped form', () => {
    expect(maturityStreamId('acme', TEAM, ANNA)).toBe('assessment-maturity-4:acme:team-a-user-anna');
    expect(maturityStreamId('acme', TEAM, ANNA)).not.toBe(maturityStreamId('acme2', TEAM, ANNA));
  });

  it('refuses a command or event it does not know', () => {
    expect(() => maturityDecider.decide({ type: 'RenameTask', data: {} } as never, initialMaturityState, as(COACH) as never)).toThrow();
    expect(() => evolveMaturity(initialMaturityState, { type: 'TaskRenamed', data: {} } as never)).toThrow();
  });
});

describe('the style and delegation range per development level', () => {
  it('covers the seven board levels once: 1 | 2–3 | 4–5 | 6–7', () => {
    expect(STYLE_FOR_LEVEL).toEqual({
      D1: { style: 'directing', suggested: 1, range: { from: 1, to: 1 } },
      D2: { style: 'coaching', suggested: 2, range: { from: 2, to: 3 } },
      D3: { style: 'supporting', suggested: 4, range: { from: 4, to: 5 } },
      D4: { style: 'delegating', suggested: 7, range: { from: 6, to: 7 } },
    });
  });
});

describe('recording task maturity at its edges', () => {
  it('names a bad team, member or coach id', () => {
    for (const bad of ['', ' team-a', 42, undefined]) {
      const team = spec.given([]).when(record({ teamId: bad }), as(COACH)).thenRejects('MATURITY.TEAM_INVALID', { category: 'invalid', field: 'teamId' });
      expect(team.message).toMatch(/team id/i);
      const member = spec.given([]).when(record({ memberId: bad }), as(COACH)).thenRejects('MATURITY.MEMBER_INVALID', { category: 'invalid', field: 'memberId' });
      expect(member.message).toMatch(/member id/i);
      const coach = spec.given([]).when(record({ coachId: bad }), as(COACH)).thenRejects('MATURITY.COACH_INVALID', { category: 'invalid', field: 'coachId' });
      expect(coach.message).toMatch(/coach id/i);
    }
  });

  it('keeps a stream to the member and team its first event named', () => {
    const given = [recorded('budgeting', 'low', 'high')];
    const otherMember = spec.given(given).when(record({ memberId: 'user-bram' }), as(COACH)).thenRejects('MATURITY.STREAM_MISMATCH', { category: 'invalid', field: 'memberId' });
    expect(otherMember.message).toContain(ANNA);
    expect(otherMember.message).toContain(TEAM);
    spec.given(given).when(record({ teamId: 'team-b' }), as(COACH)).thenRejects('MATURITY.STREAM_MISMATCH', { category: 'invalid', field: 'memberId' });
    spec.given(given).when(retire({ teamId: 'team-b' }), as(COACH, { reason: 'x' })).thenRejects('MATURITY.STREAM_MISMATCH', { field: 'memberId' });
    // the same member and team record again
    spec.given(given).when(record(), as(COACH)).then([{ ...recorded('budgeting', 'some', 'high'), data: { ...recorded('budgeting', 'some', 'high').data, taskTitle: 'Team budget' } }]);
  });

  it('is recorded only by the two parties, each a user', () => {
    const lead = spec.given([]).when(record(), as('user-lead')).thenRejects('MATURITY.NOT_A_PARTY', { category: 'forbidden', field: 'coachId' });
    expect(lead.message).toContain(ANNA);
    expect(lead.message).toContain(COACH);
    spec.given([]).when(record(), { actor: { id: COACH, kind: 'service' }, now: NOW }).thenRejects('MATURITY.NOT_A_PARTY', { category: 'forbidden', field: 'coachId' });
    spec.given([]).when(record(), { actor: { id: ANNA, kind: 'service' }, now: NOW }).thenRejects('MATURITY.NOT_A_PARTY', { category: 'forbidden' });
    spec.given([]).when(record({ coachId: ANNA }), as(ANNA)).thenRejects('MATURITY.COACH_INVALID', { category: 'invalid', field: 'coachId' });
  });

  it('names the task, its title, competence and commitment when they are bad', () => {
    spec.given([]).when(record({ task: 'budgeting!' }), as(COACH)).thenRejects('MATURITY.TASK_INVALID', { category: 'invalid', field: 'task' });
    spec.given([]).when(record({ task: 7 }), as(COACH)).thenRejects('MATURITY.TASK_INVALID', { field: 'task' });
    for (const taskTitle of ['', '   ', 'x'.repeat(121), undefined]) {
      const refusal = spec.given([]).when(record({ taskTitle }), as(COACH)).thenRejects('MATURITY.TASK_INVALID', { category: 'invalid', field: 'taskTitle' });
      expect(refusal.message).toMatch(/^The task title (must not be empty|may be at most 120 characters)/);
    }
    spec.given([]).when(record({ taskTitle: 'x'.repeat(120) }), as(COACH)).then([
      { ...recorded('budgeting', 'some', 'high'), data: { ...recorded('budgeting', 'some', 'high').data, taskTitle: 'x'.repeat(120) } },
    ]);
    const competence = spec.given([]).when(record({ competence: undefined }), as(COACH)).thenRejects('MATURITY.COMPETENCE_INVALID', { category: 'invalid', field: 'competence' });
    expect(competence.message).toContain('low, some, high');
    const commitment = spec.given([]).when(record({ commitment: 'HIGH' }), as(COACH)).thenRejects('MATURITY.COMMITMENT_INVALID', { category: 'invalid', field: 'commitment' });
    expect(commitment.message).toContain('low, variable, high');
  });

  it('says whose subject a note must be sealed under', () => {
    const sealed = { $sealed: { subject: personSubject('tenant-test', COACH), keyId: 'k', alg: 'A256GCM' as const, iv: 'aXY=', data: 'bm90ZQ==', tag: 'dGFn' } };
    const refusal = spec.given([]).when(record({ note: sealed }), as(COACH)).thenRejects('MATURITY.NOTE_NOT_SEALED', { category: 'invalid', field: 'note' });
    expect(refusal.message).toContain(ANNA);
  });
});

describe('retiring a task at its edges', () => {
  const history: MaturityEvent[] = [recorded('budgeting', 'low', 'high'), recorded('planning', 'high', 'high')];

  it('names a bad id before looking for the task', () => {
    spec.given(history).when(retire({ teamId: '' }), as(COACH, { reason: 'x' })).thenRejects('MATURITY.TEAM_INVALID', { field: 'teamId' });
    spec.given(history).when(retire({ memberId: '' }), as(COACH, { reason: 'x' })).thenRejects('MATURITY.MEMBER_INVALID', { field: 'memberId' });
  });

  it('names the task it cannot find', () => {
    const refusal = spec.given(history).when(retire({ task: 'hiring' }), as(COACH, { reason: 'x' })).thenRejects('MATURITY.TASK_NOT_FOUND', { category: 'not-found', field: 'task' });
    expect(refusal.message).toContain('hiring');
    expect(refusal.message).toContain(ANNA);
  });

  it('asks for a reason, trimmed, and does nothing for a task already retired', () => {
    const refusal = spec.given(history).when(retire(), as(COACH, { reason: '   ' })).thenRejects('MATURITY.REASON_REQUIRED', { category: 'invalid', field: 'reason' });
    expect(refusal.message).toContain('retire a task');
    spec.given(history).when(retire(), as(COACH, { reason: '  moved on  ' })).then([retired('budgeting')]);
    spec.given([...history, retired('budgeting')]).when(retire(), as(COACH, { reason: 'again' })).thenNothingHappens();
    spec.given([...history, retired('budgeting')]).when(retire(), as(COACH)).thenNothingHappens();
  });

  it('takes a retired task out of the current picture and keeps its history', () => {
    const state = stateOf([...history, retired('budgeting')]);
    expect(state.tasks.get('budgeting')?.retiredAt).toBe(now);
    expect(state.tasks.get('planning')?.retiredAt).toBeNull();
    expect(currentTaskMaturity(state)).toEqual([recorded('planning', 'high', 'high').data]);
    expect(taskHistory(state, 'budgeting').map((a) => a.developmentLevel)).toEqual(['D1']);
    // recording a retired task again brings it back
    expect(currentTaskMaturity(stateOf([...history, retired('budgeting'), recorded('budgeting', 'some', 'low')])).map((t) => t.task)).toEqual(['budgeting', 'planning']);
  });

  it('leaves the state alone for a retirement of a task it never saw', () => {
    const state = stateOf(history);
    expect(evolveMaturity(state, retired('hiring'))).toBe(state);
  });
});

describe('the queries at their edges', () => {
  it('a record that does not exist has no current tasks and no history', () => {
    expect(currentTaskMaturity(initialMaturityState)).toEqual([]);
    expect(taskHistory(initialMaturityState, 'budgeting')).toEqual([]);
    expect(taskHistory(stateOf([recorded('budgeting', 'low', 'high')]), 'planning')).toEqual([]);
  });

  const a = (memberId: string, developmentLevel: DevelopmentLevel) => ({ memberId, developmentLevel });
  const group = (level: DevelopmentLevel, from: number, count: number) => Array.from({ length: count }, (_, i) => a(`p${from + i}`, level));

  it('counts a group of exactly the threshold, and refuses one person fewer', () => {
    expect(maturityCountsPerLevel(group('D2', 1, 3), 3)).toEqual({ kind: 'counts', counts: { D1: 0, D2: 3, D3: 0, D4: 0 } });
    expect(maturityCountsPerLevel(group('D2', 1, 2), 3)).toEqual({ kind: 'not-enough-people' });
    // the same person twice is still one person
    expect(maturityCountsPerLevel([a('p1', 'D1'), a('p1', 'D2'), a('p2', 'D3')], 3)).toEqual({ kind: 'not-enough-people' });
  });

  it('withholds with a lone hidden level the smallest shown one, whichever level that is', () => {
    // D1 5 shown, D2 2 people (withheld), D3 3 shown, D4 4 shown: D3 is the smallest shown, not the first
    const assessments = [...group('D1', 1, 5), ...group('D2', 6, 2), ...group('D3', 8, 3), ...group('D4', 11, 4)];
    expect(maturityCountsPerLevel(assessments, 3)).toEqual({ kind: 'counts', counts: { D1: 5, D2: null, D3: null, D4: 4 } });
    // the smallest shown is the last level
    const last = [...group('D1', 1, 5), ...group('D2', 6, 2), ...group('D3', 8, 4), ...group('D4', 12, 3)];
    expect(maturityCountsPerLevel(last, 3)).toEqual({ kind: 'counts', counts: { D1: 5, D2: null, D3: 4, D4: null } });
  });

  it('withholds nothing more when two levels are already hidden', () => {
    const assessments = [...group('D1', 1, 5), ...group('D2', 6, 2), ...group('D3', 8, 1)];
    expect(maturityCountsPerLevel(assessments, 3)).toEqual({ kind: 'counts', counts: { D1: 5, D2: null, D3: null, D4: 0 } });
  });
});
