/**
 * Commands on a team's reflection stream. The review's starting point — the team's open
 * actions and the reports since its last review — is a lookup the service reads from its
 * read models; the decider checks it fits the window, it cannot see other streams.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnTeam<Data = object> = { readonly teamId: string } & Data;

export interface ReviewActionInput {
  readonly reportId: string;
  readonly actionId: string;
  readonly description: string;
  readonly ownerTeamId: string;
  readonly dueOn: string;
  readonly status: string;
}
export interface ReviewReportInput {
  readonly reportId: string;
  readonly reportedAt: string;
  readonly kind: string | null;
}

export type SetReflectionCadence = Cmd<'SetReflectionCadence', OnTeam<{ readonly everyWeeks: number; readonly startsOn: string }>>;
export type StartReflectionReview = Cmd<
  'StartReflectionReview',
  OnTeam<{ readonly reviewId: string; readonly openActions: readonly ReviewActionInput[]; readonly reportsSinceLastReview: readonly ReviewReportInput[] }>
>;
export type CompleteReflectionReview = Cmd<'CompleteReflectionReview', OnTeam<{ readonly reviewId: string; readonly takeaways: readonly string[] }>>;

export type ReflectionCommand = SetReflectionCadence | StartReflectionReview | CompleteReflectionReview;
