import { FactError, type PublishedEvent } from './fact-reader';
import { OKR_FACT_TYPES, readOkrFact, type OkrFact } from './okr-facts';

const event = (type: string, data: unknown, schemaVersion = 1): PublishedEvent => ({ type, schemaVersion, data });
const refusal = (read: () => unknown): FactError => {
  try {
    read();
  } catch (error) {
    if (error instanceof FactError) return error;
    throw error;
  }
  throw new Error('read without a refusal');
};

const AT = '2026-04-02T09:00:00.000Z';
const TEAM_OWNER = { kind: 'team', id: 't1' };
const SEALED = { sealed: 'v1:abc' };

// OKR's events as docs/okr-events.md lists them, with the fields analytics does not read left in.
const cases: ReadonlyArray<readonly [string, Record<string, unknown>, OkrFact]> = [
  ['CyclePlanned', { cycleId: 'c1', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', plannedBy: 'ana', plannedAt: AT }, { type: 'CyclePlanned', cycleId: 'c1', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' }],
  ['CycleStarted', { cycleId: 'c1', startedBy: 'ana', startedAt: AT }, { type: 'CycleStarted', cycleId: 'c1', phase: 'running' }],
  ['CycleGradingStarted', { cycleId: 'c1', startedBy: 'ana', startedAt: AT }, { type: 'CycleGradingStarted', cycleId: 'c1', phase: 'grading' }],
  ['CycleClosed', { cycleId: 'c1', closedBy: 'ana', closedAt: AT }, { type: 'CycleClosed', cycleId: 'c1', phase: 'closed' }],
  [
    'ObjectiveDefined',
    { objectiveId: 'o1', cycleId: 'c1', level: 'team', owner: TEAM_OWNER, title: 'Faster care', description: null, commitment: 'aspirational', carriedForwardFrom: null, definedBy: 'bo', definedAt: AT },
    { type: 'ObjectiveDefined', objectiveId: 'o1', cycleId: 'c1', owner: { kind: 'team', id: 't1' }, commitment: 'aspirational', definedAt: AT },
  ],
  [
    'ObjectiveRevised',
    { objectiveId: 'o1', previous: { title: 'Faster care', description: null, commitment: 'aspirational' }, title: 'Faster care', description: null, commitment: 'committed', revisedBy: 'bo', revisedAt: AT, reason: null },
    { type: 'ObjectiveRevised', objectiveId: 'o1', commitment: 'committed' },
  ],
  ['ObjectiveCommittedToCycle', { objectiveId: 'o1', cycleId: 'c1', keyResultIds: ['kr-1', 'kr-2', 'kr-3'], committedBy: 'bo', committedAt: AT }, { type: 'ObjectiveCommittedToCycle', objectiveId: 'o1', committedAt: AT }],
  [
    'KeyResultAdded',
    { objectiveId: 'o1', keyResultId: 'kr-1', definition: { title: 'Waiting time', kind: 'decrease', start: 40, target: 20, weight: 2 }, whileRunning: false, addedBy: 'bo', addedAt: AT, reason: null },
    { type: 'KeyResultAdded', objectiveId: 'o1', keyResultId: 'kr-1', weight: 2 },
  ],
  ['KeyResultRemoved', { objectiveId: 'o1', keyResultId: 'kr-1', whileRunning: false, removedBy: 'bo', removedAt: AT, reason: null }, { type: 'KeyResultRemoved', objectiveId: 'o1', keyResultId: 'kr-1' }],
  [
    'KeyResultCheckedIn',
    { objectiveId: 'o1', keyResultId: 'kr-1', checkInId: 'ci-1', value: 30, confidence: 7, comment: SEALED, status: 'at-risk', elapsed: 0.5, expectedValue: 30, attainment: 0.5, thresholds: {}, blockers: [], stillBlockedBy: [], checkedInAs: 'member', checkedInBy: 'bo', checkedInAt: AT },
    { type: 'KeyResultCheckedIn', objectiveId: 'o1', keyResultId: 'kr-1', status: 'at-risk', attainment: 0.5, confidence: 7, checkedInAt: AT },
  ],
  [
    'KeyResultGraded',
    { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-06-30', owner: TEAM_OWNER, commitment: 'committed', keyResultId: 'kr-1', finalValue: 22, computedScore: 0.9, score: 0.9, override: null, goalpostMoved: true, scoreAgainstOriginal: 0.8, weight: 2, gradedBy: 'bo', gradedAt: AT },
    { type: 'KeyResultGraded', objectiveId: 'o1', keyResultId: 'kr-1', cycleId: 'c1', commitment: 'committed', score: 0.9, goalpostMoved: true, gradedAt: AT },
  ],
  [
    'ObjectiveGraded',
    { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-06-30', owner: { kind: 'unit', id: 'u1' }, commitment: 'aspirational', score: 0.7, band: 'good', achieved: true, movedKeyResultIds: [], gradedBy: 'bo', gradedAt: AT },
    { type: 'ObjectiveGraded', objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-06-30', owner: { kind: 'unit', id: 'u1' }, commitment: 'aspirational', score: 0.7, achieved: true, gradedAt: AT },
  ],
];

describe('what analytics reads of OKR’s events', () => {
  it.each(cases)('%s: the numbers and ids it uses, no titles or comments', (type, data, fact) => {
    expect(readOkrFact(event(type, data))).toEqual(fact);
  });

  it('lists exactly the types it reads', () => {
    expect([...OKR_FACT_TYPES].sort()).toEqual(cases.map(([type]) => type).sort());
  });

  it('passes over the events it does not read', () => {
    expect(readOkrFact(event('RetrospectiveRecorded', { cycleId: 'c1', teamId: 't1', whatWorked: 'pairing' }))).toBeUndefined();
    expect(readOkrFact(event('KeyResultGoalpostMoved', {}))).toBeUndefined();
    // Whatever version: a new version of an event analytics does not read is no reason to dead-letter it.
    expect(readOkrFact(event('AlignmentAccepted', { objectiveId: 'o1' }, 3))).toBeUndefined();
  });

  it('refuses a version it does not know, naming the versions it does', () => {
    const error = refusal(() => readOkrFact(event('CycleStarted', { cycleId: 'c1' }, 2)));
    expect(error).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
    expect(error.message).toMatch(/CycleStarted version 2.*version 1/);
  });

  it.each([
    ['ObjectiveDefined', 'data.owner.kind', { objectiveId: 'o1', cycleId: 'c1', owner: { kind: 'person', id: 'p1' }, commitment: 'committed', definedAt: AT }],
    ['ObjectiveDefined', 'data.owner', { objectiveId: 'o1', cycleId: 'c1', owner: 't1', commitment: 'committed', definedAt: AT }],
    ['ObjectiveGraded', 'data.owner.id', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-06-30', owner: { kind: 'team' }, commitment: 'committed', score: 1, achieved: true, gradedAt: AT }],
    ['ObjectiveRevised', 'data.commitment', { objectiveId: 'o1', commitment: 'stretch' }],
    ['KeyResultAdded', 'data.definition.weight', { objectiveId: 'o1', keyResultId: 'kr-1', definition: { title: 'x' } }],
    ['KeyResultRemoved', 'data.keyResultId', { objectiveId: 'o1', keyResultId: 'kr.1' }],
    ['KeyResultGraded', 'data.score', { objectiveId: 'o1', keyResultId: 'kr-1', cycleId: 'c1', commitment: 'committed', score: 1.2, goalpostMoved: false, gradedAt: AT }],
    ['ObjectiveGraded', 'data.score', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-06-30', owner: TEAM_OWNER, commitment: 'committed', score: -0.1, achieved: false, gradedAt: AT }],
    ['CyclePlanned', 'data.endsOn', { cycleId: 'c1', name: 'Q2', startsOn: '2026-04-01', endsOn: '30-06-2026' }],
  ])('%s: refuses an odd %s, never guesses', (type, field, data) => {
    expect(refusal(() => readOkrFact(event(type, data)))).toMatchObject({ code: 'ANALYTICS.INVALID_EVENT', field });
  });

  it('takes a score anywhere from 0 to 1', () => {
    const graded = (score: number) => readOkrFact(event('KeyResultGraded', { objectiveId: 'o1', keyResultId: 'kr-1', cycleId: 'c1', commitment: 'aspirational', score, goalpostMoved: false, gradedAt: AT }));
    expect([graded(0), graded(1)].map((fact) => fact && 'score' in fact && fact.score)).toEqual([0, 1]);
  });
});
