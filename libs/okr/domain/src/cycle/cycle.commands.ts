/**
 * Commands on one cycle's stream. A cycle belongs to one tenant (the stream's tenant);
 * every team's retrospective for the previous period is recorded on the cycle it opens.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnCycle<Data = object> = { readonly cycleId: string } & Data;

/**
 * Dates: both given → those; only `startsOn` → one quarter long from it; `quarter`
 * (`2026-Q3`) → that calendar quarter; nothing → the calendar quarter after `ctx.now`.
 */
export type PlanCycle = Cmd<'PlanCycle', OnCycle<{ readonly name?: string; readonly quarter?: string; readonly startsOn?: string; readonly endsOn?: string }>>;
export type StartCycle = Cmd<'StartCycle', OnCycle>;
export type StartGrading = Cmd<'StartGrading', OnCycle>;
/** `ungradedObjectiveIds`: the committed objectives of this cycle not graded yet, from the service's read model. */
export type CloseCycle = Cmd<'CloseCycle', OnCycle<{ readonly ungradedObjectiveIds: readonly string[] }>>;

export type RecordRetrospective = Cmd<
  'RecordRetrospective',
  OnCycle<{
    readonly teamId: string;
    /** The cycle the lessons come from, when the team had one. */
    readonly previousCycleId?: string;
    readonly whatWorked: string;
    readonly whatDidNotWork: string;
    readonly whatWeLearned: string;
    readonly whatWeCarryForward?: string;
  }>
>;

export type CycleCommand = PlanCycle | StartCycle | StartGrading | CloseCycle | RecordRetrospective;
