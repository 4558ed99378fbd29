import { describe, it } from '@jest/globals';
import type { CommandContext } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { as, because, COACH, levelChanged, NOW, T0, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const addArea = (area: unknown, title: unknown = 'Office layout', teamId = TEAM): TeamCommand => ({ type: 'AddDecisionArea', data: { teamId, area, title } }) as never;
const setLevel = (area: unknown, level: unknown, extra: Record<string, unknown> = {}): TeamCommand => ({ type: 'SetDelegationLevel', data: { teamId: TEAM, area, level, ...extra } }) as never;
const AREA_RULE = 'A decision area is a lower-case slug such as office-layout.';
const LEVEL_RULE = 'The level must be a whole number from 1 (Tell) to 7 (Delegate).';
const REVIEW_RULE = 'The review date is a calendar date (YYYY-MM-DD), today or later.';
const areaAdded: TeamEvent = { type: 'DecisionAreaAdded', data: { teamId: TEAM, area: 'office-layout', title: 'Office layout', addedBy: COACH, addedAt: T0 } };

type Row = [string, readonly TeamEvent[], TeamCommand, Partial<CommandContext>, string, string, string, string];

describe('AddDecisionArea refusals and limits', () => {
  it.each<Row>([
    ['on another team’s stream', [teamCreated()], addArea('office-layout', 'Office layout', 'team-b'), as(COACH), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['an area that is not text', [teamCreated()], addArea(null), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'area', AREA_RULE],
    ['an area given as a list', [teamCreated()], addArea(['office-layout']), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'area', AREA_RULE],
    ['an area with capitals', [teamCreated()], addArea('Office-layout'), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'area', AREA_RULE],
    ['an area of 61 characters', [teamCreated()], addArea(`a${'-b'.repeat(30)}`), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'area', AREA_RULE],
    ['an empty title', [teamCreated()], addArea('office-layout', ''), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'title', 'The area title must not be empty.'],
    ['a title of 121 characters', [teamCreated()], addArea('office-layout', 't'.repeat(121)), as(COACH), 'DELEGATION.AREA_INVALID', 'invalid', 'title', 'The area title may be at most 120 characters (got 121).'],
    ['a standard area again', [teamCreated()], addArea('hiring', 'Hiring'), as(COACH), 'DELEGATION.AREA_EXISTS', 'conflict', 'area', "Team team-a's board already has the area hiring."],
    ['a custom area again', [teamCreated(), areaAdded], addArea('office-layout'), as(COACH), 'DELEGATION.AREA_EXISTS', 'conflict', 'area', "Team team-a's board already has the area office-layout."],
  ])('refuses %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });

  it('adds an area of exactly 60 characters with a title of 120, trimmed', () => {
    const area = `${'a'.repeat(59)}b`;
    spec
      .given([teamCreated()])
      .when(addArea(area, ` ${'t'.repeat(120)} `), as(COACH))
      .then([{ type: 'DecisionAreaAdded', data: { teamId: TEAM, area, title: 't'.repeat(120), addedBy: COACH, addedAt: now } }]);
  });
});

describe('SetDelegationLevel refusals and limits', () => {
  it.each<Row>([
    ['on another team’s stream', [teamCreated()], { type: 'SetDelegationLevel', data: { teamId: 'team-b', area: 'planning', level: 5 } }, because('x'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['an area not on the board', [teamCreated()], setLevel('office-layout', 3), because('x'), 'DELEGATION.AREA_UNKNOWN', 'not-found', 'area', "Team team-a's board has no area office-layout; add it first."],
    ['an area that is not text', [teamCreated()], setLevel(42, 3), because('x'), 'DELEGATION.AREA_UNKNOWN', 'not-found', 'area', "Team team-a's board has no area 42; add it first."],
    ['level 0', [teamCreated()], setLevel('planning', 0), because('x'), 'DELEGATION.LEVEL_INVALID', 'invalid', 'level', LEVEL_RULE],
    ['level 8', [teamCreated()], setLevel('planning', 8), because('x'), 'DELEGATION.LEVEL_INVALID', 'invalid', 'level', LEVEL_RULE],
    [
      'a change without a reason, naming the move',
      [teamCreated()],
      setLevel('planning', 5),
      as(COACH),
      'GOVERNANCE.REASON_REQUIRED',
      'invalid',
      'reason',
      'A reason is required to change the delegation level of planning to 5 (Advise).',
    ],
    ['a review date yesterday', [teamCreated()], setLevel('planning', 5, { reviewBy: '2026-01-14' }), because('x'), 'DELEGATION.REVIEW_DATE_INVALID', 'invalid', 'reviewBy', REVIEW_RULE],
    ['a review date that is an instant', [teamCreated()], setLevel('planning', 5, { reviewBy: '2026-06-01T00:00:00Z' }), because('x'), 'DELEGATION.REVIEW_DATE_INVALID', 'invalid', 'reviewBy', REVIEW_RULE],
  ])('refuses %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });

  it('accepts levels 1 and 7, the ends of the board', () => {
    spec
      .given([teamCreated(), levelChanged('planning', 4)])
      .when(setLevel('planning', 1), because('back to Tell'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 4, level: 1, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'back to Tell' } }]);
    spec
      .given([teamCreated()])
      .when(setLevel('planning', 7), because('their call'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: null, level: 7, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'their call' } }]);
  });

  it('takes a review date of null as none, and clearing a review date is a change', () => {
    spec.given([teamCreated(), levelChanged('planning', 5)]).when(setLevel('planning', 5, { reviewBy: null }), because('x')).thenNothingHappens();
    const reviewed = { ...levelChanged('planning', 5), data: { ...levelChanged('planning', 5).data, reviewBy: '2026-06-01' } } as TeamEvent;
    spec
      .given([teamCreated(), reviewed])
      .when(setLevel('planning', 5), because('no review needed'))
      .then([{ type: 'DelegationLevelChanged', data: { teamId: TEAM, area: 'planning', previousLevel: 5, level: 5, reviewBy: null, changedBy: COACH, changedAt: now, reason: 'no review needed' } }]);
  });
});
