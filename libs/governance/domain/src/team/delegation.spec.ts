import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { as, because, COACH, levelChanged, NOW, T0, TEAM, teamCreated } from './team.fixtures';
import { delegationBoardView } from './team.queries';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const setLevel = (area: string, level: number) => ({ type: 'SetDelegationLevel', data: { teamId: TEAM, area, level } }) as const;
const areaAdded: TeamEvent = { type: 'DecisionAreaAdded', data: { teamId: TEAM, area: 'office-layout', title: 'Office layout', addedBy: COACH, addedAt: T0 } };

describe('the delegation board', () => {
  it('starts with the standard areas, none delegated', () => {
    const board = delegationBoardView(fold(teamDecider, [teamCreated()]));
    expect(board.areas.map((a) => [a.area, a.level, a.effectiveLevel, a.effectiveLevelName])).toEqual([
      ['hiring', null, 1, 'Tell'],
      ['budget-spend', null, 1, 'Tell'],
      ['tooling', null, 1, 'Tell'],
      ['planning', null, 1, 'Tell'],
      ['working-hours', null, 1, 'Tell'],
    ]);
  });

  it('records the previous and the new level with the reason', () => {
    spec
      .given([teamCreated()])
      .when(setLevel('planning', 5), because('the team plans its own sprints'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: null, level: 5, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'the team plans its own sprints' } }]);
    spec
      .given([teamCreated(), levelChanged('planning', 5)])
      .when(setLevel('planning', 7), because('it works'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 7, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'it works' } }]);
  });

  it('records taking control back like any other change, previous level included', () => {
    spec
      .given([teamCreated(), levelChanged('budget-spend', 6)])
      .when(setLevel('budget-spend', 2), because('overspent in March'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'budget-spend', previousLevel: 6, level: 2, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'overspent in March' } }]);
  });

  it('requires a reason', () => {
    spec.given([teamCreated()]).when(setLevel('planning', 5), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it.each([[0], [8], [4.5], ['7']])('rejects level %j', (level) => {
    spec.given([teamCreated()]).when(setLevel('planning', level as number), because('x')).thenRejects('DELEGATION.LEVEL_INVALID', { field: 'level' });
  });

  it('rejects an area not on the board; the same level changes nothing', () => {
    spec.given([teamCreated()]).when(setLevel('office-layout', 3), because('x')).thenRejects('DELEGATION.AREA_UNKNOWN', { field: 'area', category: 'not-found' });
    spec.given([teamCreated(), levelChanged('planning', 5)]).when(setLevel('planning', 5), because('x')).thenNothingHappens();
  });

  it('adds a custom area, which can then get a level', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'AddDecisionArea', data: { teamId: TEAM, area: 'office-layout', title: 'Office layout' } }, as(COACH))
      .then([{ ...areaAdded, data: { ...areaAdded.data, addedAt: now } } as TeamEvent]);
    spec.given([teamCreated(), areaAdded]).when(setLevel('office-layout', 7), because('their room')).then([expect.objectContaining({ type: 'DelegationLevelChanged' }) as never]);
  });

  it('rejects a malformed or existing area', () => {
    spec.given([teamCreated()]).when({ type: 'AddDecisionArea', data: { teamId: TEAM, area: 'Office Layout', title: 'x' } }).thenRejects('DELEGATION.AREA_INVALID', { field: 'area' });
    spec.given([teamCreated()]).when({ type: 'AddDecisionArea', data: { teamId: TEAM, area: 'hiring', title: 'Hiring' } }).thenRejects('DELEGATION.AREA_EXISTS', { category: 'conflict' });
    spec.given([teamCreated(), areaAdded]).when({ type: 'AddDecisionArea', data: { teamId: TEAM, area: 'office-layout', title: 'x' } }).thenRejects('DELEGATION.AREA_EXISTS');
  });

  describe('review dates (DelegationLevelChanged v2)', () => {
    const withReview = (area: string, level: number, reviewBy: string | null) => ({ type: 'SetDelegationLevel', data: { teamId: TEAM, area, level, reviewBy } }) as const;
    const today = now.slice(0, 10);

    it('records a review date from today on', () => {
      spec
        .given([teamCreated()])
        .when(withReview('planning', 5, today), because('try it for a quarter'))
        .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: null, level: 5, reviewBy: today, changedBy: COACH, changedAt: now, reason: 'try it for a quarter' } }]);
    });

    it.each(['2020-01-01', '2026-02-30', '15-01-2026', 'soon'])('refuses %s as a review date', (reviewBy) => {
      spec.given([teamCreated()]).when(withReview('planning', 5, reviewBy), because('x')).thenRejects('DELEGATION.REVIEW_DATE_INVALID', { field: 'reviewBy' });
    });

    it('records moving only the review date, and nothing when neither changed', () => {
      const reviewed = { ...levelChanged('planning', 5), data: { ...levelChanged('planning', 5).data, reviewBy: '2026-06-01' } } as TeamEvent;
      spec.given([teamCreated(), reviewed]).when(withReview('planning', 5, '2026-06-01'), because('x')).thenNothingHappens();
      spec
        .given([teamCreated(), reviewed])
        .when(withReview('planning', 5, '2026-09-01'), because('not yet'))
        .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 5, reviewBy: '2026-09-01', changedBy: COACH, changedAt: now, reason: 'not yet' } }]);
    });
  });
});
