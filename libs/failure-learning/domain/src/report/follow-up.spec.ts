import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { dueDateFor } from './follow-up.rules';
import { reportDecider } from './report.decider';
import { COACH, actionPlanned, as, NOW, OTHER_TEAM, REPORT, reported, RULE, TEAM, wellFormed } from './report.fixtures';
import type { FollowUpActionRow } from './report.queries';
import { followUpActionRows, overdueActions, overdueActionsByTeam } from './report.queries';
import { initialReportState } from './report.state';

const spec = DeciderSpecification.for(reportDecider);
const now = NOW.toISOString();
const plan = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'PlanFollowUpAction', data: { reportId: REPORT, actionId: 'a-1', description: 'Add the medication list to the handover', ownerTeamId: TEAM, dueRule: RULE, ...overrides } }) as never;

describe('PlanFollowUpAction: due dates from the tenant severity rule', () => {
  it('plans an action for a high-severity report due three days after today (default rule)', () => {
    // Planned 2026-01-15 (any hour), high → 3 days → 2026-01-18.
    spec
      .given([reported({ severity: 'high' })])
      .when(plan(), as(COACH))
      .then([
        {
          type: 'FollowUpActionPlanned',
          data: { reportId: REPORT, actionId: 'a-1', purpose: 'follow-up', preventionKind: null, description: 'Add the medication list to the handover', ownerTeamId: TEAM, severity: 'high', dueOn: '2026-01-18', plannedBy: COACH, plannedAt: now },
        },
      ]);
  });

  it('gives medium and low severity seven days, and follows a tenant rule of its own', () => {
    spec.given([reported({ severity: 'medium' })]).when(plan(), as(COACH)).then([expect.objectContaining({ data: expect.objectContaining({ dueOn: '2026-01-22' }) }) as never]);
    spec.given([reported({ severity: 'low' })]).when(plan(), as(COACH)).then([expect.objectContaining({ data: expect.objectContaining({ dueOn: '2026-01-22' }) }) as never]);
    spec
      .given([reported({ severity: 'high' })])
      .when(plan({ dueRule: { high: 1, medium: 5, low: 14 } }), as(COACH))
      .then([expect.objectContaining({ data: expect.objectContaining({ dueOn: '2026-01-16' }) }) as never]);
  });

  it('counts from the UTC day of planning, across month and year ends', () => {
    expect(dueDateFor('high', RULE, new Date('2026-01-15T00:00:00.000Z'))).toBe('2026-01-18');
    expect(dueDateFor('high', RULE, new Date('2026-01-15T23:59:59.999Z'))).toBe('2026-01-18');
    expect(dueDateFor('low', RULE, new Date('2026-12-28T10:00:00.000Z'))).toBe('2027-01-04');
    expect(dueDateFor('high', RULE, new Date('2028-02-27T10:00:00.000Z'))).toBe('2028-03-01');
  });

  it.each([
    ['dueRule', 'FOLLOW_UP.DUE_RULE_INVALID', { dueRule: null }],
    ['dueRule.high', 'FOLLOW_UP.DUE_RULE_INVALID', { dueRule: { high: 0, medium: 7, low: 7 } }],
    ['dueRule.medium', 'FOLLOW_UP.DUE_RULE_INVALID', { dueRule: { high: 3, medium: 2.5, low: 7 } }],
    ['dueRule.low', 'FOLLOW_UP.DUE_RULE_INVALID', { dueRule: { high: 3, medium: 7, low: 91 } }],
    ['actionId', 'FOLLOW_UP.INVALID', { actionId: '' }],
    ['description', 'FOLLOW_UP.DESCRIPTION_INVALID', { description: ' ' }],
    ['ownerTeamId', 'FOLLOW_UP.OWNER_INVALID', { ownerTeamId: undefined }],
  ])('rejects a bad %s with %s, in a sentence naming it', (field, code, overrides) => {
    wellFormed(spec.given([reported()]).when(plan(overrides), as(COACH)).thenRejects(code, { field, category: 'invalid' }));
  });

  it('accepts the rule at its limits, 1 and 90 days', () => {
    spec.given([reported({ severity: 'low' })]).when(plan({ dueRule: { high: 1, medium: 1, low: 90 } }), as(COACH)).then([expect.objectContaining({ data: expect.objectContaining({ dueOn: '2026-04-15' }) }) as never]);
  });

  it('rejects a duplicate action and an unknown report', () => {
    spec.given([reported(), actionPlanned('a-1', '2026-01-18')]).when(plan(), as(COACH)).thenRejects('FOLLOW_UP.ALREADY_EXISTS', { category: 'conflict', field: 'actionId' });
    spec.given([]).when(plan(), as(COACH)).thenRejects('REPORT.NOT_FOUND');
  });

  it('refuses every command addressed to another report than the stream’s, naming the report id', () => {
    const other = 'r-2';
    spec.given([reported()]).when(plan({ reportId: other }), as(COACH)).thenRejects('REPORT.NOT_FOUND', { category: 'not-found', field: 'reportId' });
    spec.given([reported(), actionPlanned('a-1', '2026-01-18')]).when({ type: 'CompleteFollowUpAction', data: { reportId: other, actionId: 'a-1' } } as never, as(COACH)).thenRejects('REPORT.NOT_FOUND', { field: 'reportId' });
    spec.given([reported()]).when({ type: 'ClassifyFailure', data: { reportId: other, kind: 'basic', cause: 'inattention', knownLessons: [] } } as never, as(COACH)).thenRejects('REPORT.NOT_FOUND', { field: 'reportId' });
  });
});

describe('follow-up status: open, done, not doing', () => {
  const open = [reported(), actionPlanned('a-1', '2026-01-18')];

  it('completes an open action, with an optional note', () => {
    spec
      .given(open)
      .when({ type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-1', note: 'On the checklist since Monday' } } as never, as(COACH))
      .then([{ type: 'FollowUpActionCompleted', data: { reportId: REPORT, actionId: 'a-1', note: 'On the checklist since Monday', completedBy: COACH, completedAt: now } }]);
  });

  it('completes without a note, and refuses a note longer than 1000 characters', () => {
    const complete = (note?: string) => ({ type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-1', note } }) as never;
    spec.given(open).when(complete(), as(COACH)).then([{ type: 'FollowUpActionCompleted', data: { reportId: REPORT, actionId: 'a-1', note: null, completedBy: COACH, completedAt: now } }]);
    spec.given(open).when(complete('n'.repeat(1000)), as(COACH)).then([{ type: 'FollowUpActionCompleted', data: { reportId: REPORT, actionId: 'a-1', note: 'n'.repeat(1000), completedBy: COACH, completedAt: now } }]);
    wellFormed(spec.given(open).when(complete('n'.repeat(1001)), as(COACH)).thenRejects('FOLLOW_UP.NOTE_INVALID', { category: 'invalid', field: 'note' }));
  });

  it('declines an action only with a reason', () => {
    const decline = { type: 'DeclineFollowUpAction', data: { reportId: REPORT, actionId: 'a-1' } } as never;
    spec.given(open).when(decline, as(COACH, { reason: 'The new rota removes the handover' })).then([
      { type: 'FollowUpActionDeclined', data: { reportId: REPORT, actionId: 'a-1', reason: 'The new rota removes the handover', declinedBy: COACH, declinedAt: now } },
    ]);
    wellFormed(spec.given(open).when(decline, as(COACH)).thenRejects('FAILURE_LEARNING.REASON_REQUIRED', { field: 'reason' }));
  });

  it('completes or declines actions only on an existing report', () => {
    spec.given([]).when({ type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-1' } } as never, as(COACH)).thenRejects('REPORT.NOT_FOUND', { category: 'not-found' });
    spec.given([]).when({ type: 'DeclineFollowUpAction', data: { reportId: REPORT, actionId: 'a-1' } } as never, as(COACH, { reason: 'r' })).thenRejects('REPORT.NOT_FOUND', { category: 'not-found' });
  });

  it('refuses to change a closed action, or one that does not exist', () => {
    const done = [...open, { type: 'FollowUpActionCompleted', data: { reportId: REPORT, actionId: 'a-1', note: null, completedBy: COACH, completedAt: now } } as const];
    spec.given(done).when({ type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-1' } } as never, as(COACH)).thenRejects('FOLLOW_UP.ALREADY_CLOSED', { category: 'conflict', field: 'actionId' });
    spec.given(done).when({ type: 'DeclineFollowUpAction', data: { reportId: REPORT, actionId: 'a-1' } } as never, as(COACH, { reason: 'r' })).thenRejects('FOLLOW_UP.ALREADY_CLOSED');
    spec.given(open).when({ type: 'CompleteFollowUpAction', data: { reportId: REPORT, actionId: 'a-9' } } as never, as(COACH)).thenRejects('FOLLOW_UP.NOT_FOUND', { category: 'not-found', field: 'actionId' });
  });
});

describe('overdue actions (pure query)', () => {
  const state = fold(reportDecider, [
    reported(),
    actionPlanned('a-due-18', '2026-01-18'),
    actionPlanned('a-due-10', '2026-01-10', OTHER_TEAM),
    actionPlanned('a-done', '2026-01-01'),
    { type: 'FollowUpActionCompleted', data: { reportId: REPORT, actionId: 'a-done', note: null, completedBy: COACH, completedAt: now } },
    actionPlanned('a-declined', '2026-01-01'),
    { type: 'FollowUpActionDeclined', data: { reportId: REPORT, actionId: 'a-declined', reason: 'r', declinedBy: COACH, declinedAt: now } },
  ]);
  const rows = followUpActionRows(state);

  it('shows each action with its status, when it was closed and why it was declined, and the report’s team', () => {
    const row = (actionId: string, dueOn: string, ownerTeamId: string) => ({
      actionId,
      reportId: REPORT,
      purpose: 'follow-up',
      preventionKind: null,
      description: `Do ${actionId}`,
      ownerTeamId,
      severity: 'high',
      dueOn,
      reportTeamId: TEAM,
    });
    expect(rows).toEqual([
      { ...row('a-due-18', '2026-01-18', TEAM), status: 'open', closedAt: null, declineReason: null },
      { ...row('a-due-10', '2026-01-10', OTHER_TEAM), status: 'open', closedAt: null, declineReason: null },
      { ...row('a-done', '2026-01-01', TEAM), status: 'done', closedAt: now, declineReason: null },
      { ...row('a-declined', '2026-01-01', TEAM), status: 'not-doing', closedAt: now, declineReason: 'r' },
    ]);
    expect(followUpActionRows(initialReportState)).toEqual([]);
  });

  it('lists the most overdue first and, as overdue as each other, by action id, keeping the given order of equal ids', () => {
    const other = (actionId: string, dueOn: string): FollowUpActionRow => ({ ...rows[0]!, reportId: 'r-2', actionId, dueOn });
    const mixed = [other('a-1', '2026-01-14'), ...rows, other('a-0', '2026-01-10'), other('a-due-10', '2026-01-10'), other('a-2', '2026-01-10')];
    expect(overdueActions(mixed, new Date('2026-01-19T00:00:00.000Z')).map((a) => [a.reportId, a.actionId, a.daysOverdue])).toEqual([
      ['r-2', 'a-0', 8],
      ['r-2', 'a-2', 8],
      [REPORT, 'a-due-10', 8],
      ['r-2', 'a-due-10', 8],
      ['r-2', 'a-1', 4],
      [REPORT, 'a-due-18', 0],
    ]);
  });

  it('is on time all of its due day and overdue from the next midnight (UTC)', () => {
    expect(overdueActions(rows, new Date('2026-01-18T23:59:59.999Z')).map((a) => a.actionId)).toEqual(['a-due-10']);
    expect(overdueActions(rows, new Date('2026-01-19T00:00:00.000Z')).map((a) => [a.actionId, a.daysOverdue])).toEqual([
      // Due 10 Jan: overdue from 11 Jan 00:00, so 8 whole days by 19 Jan 00:00; due 18 Jan: 0 days.
      ['a-due-10', 8],
      ['a-due-18', 0],
    ]);
  });

  it('never lists done or declined actions, and groups per owner team', () => {
    expect(overdueActionsByTeam(rows, new Date('2026-01-21T12:00:00.000Z')).map((g) => [g.ownerTeamId, g.actions.map((a) => [a.actionId, a.daysOverdue, a.reportTeamId])])).toEqual([
      // 11 Jan 00:00 → 21 Jan 12:00 = 10.5 days → 10; 19 Jan 00:00 → 21 Jan 12:00 = 2.5 → 2.
      [TEAM, [['a-due-18', 2, TEAM]]],
      [OTHER_TEAM, [['a-due-10', 10, TEAM]]],
    ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)));
  });
});
