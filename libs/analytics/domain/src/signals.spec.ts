import { objective, ref, report, round, team } from './records.fixture';
import { DEFAULT_SIGNAL_PARAMETERS, detectSignals, type SignalParameters, type SignalRule } from './signals';
import type { DelegationChange, TeamRecord } from './records';
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
