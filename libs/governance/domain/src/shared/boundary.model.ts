import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import type { Money } from './money';
import { formatMoney, toUnits, validateMoney } from './money';
import { MAX_BOUNDARY_REFERENCE_LENGTH } from './limits';
import { optionalText, requiredId, requiredText } from './validation';

/**
 * Boundaries ("kaders"): the frame within which a team is free. Financial boundaries are
 * limits that can be compared; the other kinds are rules that accumulate down the unit
 * tree and can only be added to, never switched off below.
 */
export const BOUNDARY_KINDS = ['financial', 'legal', 'core-procedure', 'safety'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

/** Ordered short → long: a limit for a longer period also caps every shorter one. */
export const FINANCIAL_PERIODS = ['per-decision', 'month', 'quarter', 'year'] as const;
export type FinancialPeriod = (typeof FINANCIAL_PERIODS)[number];

export interface FinancialBoundary {
  readonly boundaryId: string;
  readonly kind: 'financial';
  readonly title: string;
  readonly limit: Money;
  readonly period: FinancialPeriod;
  /** The decision area the limit applies to; null = every area. */
  readonly decisionArea: string | null;
}

export interface RuleBoundary {
  readonly boundaryId: string;
  readonly kind: 'legal' | 'core-procedure' | 'safety';
  readonly title: string;
  readonly description: string;
  /** The law, regulation or procedure document it derives from, if any. */
  readonly reference: string | null;
}

export type Boundary = FinancialBoundary | RuleBoundary;

/** Where a boundary a team must respect comes from. */
export type BoundarySource = { readonly level: 'unit'; readonly unitId: string } | { readonly level: 'team'; readonly teamId: string };

/** A boundary in force, with its origin. The unit's effective boundaries are passed to team commands in this form. */
export interface EffectiveBoundary {
  readonly boundary: Boundary;
  readonly source: BoundarySource;
}

export const MAX_BOUNDARY_TITLE_LENGTH = 200;
export const MAX_BOUNDARY_DESCRIPTION_LENGTH = 4000;
export const MAX_AREA_LENGTH = 60;

/** Decision areas are slugs so they can be compared across teams and units. */
export const AREA_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Validates a boundary as it arrives from a caller; `field` is the path of the boundary in the command. */
export function validateBoundary(input: unknown, field: string): Boundary | Rejection {
  if (typeof input !== 'object' || input === null) {
    return reject('invalid', 'BOUNDARY.INVALID', 'A boundary must be an object with an id, a kind and a title.', { field });
  }
  const raw = input as Record<string, unknown>;
  const boundaryId = requiredId(raw['boundaryId'], `${field}.boundaryId`, 'BOUNDARY.INVALID', 'the boundary id');
  if (isRejection(boundaryId)) return boundaryId;
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !(BOUNDARY_KINDS as readonly string[]).includes(kind)) {
    return reject('invalid', 'BOUNDARY.INVALID', `The boundary kind must be one of ${BOUNDARY_KINDS.join(', ')}.`, { field: `${field}.kind` });
  }
  const title = requiredText(raw['title'], { field: `${field}.title`, code: 'BOUNDARY.INVALID', label: 'the boundary title', max: MAX_BOUNDARY_TITLE_LENGTH });
  if (isRejection(title)) return title;
  if (kind === 'financial') {
    const limit = validateMoney(raw['limit'], `${field}.limit`, 'BOUNDARY.INVALID');
    if (isRejection(limit)) return limit;
    const period = raw['period'];
    if (typeof period !== 'string' || !(FINANCIAL_PERIODS as readonly string[]).includes(period)) {
      return reject('invalid', 'BOUNDARY.INVALID', `A financial boundary needs a period: one of ${FINANCIAL_PERIODS.join(', ')}.`, {
        field: `${field}.period`,
      });
    }
    const area = raw['decisionArea'];
    if (area !== undefined && area !== null && (typeof area !== 'string' || !AREA_PATTERN.test(area) || area.length > MAX_AREA_LENGTH)) {
      return reject('invalid', 'BOUNDARY.INVALID', 'The decision area must be a lower-case slug such as budget-spend.', { field: `${field}.decisionArea` });
    }
    return { boundaryId, kind, title, limit, period: period as FinancialPeriod, decisionArea: (area as string | undefined) ?? null };
  }
  const description = requiredText(raw['description'], {
    field: `${field}.description`,
    code: 'BOUNDARY.INVALID',
    label: 'the boundary description',
    max: MAX_BOUNDARY_DESCRIPTION_LENGTH,
  });
  if (isRejection(description)) return description;
  const reference = optionalText(raw['reference'], { field: `${field}.reference`, code: 'BOUNDARY.INVALID', label: 'the reference', max: MAX_BOUNDARY_REFERENCE_LENGTH });
  if (isRejection(reference)) return reference;
  return { boundaryId, kind: kind as RuleBoundary['kind'], title, description, reference };
}

/** Why a boundary would be wider than one it must fit within. */
export interface WideningViolation {
  readonly boundaryId: string;
  readonly constraintId: string;
  readonly constraintSource: BoundarySource;
  readonly problem: 'amount-above-limit' | 'currency-mismatch';
  readonly message: string;
}

const periodRank = (period: FinancialPeriod): number => FINANCIAL_PERIODS.indexOf(period);

/**
 * A financial limit is wider than a constraint when it lets more money go in the same or a
 * shorter period, for an area the constraint covers (a constraint without area covers all).
 * Limits in different currencies cannot be compared without exchange rates, which a pure
 * domain does not have, so they count as wider: the frame must be stated in the unit's currency.
 * A team limit without area is not compared with an area-specific unit limit: the unit's
 * limit keeps applying to that area on top of it.
 */
export function wideningViolations(candidate: Boundary, constraints: readonly EffectiveBoundary[]): WideningViolation[] {
  if (candidate.kind !== 'financial') return [];
  const violations: WideningViolation[] = [];
  for (const { boundary: constraint, source } of constraints) {
    if (constraint.kind !== 'financial') continue;
    if (constraint.decisionArea !== null && constraint.decisionArea !== candidate.decisionArea) continue;
    if (periodRank(constraint.period) < periodRank(candidate.period)) continue;
    if (constraint.limit.currency !== candidate.limit.currency) {
      violations.push({
        boundaryId: candidate.boundaryId,
        constraintId: constraint.boundaryId,
        constraintSource: source,
        problem: 'currency-mismatch',
        message: `${candidate.title} is in ${candidate.limit.currency}, but the boundary it must fit within (${constraint.title}) is in ${constraint.limit.currency}.`,
      });
    } else if (toUnits(candidate.limit.amount) > toUnits(constraint.limit.amount)) {
      violations.push({
        boundaryId: candidate.boundaryId,
        constraintId: constraint.boundaryId,
        constraintSource: source,
        problem: 'amount-above-limit',
        message: `${candidate.title} allows ${formatMoney(candidate.limit)} ${describePeriod(candidate.period)}, more than ${constraint.title} allows (${formatMoney(constraint.limit)} ${describePeriod(constraint.period)}).`,
      });
    }
  }
  return violations;
}

export const describePeriod = (period: FinancialPeriod): string =>
  period === 'per-decision' ? 'per decision' : `per ${period}`;

export const sameBoundary = (a: Boundary, b: Boundary): boolean => JSON.stringify(a) === JSON.stringify(b);
