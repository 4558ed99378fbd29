/**
 * Commands on a tenant's lessons library: the lessons shared across teams, the tenant's
 * taxonomy of contributing factors and its due-date rule. The stream is the tenant's own
 * (`lessonsLibraryStreamId(ctx.tenantId)`).
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };

/** Sent by the service when a report records a lesson with `sharedWithLibrary`, copying that event. */
export type AddLessonToLibrary = Cmd<
  'AddLessonToLibrary',
  {
    readonly lessonId: string;
    readonly reportId: string;
    readonly teamId: string;
    readonly kind: string;
    readonly summary: string;
    readonly area: string;
    readonly tags: readonly string[];
  }
>;
export type AddContributingFactor = Cmd<'AddContributingFactor', { readonly factor: string; readonly label: string }>;
export type SetFollowUpDueRule = Cmd<'SetFollowUpDueRule', { readonly rule: unknown }>;

export type LibraryCommand = AddLessonToLibrary | AddContributingFactor | SetFollowUpDueRule;
