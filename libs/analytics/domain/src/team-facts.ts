/**
 * What analytics reads of governance's team events: its own view of their published shape
 * (docs/governance-events.md), not an import of governance's code. Only the fields analytics
 * uses are checked; the rest may change without analytics noticing. Member ids are
 * governance's pseudonymous ids; nothing here carries a name or free text.
 */
import { FactError, Fields, checkVersion, type PublishedEvent } from './fact-reader';

export const TEAM_PHASES = ['preparing', 'pilot', 'forming', 'performing', 'self-steering'] as const;
export type TeamPhase = (typeof TEAM_PHASES)[number];

export const BOUNDARY_KINDS = ['financial', 'legal', 'core-procedure', 'safety'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

/** What a boundary change did to the team's room to decide. */
export type BoundaryEffect = 'narrowed' | 'widened' | 'not-comparable';

export type DelegationLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type TeamFact =
  | { readonly type: 'TeamCreated'; readonly teamId: string; readonly name: string; readonly unitId: string | null; readonly createdAt: string }
  | { readonly type: 'TeamRenamed'; readonly teamId: string; readonly name: string }
  | { readonly type: 'TeamMovedToUnit'; readonly teamId: string; readonly unitId: string }
  | { readonly type: 'TeamPhaseChanged'; readonly teamId: string; readonly phase: TeamPhase; readonly changedAt: string }
  | { readonly type: 'MemberAdded'; readonly teamId: string; readonly memberId: string }
  | { readonly type: 'MemberRemoved'; readonly teamId: string; readonly memberId: string }
  | { readonly type: 'YesGiven'; readonly teamId: string; readonly memberId: string }
  | { readonly type: 'YesWithdrawn'; readonly teamId: string; readonly memberId: string }
  | {
      readonly type: 'DelegationLevelChanged';
      readonly teamId: string;
      readonly area: string;
      readonly previousLevel: DelegationLevel | null;
      readonly level: DelegationLevel;
      readonly changedAt: string;
    }
  | {
      readonly type: 'TeamBoundarySet';
      readonly teamId: string;
      readonly boundaryId: string;
      readonly kind: BoundaryKind;
      readonly added: boolean;
      readonly effect: BoundaryEffect;
      readonly setAt: string;
    }
  | { readonly type: 'TeamBoundaryRemoved'; readonly teamId: string; readonly boundaryId: string; readonly kind: BoundaryKind; readonly effect: BoundaryEffect; readonly removedAt: string }
  | { readonly type: 'DecisionRecorded'; readonly teamId: string; readonly decisionId: string; readonly area: string; readonly at: string }
  | { readonly type: 'DecisionEscalated'; readonly teamId: string; readonly decisionId: string; readonly area: string; readonly at: string }
  /** The layer above answered an escalation: approved (the decision now counts as taken) or declined (refused). */
  | { readonly type: 'EscalatedDecisionApproved' | 'EscalatedDecisionDeclined'; readonly teamId: string; readonly decisionId: string; readonly area: string; readonly at: string };

export type TeamFactType = TeamFact['type'];

/** The schema versions of each event type analytics understands. */
export const TEAM_FACT_VERSIONS: Readonly<Record<TeamFactType, readonly number[]>> = {
  TeamCreated: [1],
  TeamRenamed: [1],
  TeamMovedToUnit: [1],
  TeamPhaseChanged: [1],
  MemberAdded: [1],
  MemberRemoved: [1],
  YesGiven: [1],
  YesWithdrawn: [1],
  // Version 1 (no `reviewBy`) reaches the reader upcast, through analytics' own schema registry.
  DelegationLevelChanged: [2],
  TeamBoundarySet: [1],
  TeamBoundaryRemoved: [1],
  DecisionRecorded: [1],
  DecisionEscalated: [1],
  EscalatedDecisionApproved: [1],
  EscalatedDecisionDeclined: [1],
};

export const TEAM_FACT_TYPES = Object.keys(TEAM_FACT_VERSIONS) as readonly TeamFactType[];

/** Kept for readers of the first version of this module: every facts error is a `FactError`. */
export const TeamFactError = FactError;
export type TeamFactError = FactError;

const isTeamFactType = (type: string): type is TeamFactType => Object.hasOwn(TEAM_FACT_VERSIONS, type);

const level = (fields: Fields, field: string): DelegationLevel => {
  const value = fields.number(field);
  if (!Number.isInteger(value) || value < 1 || value > 7) throw new FactError('ANALYTICS.INVALID_EVENT', `data.${field}`, `A delegation level is 1 to 7, not ${value}.`);
  return value as DelegationLevel;
};

const PERIOD_ORDER = ['per-decision', 'month', 'quarter', 'year'] as const;

/**
 * What replacing `previous` with `next` did, by governance's own rule (docs/governance-events.md,
 * "narrower never wider"): a rule boundary (legal, core procedure, safety) only constrains, so
 * adding one narrows and removing one widens; a financial boundary is the team's budget (no
 * amount can be decided without one), so adding one widens and removing one narrows. A changed
 * financial limit narrows when it allows less money over the same or a longer period in the same
 * currency, widens when it allows more over the same or a shorter one; anything else (another
 * currency, a shorter period with less money, another decision area) cannot be compared.
 */
export function boundaryEffect(previous: Fields | null, next: Fields | null): BoundaryEffect {
  const kindOf = (boundary: Fields) => boundary.oneOf('kind', BOUNDARY_KINDS);
  if (previous === null && next === null) return 'not-comparable';
  if (previous === null) return kindOf(next!) === 'financial' ? 'widened' : 'narrowed';
  if (next === null) return kindOf(previous) === 'financial' ? 'narrowed' : 'widened';
  // A rule replaced by another rule says nothing about more or less room.
  if (kindOf(previous) !== 'financial' || kindOf(next) !== 'financial') return 'not-comparable';
  if (previous.optionalText('decisionArea') !== next.optionalText('decisionArea')) return 'not-comparable';
  const before = previous.object('limit');
  const after = next.object('limit');
  if (before.text('currency') !== after.text('currency')) return 'not-comparable';
  const periodBefore = PERIOD_ORDER.indexOf(previous.oneOf('period', PERIOD_ORDER));
  const periodAfter = PERIOD_ORDER.indexOf(next.oneOf('period', PERIOD_ORDER));
  const amountBefore = before.number('amount');
  const amountAfter = after.number('amount');
  if (amountAfter < amountBefore && periodAfter >= periodBefore) return 'narrowed';
  if (amountAfter > amountBefore && periodAfter <= periodBefore) return 'widened';
  if (amountAfter === amountBefore && periodAfter > periodBefore) return 'narrowed';
  if (amountAfter === amountBefore && periodAfter < periodBefore) return 'widened';
  return 'not-comparable';
}

/**
 * The fact an event states, for the types analytics reads; undefined for any other type
 * (they are none of analytics' business). Throws `FactError` naming the field when an
 * event of a read type has another schema version or lacks what analytics needs.
 */
export function readTeamFact(event: PublishedEvent): TeamFact | undefined {
  const { type } = event;
  if (!isTeamFactType(type)) return undefined;
  checkVersion(event, TEAM_FACT_VERSIONS[type]);
  const data = new Fields(type, event.data);
  const teamId = data.text('teamId');
  switch (type) {
    case 'TeamCreated':
      return { type, teamId, name: data.text('name'), unitId: data.optionalText('unitId'), createdAt: data.instant('createdAt') };
    case 'TeamRenamed':
      return { type, teamId, name: data.text('name') };
    case 'TeamMovedToUnit':
      return { type, teamId, unitId: data.text('unitId') };
    case 'TeamPhaseChanged':
      return { type, teamId, phase: data.oneOf('phase', TEAM_PHASES), changedAt: data.instant('changedAt') };
    case 'MemberAdded':
    case 'MemberRemoved':
    case 'YesGiven':
    case 'YesWithdrawn':
      return { type, teamId, memberId: data.key('memberId') };
    case 'DelegationLevelChanged':
      return {
        type,
        teamId,
        area: data.key('area'),
        previousLevel: data.has('previousLevel') ? level(data, 'previousLevel') : null,
        level: level(data, 'level'),
        changedAt: data.instant('changedAt'),
      };
    case 'TeamBoundarySet': {
      const boundary = data.object('boundary');
      const previous = data.optionalObject('previous');
      return {
        type,
        teamId,
        boundaryId: boundary.text('boundaryId'),
        kind: boundary.oneOf('kind', BOUNDARY_KINDS),
        added: previous === null,
        effect: boundaryEffect(previous, boundary),
        setAt: data.instant('setAt'),
      };
    }
    case 'TeamBoundaryRemoved': {
      const previous = data.object('previous');
      return { type, teamId, boundaryId: data.text('boundaryId'), kind: previous.oneOf('kind', BOUNDARY_KINDS), effect: boundaryEffect(previous, null), removedAt: data.instant('removedAt') };
    }
    case 'DecisionRecorded':
    case 'DecisionEscalated':
      return { type, teamId, decisionId: data.text('decisionId'), area: data.key('area'), at: data.instant(type === 'DecisionRecorded' ? 'decidedAt' : 'escalatedAt') };
    case 'EscalatedDecisionApproved':
    case 'EscalatedDecisionDeclined':
      return { type, teamId, decisionId: data.text('decisionId'), area: data.key('area'), at: data.instant(type === 'EscalatedDecisionApproved' ? 'approvedAt' : 'declinedAt') };
  }
}
