import { describe, expect, it } from '@jest/globals';
import { organisationEventExamples as org, rolloutPlanEventExamples as plan } from '../catalogue/event-examples.fixtures';
import type { OrganisationEvent } from '../organisation/organisation.events';
import type { RolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import type { HistoricalEvent } from './historical-event';
import { describeOrganisationEvent, describeRolloutPlanEvent, organisationHistory } from './history.queries';

/** The example with some of its data replaced: the other side of a branch in the summary. */
const variant = <E extends { type: string; data: object }>(event: E, data: Partial<E['data']>): E => ({ ...event, data: { ...event.data, ...data } });

describe('describeOrganisationEvent', () => {
  it.each<[string, OrganisationEvent, ReturnType<typeof describeOrganisationEvent>]>([
    ['an organisation created', org.OrganisationCreated, { topic: 'organisation', by: 'user-lead', reason: null, summary: 'Organisation Zorggroep created.' }],
    ['a unit added under another', org.UnitAdded, { topic: 'units', by: 'user-lead', reason: null, summary: 'Unit Noord added under unit-care.' }],
    ['a unit added at the top', variant(org.UnitAdded, { parentUnitId: null }), { topic: 'units', by: 'user-lead', reason: null, summary: 'Unit Noord added at the top.' }],
    ['a unit renamed', org.UnitRenamed, { topic: 'units', by: 'user-lead', reason: null, summary: 'Unit renamed from Noord to Noord-West.' }],
    ['a unit moved to the top', org.UnitMoved, { topic: 'units', by: 'user-lead', reason: 'merger', summary: 'Unit unit-north moved from unit-care to the top.' }],
    [
      'a unit moved from the top',
      variant(org.UnitMoved, { previousParentUnitId: null, parentUnitId: 'unit-east' }),
      { topic: 'units', by: 'user-lead', reason: 'merger', summary: 'Unit unit-north moved from the top to unit-east.' },
    ],
    ['a unit boundary set', org.UnitBoundarySet, { topic: 'boundaries', by: 'user-lead', reason: 'board decision', summary: 'Unit unit-care: set boundary Unit limit (EUR 10000 per decision).' }],
    [
      'a unit boundary changed',
      variant(org.UnitBoundarySet, { previous: org.UnitBoundarySet.data.boundary }),
      { topic: 'boundaries', by: 'user-lead', reason: 'board decision', summary: 'Unit unit-care: changed boundary Unit limit (EUR 10000 per decision).' },
    ],
    [
      'a unit boundary removed',
      org.UnitBoundaryRemoved,
      { topic: 'boundaries', by: 'user-lead', reason: 'moved to the organisation-wide policy', summary: 'Unit unit-care: removed boundary Client files (legal).' },
    ],
    [
      'a review date set',
      org.UnitBoundaryReviewDateSet,
      { topic: 'boundaries', by: 'user-lead', reason: 'look again after the audit', summary: 'Unit unit-care: boundary u-gdpr to be reviewed by 2026-09-01.' },
    ],
    [
      'a review date cleared',
      variant(org.UnitBoundaryReviewDateSet, { previousReviewBy: '2026-09-01', reviewBy: null }),
      { topic: 'boundaries', by: 'user-lead', reason: 'look again after the audit', summary: 'Unit unit-care: boundary u-gdpr to be reviewed (date cleared).' },
    ],
    [
      'a boundary reviewed with a next review',
      org.UnitBoundaryReviewed,
      { topic: 'boundaries', by: 'user-lead', reason: 'still the law', summary: 'Unit unit-care: boundary u-gdpr reviewed: kept; next review by 2027-03-01.' },
    ],
    [
      'a boundary reviewed for the last time',
      variant(org.UnitBoundaryReviewed, { outcome: 'dropped', nextReviewBy: null }),
      { topic: 'boundaries', by: 'user-lead', reason: 'still the law', summary: 'Unit unit-care: boundary u-gdpr reviewed: dropped.' },
    ],
    [
      'an escalation contact named',
      org.UnitEscalationContactNamed,
      { topic: 'units', by: 'user-admin', reason: 'the care lead answers the care teams', summary: 'Unit unit-care: escalations go to user-lead.' },
    ],
    [
      'an escalation contact taken back',
      variant(org.UnitEscalationContactNamed, { previousContactId: 'user-lead', contactId: null }),
      { topic: 'units', by: 'user-admin', reason: 'the care lead answers the care teams', summary: 'Unit unit-care: escalations go to (no one named) instead of user-lead.' },
    ],
  ])('describes %s', (_, event, described) => {
    expect(describeOrganisationEvent(event)).toEqual(described);
  });

  it('refuses an event type it does not know', () => {
    expect(() => describeOrganisationEvent({ type: 'UnitDissolved', data: {} } as unknown as OrganisationEvent)).toThrow('Unexpected value');
  });
});

describe('describeRolloutPlanEvent', () => {
  it.each<[string, RolloutPlanEvent, ReturnType<typeof describeRolloutPlanEvent>]>([
    ['a plan created', plan.RolloutPlanCreated, { topic: 'rollout', by: 'user-lead', reason: null, summary: 'Rollout plan Zorg 2026 created.' }],
    ['a team scheduled', plan.TeamScheduled, { topic: 'rollout', by: 'user-lead', reason: null, summary: 'Team team-a scheduled as pilot, starting 2026-04-01.' }],
    [
      'a team rescheduled',
      variant(plan.TeamRescheduled, { wave: 'following' }),
      { topic: 'rollout', by: 'user-lead', reason: 'coach on leave', summary: 'Team team-a rescheduled: pilot from 2026-04-01 → following from 2026-05-01.' },
    ],
    ['a team unscheduled', plan.TeamUnscheduled, { topic: 'rollout', by: 'user-lead', reason: 'team merged', summary: 'Team team-b taken out of the plan.' }],
  ])('describes %s', (_, event, described) => {
    expect(describeRolloutPlanEvent(event)).toEqual(described);
  });

  it('refuses an event type it does not know', () => {
    expect(() => describeRolloutPlanEvent({ type: 'RolloutPlanArchived', data: {} } as unknown as RolloutPlanEvent)).toThrow('Unexpected value');
  });
});

describe('organisationHistory', () => {
  const stored = (event: OrganisationEvent, occurredAt: string, reason?: string): HistoricalEvent => ({ ...event, occurredAt, ...(reason ? { reason } : {}) });
  const stream = [
    stored(org.OrganisationCreated, '2026-01-01T09:00:00.000Z'),
    stored(org.UnitAdded, '2026-01-02T09:00:00.000Z'),
    stored(org.UnitRenamed, '2026-01-03T09:00:00.000Z'),
    stored(org.UnitMoved, '2026-01-04T09:00:00.000Z'),
  ];

  it('keeps the changes that happened exactly at from and at to', () => {
    const window = organisationHistory(stream, { from: new Date('2026-01-02T09:00:00Z'), to: new Date('2026-01-03T09:00:00Z') });
    expect(window.map((entry) => entry.type)).toEqual(['UnitAdded', 'UnitRenamed']);
  });

  it("takes the envelope's reason when the event itself records none", () => {
    const [entry] = organisationHistory([stored(org.UnitRenamed, '2026-01-03T09:00:00.000Z', 'typo in the name')]);
    expect(entry).toMatchObject({ reason: 'typo in the name', position: null, eventId: null });
  });

  it("prefers the event's own reason over the envelope's", () => {
    const [entry] = organisationHistory([stored(org.UnitMoved, '2026-01-04T09:00:00.000Z', 'envelope reason')]);
    expect(entry?.reason).toBe('merger');
  });
});
