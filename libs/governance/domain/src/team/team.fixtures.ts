import type { CommandContext } from '@leerzone/kernel';
import type { EffectiveBoundary, FinancialBoundary, RuleBoundary } from '../shared/boundary.model';
import type { DelegationLevel } from '../shared/delegation.model';
import type { Mandate, MandateViolation } from './mandate.model';
import type { TeamEvent } from './team.events';
import type { TeamRole } from './team.model';

/** Shared given-events for the team specs. Times are fixed: the domain has no clock. */
export const TEAM = 'team-a';
export const T0 = '2026-01-05T09:00:00.000Z';
export const NOW = new Date('2026-01-15T09:00:00.000Z');
export const COACH = 'user-coach';
export const ANNA = 'user-anna';
export const BRAM = 'user-bram';
export const CHEN = 'user-chen';

export const as = (actorId: string, extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({
  actor: { id: actorId, kind: 'user' },
  now: NOW,
  ...extra,
});
export const because = (reason: string, actorId = COACH, extra: Partial<CommandContext> = {}): Partial<CommandContext> => as(actorId, { reason, ...extra });

export const teamCreated = (unitId: string | null = 'unit-care'): TeamEvent => ({
  type: 'TeamCreated',
  data: { teamId: TEAM, name: 'Wijkteam Noord', unitId, purpose: null, createdBy: COACH, createdAt: T0 },
});

export const memberAdded = (memberId: string, roles: TeamRole[] = ['member'], addedAt = T0): TeamEvent => ({
  type: 'MemberAdded',
  data: { teamId: TEAM, memberId, roles, addedBy: COACH, addedAt },
});

export const memberRemoved = (memberId: string, removedAt = T0): TeamEvent => ({
  type: 'MemberRemoved',
  data: { teamId: TEAM, memberId, removedBy: COACH, removedAt, reason: null },
});

export const yesGiven = (memberId: string, givenAt = T0): TeamEvent => ({ type: 'YesGiven', data: { teamId: TEAM, memberId, givenBy: memberId, givenAt } });

export const yesWithdrawn = (memberId: string, withdrawnAt = T0): TeamEvent => ({
  type: 'YesWithdrawn',
  data: { teamId: TEAM, memberId, withdrawnBy: memberId, withdrawnAt, reason: null },
});

export const phaseChanged = (previousPhase: 'preparing' | 'pilot' | 'forming' | 'performing', phase: 'pilot' | 'forming' | 'performing', changedAt = T0): TeamEvent => ({
  type: 'TeamPhaseChanged',
  data: { teamId: TEAM, previousPhase, phase, changedBy: COACH, changedAt, reason: null },
});

/** A team with a coach and three members (no yes yet). */
export const staffedTeam: TeamEvent[] = [teamCreated(), memberAdded(COACH, ['coach']), memberAdded(ANNA), memberAdded(BRAM), memberAdded(CHEN)];

export const financial = (boundaryId: string, amount: number, period: FinancialBoundary['period'] = 'per-decision', decisionArea: string | null = null, currency = 'EUR'): FinancialBoundary => ({
  boundaryId,
  kind: 'financial',
  title: `Limit ${boundaryId}`,
  limit: { amount, currency },
  period,
  decisionArea,
});

export const safety: RuleBoundary = {
  boundaryId: 'b-safety',
  kind: 'safety',
  title: 'Two people on night visits',
  description: 'Night visits are always made by two people.',
  reference: null,
};

export const fromUnit = (boundary: EffectiveBoundary['boundary'], unitId = 'unit-care'): EffectiveBoundary => ({ boundary, source: { level: 'unit', unitId } });

/** The care unit's frame: at most 5000 per decision and 20000 a year. */
export const unitFrame: EffectiveBoundary[] = [fromUnit(financial('u-per-decision', 5000)), fromUnit(financial('u-year', 20000, 'year'))];

export const boundarySet = (boundary: FinancialBoundary | RuleBoundary, setAt = T0, reason = 'budget agreed', previous: FinancialBoundary | RuleBoundary | null = null): TeamEvent => ({
  type: 'TeamBoundarySet',
  data: { teamId: TEAM, boundary, previous, setBy: COACH, setAt, reason, proposalId: null },
});

export const levelChanged = (area: string, level: DelegationLevel, previousLevel: DelegationLevel | null = null, changedAt = T0): TeamEvent => ({
  type: 'DelegationLevelChanged',
  data: { teamId: TEAM, area, previousLevel, level, reviewBy: null, changedBy: COACH, changedAt, reason: 'trust grows' },
});

/** Anna's decision to buy two laptops (1800 EUR, level 7), escalated because of `violations`. */
export const decisionEscalated = (mandate: Mandate, violations: MandateViolation[]): TeamEvent => ({
  type: 'DecisionEscalated',
  data: {
    teamId: TEAM,
    decisionId: 'd-1',
    area: 'budget-spend',
    title: 'Buy two laptops',
    actedUnderLevel: 7,
    rationale: 'r',
    optionsConsidered: ['a'],
    amount: { amount: 1800, currency: 'EUR' },
    mandate,
    violations,
    escalatedBy: ANNA,
    escalatedAt: T0,
  },
});
