import type { SealedValue } from '@leerzone/kernel';
import type { LessonReference } from '../lessons/lesson.model';

/**
 * Commands on one failure report's stream. Inputs arrive from HTTP, so fields are typed
 * loosely where the decider validates them. Lookups the decider needs from other streams
 * arrive as fields filled by the service, never by the caller:
 * - `knownLessons`: the lessons visible to the report's team (its own and the tenant's
 *   library), from the lessons read model — at least those in the report's area and those
 *   it links;
 * - `dueRule`: the tenant's due-date rule, from the lessons-library stream;
 * - `contributingFactors`: the tenant's taxonomy, from the lessons-library stream.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnReport<Data = object> = { readonly reportId: string } & Data;

/** Named: the actor is the reporter. Anonymous: identity sealed under `anonymousReporterSubject(reportId)`. */
export type ReporterInput = { readonly anonymous: false } | { readonly anonymous: true; readonly identity: SealedValue };

export interface ImpactInput {
  readonly description: string;
  readonly cost?: { readonly amount: number; readonly currency: string } | null;
}

/** "What happened?" — never "who did this?". There is no field for blame, and one sent is refused. */
export type ReportFailure = Cmd<
  'ReportFailure',
  OnReport<{
    readonly teamId: string;
    readonly expected: string;
    readonly happened: string;
    readonly context: string;
    readonly impact: ImpactInput;
    readonly severity: string;
    /** When it happened, and when someone noticed: the difference is the time to detection. */
    readonly occurredAt: string;
    readonly noticedAt: string;
    readonly area: string;
    readonly tags?: readonly string[];
    /** Earlier lessons the reporter recognised among the suggestions. */
    readonly linkedLessonIds?: readonly string[];
    readonly reporter: ReporterInput;
    readonly knownLessons: readonly LessonReference[];
  }>
>;

export interface IntelligentAttributesInput {
  readonly newTerritory?: boolean;
  readonly credibleOpportunity?: boolean;
  readonly hypothesis?: string | null;
  readonly asSmallAsPossible?: boolean;
}

export interface ClassificationInput {
  readonly kind: string;
  readonly cause: string;
  /** Required, all four, for an intelligent failure. */
  readonly attributes?: IntelligentAttributesInput;
  readonly knownLessons: readonly LessonReference[];
}

export type ClassifyFailure = Cmd<'ClassifyFailure', OnReport<ClassificationInput>>;
/** The reason is ctx.reason, like every other "why". */
export type ReclassifyFailure = Cmd<'ReclassifyFailure', OnReport<ClassificationInput>>;

export interface LessonInput {
  readonly lessonId: string;
  readonly summary: string;
  /** Defaults to the report's tags; a lesson needs at least one. */
  readonly tags?: readonly string[];
  /** Basic and complex lessons may be shared with the tenant's library; intelligent ones always are. */
  readonly shareWithLibrary?: boolean;
}

export type RecordBasicFailureResponse = Cmd<
  'RecordBasicFailureResponse',
  OnReport<{
    readonly prevention: { readonly actionId: string; readonly kind: string; readonly description: string; readonly ownerTeamId: string };
    readonly lesson: LessonInput;
    readonly dueRule: unknown;
  }>
>;

export type RecordSystemAnalysis = Cmd<
  'RecordSystemAnalysis',
  OnReport<{
    readonly contributingFactors: readonly { readonly factor: string; readonly description: string }[];
    readonly missedWeakSignals: readonly string[];
    readonly howToSpotSooner: string;
    readonly lesson: LessonInput;
    readonly taxonomy: readonly string[];
  }>
>;

export type RecordIntelligentFailureLearning = Cmd<
  'RecordIntelligentFailureLearning',
  OnReport<{ readonly learned: string; readonly cost?: { readonly amount: number; readonly currency: string } | null; readonly lesson: LessonInput }>
>;

export type CelebrateIntelligentFailure = Cmd<'CelebrateIntelligentFailure', OnReport<{ readonly how: string; readonly celebratedOn: string }>>;

export type PlanFollowUpAction = Cmd<
  'PlanFollowUpAction',
  OnReport<{ readonly actionId: string; readonly description: string; readonly ownerTeamId: string; readonly dueRule: unknown }>
>;
export type CompleteFollowUpAction = Cmd<'CompleteFollowUpAction', OnReport<{ readonly actionId: string; readonly note?: string }>>;
/** "Not doing" needs ctx.reason. */
export type DeclineFollowUpAction = Cmd<'DeclineFollowUpAction', OnReport<{ readonly actionId: string }>>;

export type ReportCommand =
  | ReportFailure
  | ClassifyFailure
  | ReclassifyFailure
  | RecordBasicFailureResponse
  | RecordSystemAnalysis
  | RecordIntelligentFailureLearning
  | CelebrateIntelligentFailure
  | PlanFollowUpAction
  | CompleteFollowUpAction
  | DeclineFollowUpAction;
