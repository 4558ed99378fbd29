/**
 * The documents of analytics' read models, as analysts find them in MongoDB (docs/read-models.md).
 * A read model fed over a partitioned topic stays exact only when each document is written by
 * one stream (BusProjection), so there is one document per producing aggregate — a team, a
 * unit, a round, an objective, a cycle, a failure report — and the figures per team, unit,
 * organisation and period are computed from them (team-figures.ts, roll-ups.ts, signals.ts).
 * No document holds a survey respondent, an answer, a reporter, free text or anything of a
 * confidential case.
 */
import type { EventRef } from './fact-reader';
import type { Commitment, CyclePhase, KeyResultStatus, ObjectiveOwner } from './okr-facts';
import type { FailureKind, Severity } from './failure-facts';
import type { BoundaryEffect, BoundaryKind, DelegationLevel, TeamPhase } from './team-facts';
import type { InstrumentScores, Zone } from './assessment-facts';

export interface PhaseStep extends EventRef {
  readonly phase: TeamPhase;
  readonly since: string;
}

export interface DelegationChange extends EventRef {
  readonly area: string;
  readonly from: DelegationLevel | null;
  readonly to: DelegationLevel;
  readonly at: string;
}

/** Governance records a review that keeps the level as a change from a level to itself: a review, not a change. */
export const isLevelChange = (change: DelegationChange): boolean => change.from !== change.to;

export interface BoundaryChange extends EventRef {
  readonly boundaryId: string;
  readonly kind: BoundaryKind;
  readonly change: 'set' | 'removed';
  readonly effect: BoundaryEffect;
  readonly at: string;
}

export interface Escalation extends EventRef {
  readonly decisionId: string;
  readonly area: string;
  readonly at: string;
}

/** One team, from governance's team stream. */
export interface TeamRecord {
  readonly tenantId: string;
  readonly teamId: string;
  readonly name: string;
  readonly unitId: string | null;
  readonly phase: TeamPhase;
  readonly phaseSince: string;
  readonly phaseHistory: readonly PhaseStep[];
  readonly memberCount: number;
  /** Governance's pseudonymous ids of the current members who gave their explicit yes (a public act, not a survey answer). */
  readonly yesMemberIds: readonly string[];
  /** The delegation board: level per decision area that has been set (an area never set is level 1, Tell). */
  readonly delegation: Readonly<Record<string, DelegationLevel>>;
  readonly delegationChanges: readonly DelegationChange[];
  readonly boundaryCount: number;
  readonly boundaryChanges: readonly BoundaryChange[];
  readonly decisionsRecorded: number;
  readonly decisionsEscalated: number;
  /** Escalated decisions the layer above approved. */
  readonly decisionsApproved: number;
  /** Escalated decisions the layer above declined: refused. */
  readonly decisionsRefused: number;
  readonly decisionsByArea: Readonly<Record<string, { readonly recorded?: number; readonly escalated?: number; readonly approved?: number; readonly refused?: number }>>;
  readonly escalations: readonly Escalation[];
  readonly createdAt: string;
  readonly lastActivityAt: string;
}

/** One unit of an organisation, from governance's organisation stream. */
export interface UnitRecord {
  readonly tenantId: string;
  readonly organisationId: string;
  readonly unitId: string;
  readonly name: string;
  readonly parentUnitId: string | null;
}

export interface ZoneChangeRecord extends EventRef {
  readonly from: Zone | null;
  readonly to: Zone;
  readonly at: string;
}

/** One survey round, from assessment's round stream: the group's size and the team-level results only. */
export interface RoundRecord {
  readonly tenantId: string;
  readonly roundId: string;
  readonly teamId: string;
  readonly instrumentIds: readonly string[];
  readonly groupSize: number;
  /** The threshold frozen when the round opened (or raised while open): what respondents were promised. */
  readonly threshold: number;
  readonly openedAt: string;
  readonly state: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly outcome: 'results' | 'not-enough-answers' | null;
  /** The `RoundClosed` event. */
  readonly closed: EventRef | null;
  /** Only when the round closed with results, i.e. at least `threshold` answered. */
  readonly results: readonly InstrumentScores[];
  readonly zone: { readonly zone: Zone; readonly safety: number; readonly standards: number } | null;
  readonly zoneChange: ZoneChangeRecord | null;
}

/** A tenant's assessment settings, from its settings stream. */
export interface AssessmentSettingsRecord {
  readonly tenantId: string;
  readonly anonymityThreshold: number;
}

export interface KeyResultRecord {
  readonly weight: number;
  readonly removed: boolean;
  readonly status: KeyResultStatus | null;
  readonly attainment: number | null;
  readonly confidence: number | null;
  readonly checkIns: number;
  readonly lastCheckInAt: string | null;
  readonly score: number | null;
  readonly goalpostMoved: boolean;
}

export interface GradeRecord extends EventRef {
  readonly score: number;
  readonly achieved: boolean;
  readonly cycleEndsOn: string;
  readonly gradedAt: string;
}

/** One objective, from OKR's objective stream. */
export interface ObjectiveRecord {
  readonly tenantId: string;
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly owner: ObjectiveOwner;
  /** The owner's id when a team owns it; null for unit objectives. */
  readonly teamId: string | null;
  readonly commitment: Commitment;
  readonly committed: boolean;
  readonly keyResults: Readonly<Record<string, KeyResultRecord>>;
  readonly grade: GradeRecord | null;
  readonly definedAt: string;
}

/** One OKR cycle, from its stream. */
export interface CycleRecord {
  readonly tenantId: string;
  readonly cycleId: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly phase: CyclePhase;
}

export interface RepeatRecord extends EventRef {
  readonly lessonId: string;
  readonly lessonReportId: string;
  readonly preventionActionId: string | null;
  /** The prevention action of the earlier lesson as it stood when the repeat was flagged; null when there was none. */
  readonly preventionDone: boolean | null;
  readonly at: string;
}

export interface ActionRecord {
  readonly purpose: 'prevention' | 'follow-up';
  readonly ownerTeamId: string;
  readonly dueOn: string;
  readonly status: 'open' | 'done' | 'not-doing';
}

/** One failure report, from failure-learning's report stream: blameless facts only. */
export interface ReportRecord {
  readonly tenantId: string;
  readonly reportId: string;
  readonly teamId: string;
  readonly severity: Severity;
  readonly area: string;
  readonly occurredAt: string;
  readonly noticedAt: string;
  readonly timeToDetectionMinutes: number;
  readonly reportedAt: string;
  readonly reported: EventRef;
  readonly kind: FailureKind | null;
  readonly cause: string | null;
  readonly repeats: readonly RepeatRecord[];
  readonly actions: Readonly<Record<string, ActionRecord>>;
  readonly speakUpRecognitions: number;
}
