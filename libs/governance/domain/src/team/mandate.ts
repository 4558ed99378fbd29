import type { EffectiveBoundary, FinancialBoundary } from '../shared/boundary.model';
import { describePeriod } from '../shared/boundary.model';
import { periodKey } from '../shared/calendar';
import type { DelegationLevel } from '../shared/delegation.model';
import { describeLevel, UNDELEGATED_LEVEL } from '../shared/delegation.model';
import type { Money } from '../shared/money';
import { formatMoney, fromUnits, toUnits } from '../shared/money';
import type { Mandate, MandateLimit, MandateViolation } from './mandate.model';
import type { TeamState } from './team.state';

/**
 * What the team may decide about `area` at `now`: the board's level and every boundary
 * that applies (the team's own and the unit's effective ones), with what was already spent
 * in the current calendar period. Decisions are checked against exactly this, and record it.
 */
export function mandateFor(state: TeamState, area: string, unitBoundaries: readonly EffectiveBoundary[], now: Date): Mandate {
  const board = state.decisionAreas.get(area);
  const teamId = state.teamId ?? '';
  const inForce: EffectiveBoundary[] = [
    ...unitBoundaries,
    ...[...state.boundaries.values()].map((entry) => ({ boundary: entry.boundary, source: { level: 'team' as const, teamId } })),
  ];
  const financialLimits: MandateLimit[] = [];
  const ruleBoundaryIds: string[] = [];
  for (const { boundary, source } of inForce) {
    if (boundary.kind !== 'financial') {
      ruleBoundaryIds.push(boundary.boundaryId);
      continue;
    }
    if (boundary.decisionArea !== null && boundary.decisionArea !== area) continue;
    financialLimits.push({
      boundaryId: boundary.boundaryId,
      title: boundary.title,
      source,
      limit: boundary.limit,
      period: boundary.period,
      decisionArea: boundary.decisionArea,
      spentInPeriod: boundary.period === 'per-decision' ? null : spentUnder(state, boundary, now),
    });
  }
  return { area, boardLevel: board?.level ?? null, boardLevelSetAt: board?.levelSetAt ?? null, financialLimits, ruleBoundaryIds };
}

/** Recorded decisions (also escalated ones the layer above approved; not open or declined escalations) in the limit's currency, area and current calendar period. */
function spentUnder(state: TeamState, boundary: FinancialBoundary, now: Date): Money {
  const period = boundary.period as 'month' | 'quarter' | 'year';
  const current = periodKey(period, now);
  let units = 0;
  for (const decision of state.decisions.values()) {
    if ((decision.status !== 'recorded' && decision.status !== 'approved') || decision.amount === null) continue;
    if (decision.amount.currency !== boundary.limit.currency) continue;
    if (boundary.decisionArea !== null && decision.area !== boundary.decisionArea) continue;
    if (periodKey(period, new Date(decision.decidedAt)) !== current) continue;
    units += toUnits(decision.amount.amount);
  }
  return { amount: fromUnits(units), currency: boundary.limit.currency };
}

/**
 * Everything that puts a decision outside its mandate. Acting at a level above the board's
 * means taking more autonomy than was delegated (e.g. deciding alone where the board says
 * Consult). Money needs a budget: an amount with no financial boundary covering the area is
 * outside the mandate, since a team has no budget it was not given.
 */
export function mandateViolations(mandate: Mandate, actedUnderLevel: DelegationLevel, amount: Money | null): MandateViolation[] {
  const violations: MandateViolation[] = [];
  const boardLevel = mandate.boardLevel ?? UNDELEGATED_LEVEL;
  if (actedUnderLevel > boardLevel) {
    violations.push({
      code: 'DECISION.LEVEL_ABOVE_MANDATE',
      field: 'actedUnderLevel',
      boundaryId: null,
      message:
        `The team acted at level ${describeLevel(actedUnderLevel)}, but the delegation board grants ${mandate.area} only level ${describeLevel(boardLevel)}` +
        `${mandate.boardLevel === null ? ' (never delegated)' : ''}.`,
    });
  }
  if (amount === null) return violations;
  if (mandate.financialLimits.length === 0) {
    violations.push({
      code: 'DECISION.NO_BUDGET',
      field: 'amount',
      boundaryId: null,
      message: `No financial boundary covers ${mandate.area}, so the team has no budget to spend ${formatMoney(amount)}.`,
    });
    return violations;
  }
  for (const limit of mandate.financialLimits) {
    if (limit.limit.currency !== amount.currency) {
      violations.push({
        code: 'DECISION.CURRENCY_MISMATCH',
        field: 'amount.currency',
        boundaryId: limit.boundaryId,
        message: `${limit.title} is set in ${limit.limit.currency}; a decision in ${amount.currency} cannot be checked against it.`,
      });
      continue;
    }
    const spent = limit.spentInPeriod === null ? 0 : toUnits(limit.spentInPeriod.amount);
    const total = spent + toUnits(amount.amount);
    if (total > toUnits(limit.limit.amount)) {
      const already = spent > 0 ? ` (${formatMoney({ amount: fromUnits(spent), currency: amount.currency })} already spent this ${limit.period})` : '';
      violations.push({
        code: 'DECISION.AMOUNT_OVER_LIMIT',
        field: 'amount',
        boundaryId: limit.boundaryId,
        message: `${formatMoney(amount)} exceeds ${limit.title}: ${formatMoney(limit.limit)} ${describePeriod(limit.period)}${already}.`,
      });
    }
  }
  return violations;
}
