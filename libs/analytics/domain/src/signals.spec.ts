import { objective, ref, report, round, team } from './records.fixture';
import { DEFAULT_SIGNAL_PARAMETERS, SIGNAL_RULES, detectSignals, type SignalParameters, type SignalRule } from './signals';
import type { Zone } from './assessment-facts';
import type { DelegationChange, KeyResultRecord, ObjectiveRecord, RepeatRecord, TeamRecord } from './records';
import { addDays } from './periods';

const FAILURE_AT = '2026-02-10T09:00:00.000Z';
const NOW = '2026-06-30T12:00:00.000Z';
const P: SignalParameters = { ...DEFAULT_SIGNAL_PARAMETERS, controlWindowDays: 30, zoneShiftWindowDays: 60, stalledAfterDays: 100, nearOne: 0.9, escalationsAtLeast: 3, escalationWindowDays: 30 };

const lowered = (at: string, from: 1 | 2 | 3 | 4 | 5 | 6 | 7 = 5, to: 1 | 2 | 3 | 4 | 5 | 6 | 7 = 3): DelegationChange => ({ ...ref('team-t1'), area: 'budget-spend', from, to, at });
const signalsOf = (rule: SignalRule, sources: { teams?: TeamRecord[]; rounds?: ReturnType<typeof round>[]; objectives?: ReturnType<typeof objective>[]; reports?: ReturnType<typeof report>[] }, p = P, now = NOW) =>
  detectSignals({ teams: sources.teams ?? [team()], rounds: sources.rounds ?? [], objectives: sources.objectives ?? [], reports: sources.reports ?? [] }, now, 5, p, [rule]);

describe('control taken back after a failure', () => {
  const failure = report(FAILURE_AT);

  it.each([
    ['at the moment of the report', 0, 1],
    ['exactly at the window’s end', 30, 1],
    ['a minute after the window', 30 + 1 / 1440, 0],
    ['a minute before the report', -1 / 1440, 0],
  ])('a level lowered %s: %s signal(s)', (_, days, expected) => {
    const change = lowered(addDays(FAILURE_AT, days));
    const found = signalsOf('control-taken-back', { teams: [team({ delegationChanges: [change] })], reports: [failure] });
    expect(found).toHaveLength(expected);
    if (expected === 1) {
      expect(found[0]).toMatchObject({
        rule: 'control-taken-back',
        teamId: 't1',
        parameters: { controlWindowDays: 30 },
        details: { control: 'delegation', area: 'budget-spend', from: 5, to: 3, daysAfter: days, reportId: failure.reportId },
        triggeredBy: [
          { role: 'failure', eventId: failure.reported.eventId, history: `/api/audit/streams/${failure.reported.streamId}/events?fromPosition=${failure.reported.streamPosition}` },
          { role: 'delegation-lowered', eventId: change.eventId },
        ],
      });
      expect(found[0]!.explanation).toMatch(/lowered from 5 to 3/);
    }
  });

  it('ignores a raised level, a first setting and a failure of another team', () => {
    const changes = [lowered(addDays(FAILURE_AT, 1), 3, 5), { ...lowered(addDays(FAILURE_AT, 1)), from: null }];
    expect(signalsOf('control-taken-back', { teams: [team({ delegationChanges: changes })], reports: [failure] })).toEqual([]);
    expect(signalsOf('control-taken-back', { teams: [team({ delegationChanges: [lowered(addDays(FAILURE_AT, 1))] })], reports: [{ ...failure, teamId: 't2' }] })).toEqual([]);
  });

  it('counts a narrowed boundary, not a widened or incomparable one, in the same window', () => {
    const boundary = (effect: 'narrowed' | 'widened' | 'not-comparable', days: number) => ({ ...ref('team-t1'), boundaryId: `b-${effect}-${days}`, kind: 'financial' as const, change: 'set' as const, effect, at: addDays(FAILURE_AT, days) });
    const found = signalsOf('control-taken-back', { teams: [team({ boundaryChanges: [boundary('narrowed', 30), boundary('narrowed', 31), boundary('widened', 2), boundary('not-comparable', 2)] })], reports: [failure] });
    expect(found.map((s) => s.details['boundaryId'])).toEqual(['b-narrowed-30']);
  });

  it('a level set again at the same level (only its review date moved) is not control taken back', () => {
    const reviewed = lowered(addDays(FAILURE_AT, 1), 4, 4);
    expect(signalsOf('control-taken-back', { teams: [team({ delegationChanges: [reviewed] })], reports: [failure] })).toEqual([]);
  });

  it('a narrowed or removed boundary: the signal names the boundary, the failure and how long after', () => {
    const narrowed = { ...ref('team-t1'), boundaryId: 'b-spend', kind: 'financial' as const, change: 'set' as const, effect: 'narrowed' as const, at: addDays(FAILURE_AT, 3) };
    const removed = { ...ref('team-t1'), boundaryId: 'b-hours', kind: 'core-procedure' as const, change: 'removed' as const, effect: 'narrowed' as const, at: addDays(FAILURE_AT, 5) };
    const found = signalsOf('control-taken-back', { teams: [team({ boundaryChanges: [narrowed, removed] })], reports: [failure] });
    expect(found).toHaveLength(2);
    const of = (boundaryId: string) => found.find((s) => s.details['boundaryId'] === boundaryId)!;
    expect(of('b-spend')).toMatchObject({
      signalId: `control-taken-back:${failure.reported.eventId}+${narrowed.eventId}`,
      rule: 'control-taken-back',
      teamId: 't1',
      unitId: 'u1',
      at: narrowed.at,
      parameters: { controlWindowDays: 30 },
      details: { reportId: failure.reportId, control: 'boundary', boundaryId: 'b-spend', kind: 'financial', daysAfter: 3 },
      triggeredBy: [
        { role: 'failure', eventId: failure.reported.eventId, at: FAILURE_AT },
        { role: 'boundary-narrowed', eventId: narrowed.eventId, streamId: 'team-t1', streamPosition: narrowed.streamPosition, at: narrowed.at },
      ],
    });
    expect(of('b-spend').explanation).toBe('A financial boundary was narrowed 3 days after a failure report of this team.');
    expect(of('b-hours')).toMatchObject({ at: removed.at, details: { control: 'boundary', kind: 'core-procedure', daysAfter: 5 }, triggeredBy: [{ role: 'failure' }, { role: 'boundary-narrowed', eventId: removed.eventId }] });
    expect(of('b-hours').explanation).toBe('A core-procedure boundary was removed, narrowing the mandate, 5 days after a failure report of this team.');
  });

  it('takes its window from the parameters', () => {
    const t = team({ delegationChanges: [lowered(addDays(FAILURE_AT, 45))] });
    expect(signalsOf('control-taken-back', { teams: [t], reports: [failure] })).toHaveLength(0);
    expect(signalsOf('control-taken-back', { teams: [t], reports: [failure] }, { ...P, controlWindowDays: 45 })).toHaveLength(1);
  });
});

describe('zone shift after a delegation change', () => {
  const CHANGE_AT = '2026-03-01T09:00:00.000Z';
  it.each([
    ['a day after', 1, 1],
    ['exactly at the window’s end', 60, 1],
    ['a minute after the window', 60 + 1 / 1440, 0],
  ])('a zone change %s: %s signal(s)', (_, days, expected) => {
    const t = team({ delegationChanges: [{ ...lowered(CHANGE_AT), from: 3, to: 6 }] });
    const found = signalsOf('zone-shift-after-delegation-change', { teams: [t], rounds: [round('r2', addDays(CHANGE_AT, days), 'learning', { safety: 5.6 }, 'anxiety')] });
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]!.details).toMatchObject({ delegation: 'raised', zoneFrom: 'anxiety', zoneTo: 'learning', safety: 'up', standards: 'same', daysAfter: days });
  });

  it('ignores a zone change before the delegation change, a first placement, and a round below the threshold', () => {
    const t = team({ delegationChanges: [lowered(CHANGE_AT)] });
    expect(signalsOf('zone-shift-after-delegation-change', { teams: [t], rounds: [round('r0', addDays(CHANGE_AT, -1), 'anxiety', { safety: 4 }, 'learning')] })).toEqual([]);
    expect(signalsOf('zone-shift-after-delegation-change', { teams: [t], rounds: [round('r1', addDays(CHANGE_AT, 5), 'anxiety', { safety: 4 }, null)] })).toEqual([]);
    // Frozen at threshold 3, but the tenant's threshold is 5: the round is not shown, nor is its zone.
    expect(signalsOf('zone-shift-after-delegation-change', { teams: [t], rounds: [round('r2', addDays(CHANGE_AT, 5), 'anxiety', { safety: 4, n: 4, threshold: 3 }, 'learning')] })).toEqual([]);
  });
});

describe('zone shift after a delegation change: what the signal says', () => {
  const CHANGE_AT = '2026-03-01T09:00:00.000Z';
  const shift = (days: number, from: Zone, to: Zone) => round('r2', addDays(CHANGE_AT, days), to, { safety: 4 }, from);

  it('names the lowered level, the zones and which way safety and standards went', () => {
    const change = lowered(CHANGE_AT);
    const r = shift(10, 'comfort', 'anxiety');
    const found = signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [change] })], rounds: [r] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      signalId: `zone-shift-after-delegation-change:${change.eventId}+${r.zoneChange!.eventId}`,
      rule: 'zone-shift-after-delegation-change',
      teamId: 't1',
      at: r.zoneChange!.at,
      parameters: { zoneShiftWindowDays: 60 },
      triggeredBy: [
        { role: 'delegation-change', eventId: change.eventId, at: CHANGE_AT },
        { role: 'zone-change', eventId: r.zoneChange!.eventId, at: r.zoneChange!.at },
      ],
      details: { area: 'budget-spend', delegation: 'lowered', levelFrom: 5, levelTo: 3, zoneFrom: 'comfort', zoneTo: 'anxiety', safety: 'down', standards: 'up', daysAfter: 10 },
    });
    expect(found[0]!.explanation).toBe('The team moved from the comfort to the anxiety zone 10 days after delegation for "budget-spend" was lowered.');
  });

  it.each([
    ['learning', 'comfort', 'same', 'down'],
    ['comfort', 'learning', 'same', 'up'],
    ['apathy', 'comfort', 'up', 'same'],
    ['anxiety', 'apathy', 'same', 'down'],
    ['apathy', 'learning', 'up', 'up'],
  ] as const)('from %s to %s: safety %s, standards %s', (from, to, safety, standards) => {
    const found = signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [lowered(CHANGE_AT, 2, 6)] })], rounds: [shift(10, from, to)] });
    expect(found.map((s) => [s.details['delegation'], s.details['safety'], s.details['standards']])).toEqual([['raised', safety, standards]]);
    expect(found[0]!.explanation).toMatch(/was raised\.$/);
  });

  it('counts a first setting of an area as raised', () => {
    const found = signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [{ ...lowered(CHANGE_AT), from: null, to: 4 }] })], rounds: [shift(10, 'anxiety', 'learning')] });
    expect(found.map((s) => s.details['delegation'])).toEqual(['raised']);
  });

  it('a delegation change at the very instant of the zone change is not before it', () => {
    expect(signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [lowered(addDays(CHANGE_AT, 10))] })], rounds: [shift(10, 'comfort', 'anxiety')] })).toEqual([]);
  });

  it('a review that kept the level is no delegation change: the latest change of level before the zone change is named', () => {
    const change = lowered(CHANGE_AT);
    const review = lowered(addDays(CHANGE_AT, 5), 3, 3);
    const found = signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [change, review] })], rounds: [shift(10, 'comfort', 'anxiety')] });
    expect(found.map((s) => [s.triggeredBy[0]!.eventId, s.details['delegation'], s.details['daysAfter']])).toEqual([[change.eventId, 'lowered', 10]]);
    expect(signalsOf('zone-shift-after-delegation-change', { teams: [team({ delegationChanges: [review] })], rounds: [shift(10, 'comfort', 'anxiety')] })).toEqual([]);
  });
});

describe('stalled in a phase', () => {
  const since = '2026-01-01T00:00:00.000Z';
  it.each([
    ['exactly the allowed days', 100, 0],
    ['a minute longer', 100 + 1 / 1440, 1],
  ])('%s in the pilot phase: %s signal(s)', (_, days, expected) => {
    const found = signalsOf('stalled-in-phase', { teams: [team({ phaseSince: since })] }, P, addDays(since, days));
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]).toMatchObject({ at: addDays(since, 100), details: { phase: 'pilot', days: 100 }, triggeredBy: [{ role: 'phase-entered' }] });
  });

  it('never for a self-steering team', () => {
    expect(signalsOf('stalled-in-phase', { teams: [team({ phase: 'self-steering', phaseSince: since })] }, P, addDays(since, 1000))).toEqual([]);
  });

  it('says the phase, the days and the allowed days, and names the step that entered the phase', () => {
    const t = team({ phase: 'forming', phaseSince: since });
    const found = signalsOf('stalled-in-phase', { teams: [t] }, P, addDays(since, 130.5));
    expect(found).toEqual([
      {
        signalId: `stalled-in-phase:${t.phaseHistory[0]!.eventId}`,
        rule: 'stalled-in-phase',
        teamId: 't1',
        unitId: 'u1',
        at: addDays(since, 100),
        explanation: 'The team has been in the forming phase for 130 days (more than 100).',
        parameters: { stalledAfterDays: 100 },
        triggeredBy: [{ role: 'phase-entered', eventId: t.phaseHistory[0]!.eventId, streamId: 'team-t1', streamPosition: t.phaseHistory[0]!.streamPosition, at: t.phaseHistory[0]!.since, history: expect.stringMatching(/^\/api\/audit\/streams\/team-t1\/events/) }],
        details: { phase: 'forming', since, days: 130 },
      },
    ]);
  });

  it('without a phase history, it is triggered by nothing and named after the team', () => {
    const found = signalsOf('stalled-in-phase', { teams: [team({ phaseSince: since, phaseHistory: [] })] }, P, addDays(since, 101));
    expect(found.map((s) => [s.signalId, s.triggeredBy])).toEqual([['stalled-in-phase:t1', []]]);
  });

  it('allows 180 days by default', () => {
    const sources = (t: TeamRecord) => ({ teams: [t], rounds: [], objectives: [], reports: [] });
    const t = team({ phaseSince: since });
    expect(detectSignals(sources(t), addDays(since, 180), 5)).toEqual([]);
    expect(detectSignals(sources(t), addDays(since, 181), 5)).toMatchObject([{ rule: 'stalled-in-phase', at: addDays(since, 180), parameters: { stalledAfterDays: 180 } }]);
  });
});

describe('repeated basic failures', () => {
  it('names the earlier failure, the repeat and whether the prevention was done', () => {
    const earlier = report('2026-01-05T09:00:00.000Z', { reportId: 'rep-early' });
    const repeat = { ...ref('failure-learning-report-rep-again'), lessonId: 'l-1', lessonReportId: 'rep-early', preventionActionId: 'a-1', preventionDone: false, at: '2026-03-01T10:00:00.000Z' };
    const again = report('2026-03-01T09:00:00.000Z', { reportId: 'rep-again', repeats: [repeat] });
    const found = signalsOf('repeated-basic-failure', { reports: [earlier, again] });
    expect(found).toHaveLength(1);
    expect(found[0]!.triggeredBy.map((t) => t.role)).toEqual(['earlier-failure', 'failure', 'repeat-flagged']);
    expect(found[0]!.details).toMatchObject({ preventionDone: false, lessonReportId: 'rep-early' });
    expect(found[0]!.explanation).toMatch(/still not done/);
    expect(signalsOf('repeated-basic-failure', { reports: [earlier] })).toEqual([]);
  });
});

describe('repeated basic failures: the prevention as it stood, the earlier failure when known', () => {
  const earlier = report('2026-01-05T09:00:00.000Z', { reportId: 'rep-early' });
  const again = (preventionDone: boolean | null, lessonReportId = 'rep-early') => {
    const repeat: RepeatRecord = { ...ref('failure-learning-report-rep-again'), lessonId: 'l-1', lessonReportId, preventionActionId: preventionDone === null ? null : 'a-1', preventionDone, at: '2026-03-01T10:00:00.000Z' };
    return report('2026-03-01T09:00:00.000Z', { reportId: 'rep-again', repeats: [repeat] });
  };

  it.each([
    [null, 'A basic failure repeated an earlier lesson, which had no prevention action.'],
    [true, 'A basic failure repeated an earlier lesson, which had its prevention action done.'],
    [false, 'A basic failure repeated an earlier lesson, which had its prevention action still not done.'],
  ])('prevention done: %s', (preventionDone, explanation) => {
    const r = again(preventionDone);
    const found = signalsOf('repeated-basic-failure', { reports: [earlier, r] });
    expect(found).toMatchObject([
      {
        signalId: `repeated-basic-failure:${earlier.reported.eventId}+${r.reported.eventId}+${r.repeats[0]!.eventId}`,
        rule: 'repeated-basic-failure',
        at: '2026-03-01T10:00:00.000Z',
        explanation,
        parameters: {},
        details: { reportId: 'rep-again', lessonId: 'l-1', lessonReportId: 'rep-early', preventionActionId: preventionDone === null ? null : 'a-1', preventionDone },
      },
    ]);
  });

  it('leaves the earlier failure out when its report is not among the sources', () => {
    const found = signalsOf('repeated-basic-failure', { reports: [again(false, 'rep-elsewhere')] });
    expect(found.map((s) => s.triggeredBy.map((t) => t.role))).toEqual([['failure', 'repeat-flagged']]);
  });
});

describe('OKR ambition under fear', () => {
  const GRADED = '2026-04-02T09:00:00.000Z';
  const fear = round('r1', '2026-03-15T17:00:00.000Z', 'anxiety', { safety: 4.2 });

  it.each([
    ['all at 0.9 (the edge)', [0.9, 0.9, 1], 1],
    ['one at 0.89', [0.89, 1, 1], 0],
  ])('aspirational key results %s in the anxiety zone: %s signal(s)', (_, scores, expected) => {
    const found = signalsOf('ambition-under-fear', { rounds: [fear], objectives: [objective('o1', 'c1', scores, GRADED)] });
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]).toMatchObject({ details: { cycleId: 'c1', zone: 'anxiety', keyResultScores: scores }, triggeredBy: [{ role: 'zone-placement' }, { role: 'objective-graded' }] });
  });

  it('not in the learning zone, not for committed objectives, not for a zone placed after grading', () => {
    const safe = round('r1', '2026-03-15T17:00:00.000Z', 'learning', { safety: 5.8 });
    expect(signalsOf('ambition-under-fear', { rounds: [safe], objectives: [objective('o1', 'c1', [1, 1, 1], GRADED)] })).toEqual([]);
    expect(signalsOf('ambition-under-fear', { rounds: [fear], objectives: [objective('o1', 'c1', [1, 1, 1], GRADED, 'committed')] })).toEqual([]);
    const later = round('r2', '2026-04-03T09:00:00.000Z', 'apathy', { safety: 3 });
    expect(signalsOf('ambition-under-fear', { rounds: [later], objectives: [objective('o1', 'c1', [1, 1, 1], GRADED)] })).toEqual([]);
  });
});

describe('OKR ambition under fear: which zone, which key results, which moment', () => {
  const GRADED = '2026-04-02T09:00:00.000Z';
  const withKeyResults = (o: ObjectiveRecord, keyResults: Record<string, Partial<KeyResultRecord>>): ObjectiveRecord => ({
    ...o,
    keyResults: Object.fromEntries(Object.entries(keyResults).map(([id, kr]) => [id, { ...o.keyResults['kr-0']!, ...kr }])),
  });
  const fear = (closedAt = '2026-03-15T17:00:00.000Z', zone: Zone = 'anxiety') => round(`r-${closedAt}`, closedAt, zone, { safety: 4 });

  it('in the apathy zone too: the signal names the cycle, the zone, the round, the objectives and their scores', () => {
    const placement = fear('2026-03-15T17:00:00.000Z', 'apathy');
    const o = objective('o1', 'c1', [0.9, 1, 0.95], GRADED);
    const found = signalsOf('ambition-under-fear', { rounds: [placement], objectives: [o] });
    expect(found).toMatchObject([
      {
        signalId: `ambition-under-fear:${placement.closed!.eventId}+${o.grade!.eventId}`,
        rule: 'ambition-under-fear',
        at: GRADED,
        parameters: { nearOne: 0.9 },
        triggeredBy: [
          { role: 'zone-placement', eventId: placement.closed!.eventId, at: placement.closedAt },
          { role: 'objective-graded', eventId: o.grade!.eventId, at: GRADED },
        ],
        details: { cycleId: 'c1', zone: 'apathy', roundId: placement.roundId, objectiveIds: ['o1'], keyResultScores: [0.9, 1, 0.95] },
      },
    ]);
    expect(found[0]!.explanation).toBe('In the apathy zone, every aspirational key result of cycle c1 (3) ended at or above 0.9: goals may have been set safe.');
  });

  it('counts a placement closed at the very moment of grading', () => {
    expect(signalsOf('ambition-under-fear', { rounds: [fear(GRADED)], objectives: [objective('o1', 'c1', [1, 1, 1], GRADED)] })).toHaveLength(1);
  });

  it('reads the latest placement before grading, whatever the order of the rounds', () => {
    const objectives = [objective('o1', 'c1', [1, 1, 1], GRADED)];
    const early = (zone: Zone) => round('r-early', '2026-03-01T09:00:00.000Z', zone, { safety: 4 });
    const late = (zone: Zone) => round('r-late', '2026-03-20T09:00:00.000Z', zone, { safety: 4 });
    expect(signalsOf('ambition-under-fear', { rounds: [late('anxiety'), early('learning')], objectives }).map((s) => s.details['roundId'])).toEqual(['r-late']);
    expect(signalsOf('ambition-under-fear', { rounds: [late('learning'), early('anxiety')], objectives })).toEqual([]);
  });

  it('without the round’s closing event, it is triggered by the graded objectives alone', () => {
    const found = signalsOf('ambition-under-fear', { rounds: [{ ...fear(), closed: null }], objectives: [objective('o1', 'c1', [1, 1, 1], GRADED)] });
    expect(found.map((s) => s.triggeredBy.map((t) => t.role))).toEqual([['objective-graded']]);
  });

  it('leaves out an objective of the cycle not graded yet, removed key results and key results without a score', () => {
    const ungraded = { ...objective('o2', 'c1', [1, 1, 1], GRADED), grade: null };
    const o1 = withKeyResults(objective('o1', 'c1', [0.95], GRADED), { 'kr-0': { score: 0.95 }, 'kr-1': { removed: true, score: 0.2 }, 'kr-2': { score: null } });
    const found = signalsOf('ambition-under-fear', { rounds: [fear()], objectives: [o1, ungraded] });
    expect(found.map((s) => [s.details['objectiveIds'], s.details['keyResultScores']])).toEqual([[['o1'], [0.95]]]);
  });

  it('not for a cycle whose graded objectives have no scored key result left', () => {
    const o1 = withKeyResults(objective('o1', 'c1', [1], GRADED), { 'kr-0': { removed: true } });
    expect(signalsOf('ambition-under-fear', { rounds: [fear()], objectives: [o1] })).toEqual([]);
  });

  it('arises when the cycle’s last objective was graded', () => {
    const later = '2026-04-05T09:00:00.000Z';
    const found = signalsOf('ambition-under-fear', { rounds: [fear()], objectives: [objective('o1', 'c1', [1, 1, 1], later), objective('o2', 'c1', [1, 1, 1], GRADED)] });
    expect(found.map((s) => [s.at, s.details['objectiveIds']])).toEqual([[later, ['o1', 'o2']]]);
  });
});

describe('decisions escalated again and again in one area', () => {
  const escalation = (area: string, at: string) => ({ ...ref('team-t1'), decisionId: `d-${area}-${at}`, area, at });
  const START = '2026-03-01T09:00:00.000Z';

  it.each([
    ['three within exactly the window', [0, 10, 30], 1],
    ['three spread a minute wider than the window', [0, 10, 30 + 1 / 1440], 0],
    ['two only', [0, 1], 0],
  ])('%s: %s signal(s)', (_, days, expected) => {
    const t = team({ escalations: days.map((d) => escalation('budget-spend', addDays(START, d))), delegation: { 'budget-spend': 3 } });
    const found = signalsOf('repeated-escalation', { teams: [t] });
    expect(found).toHaveLength(expected);
    if (expected) expect(found[0]).toMatchObject({ details: { area: 'budget-spend', escalations: 3, currentLevel: 3 }, parameters: { escalationsAtLeast: 3, escalationWindowDays: 30 } });
  });

  it('says how many, in which area, over how many days, triggered by each escalation in time order', () => {
    const days = [30, 0, 10];
    const escalations = days.map((d) => escalation('budget-spend', addDays(START, d)));
    const found = signalsOf('repeated-escalation', { teams: [team({ escalations })] });
    const [d30, d0, d10] = escalations;
    expect(found).toMatchObject([
      {
        signalId: `repeated-escalation:${d0!.eventId}+${d10!.eventId}+${d30!.eventId}`,
        rule: 'repeated-escalation',
        at: addDays(START, 30),
        triggeredBy: [
          { role: 'escalation', eventId: d0!.eventId },
          { role: 'escalation', eventId: d10!.eventId },
          { role: 'escalation', eventId: d30!.eventId, at: addDays(START, 30) },
        ],
        details: { area: 'budget-spend', escalations: 3, spanDays: 30, currentLevel: 1 },
      },
    ]);
    expect(found[0]!.explanation).toBe('3 decisions in "budget-spend" were escalated within 30 days: the mandate for this area may be too narrow.');
  });

  it('keeps the fullest window, and of equally full ones the latest', () => {
    const at = (days: number[]) => team({ escalations: days.map((d) => escalation('budget-spend', addDays(START, d))) });
    expect(signalsOf('repeated-escalation', { teams: [at([0, 1, 2, 60])] }).map((s) => [s.at, s.details['escalations'], s.details['spanDays']])).toEqual([[addDays(START, 2), 3, 2]]);
    expect(signalsOf('repeated-escalation', { teams: [at([0, 1, 2, 50, 51, 52.5])] }).map((s) => [s.at, s.details['escalations'], s.details['spanDays']])).toEqual([[addDays(START, 52.5), 3, 2.5]]);
  });

  it('counts per area', () => {
    const t = team({ escalations: [escalation('hiring', START), escalation('tooling', addDays(START, 1)), escalation('hiring', addDays(START, 2))] });
    expect(signalsOf('repeated-escalation', { teams: [t] }, { ...P, escalationsAtLeast: 2 }).map((s) => s.details['area'])).toEqual(['hiring']);
  });
});

it('every signal has a stable id from its triggering events and they come newest first', () => {
  const t = team({ delegationChanges: [lowered(addDays(FAILURE_AT, 1)), lowered(addDays(FAILURE_AT, 2), 3, 2)] });
  const sources = { teams: [t], rounds: [], objectives: [], reports: [report(FAILURE_AT)] };
  const first = detectSignals(sources, NOW, 5, P);
  expect(first.map((s) => s.rule)).toEqual(['stalled-in-phase', 'control-taken-back', 'control-taken-back']);
  expect(detectSignals(sources, NOW, 5, P).map((s) => s.signalId)).toEqual(first.map((s) => s.signalId));
  expect(first[1]!.signalId).toBe(`control-taken-back:${sources.reports[0]!.reported.eventId}+${t.delegationChanges[1]!.eventId}`);
});

describe('detecting signals', () => {
  const CHANGE_AT = '2026-03-01T09:00:00.000Z';
  const GRADED = '2026-04-02T09:00:00.000Z';
  // One team that trips every rule.
  const earlier = report('2026-01-05T09:00:00.000Z', { reportId: 'rep-early' });
  const repeat: RepeatRecord = { ...ref('failure-learning-report-rep-again'), lessonId: 'l-1', lessonReportId: 'rep-early', preventionActionId: null, preventionDone: null, at: FAILURE_AT };
  const failure = report(FAILURE_AT, { reportId: 'rep-again', repeats: [repeat] });
  const busy = team({
    delegationChanges: [lowered(addDays(FAILURE_AT, 2)), { ...lowered(CHANGE_AT), from: 2, to: 6 }],
    escalations: [0, 1, 2].map((d) => ({ ...ref('team-t1'), decisionId: `d-${d}`, area: 'hiring', at: addDays(CHANGE_AT, d) })),
  });
  const sources = {
    teams: [busy],
    rounds: [round('r1', addDays(CHANGE_AT, 20), 'anxiety', { safety: 4 }, 'learning')],
    objectives: [objective('o1', 'c1', [1, 1, 1], GRADED)],
    reports: [earlier, failure],
  };

  it('runs only the rules asked for', () => {
    expect(new Set(detectSignals(sources, NOW, 5, P).map((s) => s.rule))).toEqual(new Set(SIGNAL_RULES));
    for (const rule of SIGNAL_RULES) {
      const found = detectSignals(sources, NOW, 5, P, [rule]);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((s) => s.rule === rule)).toBe(true);
    }
  });

  it('for a team with no reports, rounds or objectives of its own, only what its own record shows', () => {
    const quiet = team({ teamId: 't2', phase: 'self-steering', phaseHistory: [] });
    expect(detectSignals({ ...sources, teams: [quiet] }, NOW, 5, P)).toEqual([]);
  });
});
