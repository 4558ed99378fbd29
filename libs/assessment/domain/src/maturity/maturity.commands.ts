import type { SealedValue } from '@leerzone/kernel';

type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnPerson<Data = object> = { readonly teamId: string; readonly memberId: string } & Data;

/**
 * Coach and member together: the actor is one of the two, and both are named. Whether
 * coachId coaches teamId and memberId belongs to it is the service's lookup (governance).
 */
export type RecordTaskMaturity = Cmd<
  'RecordTaskMaturity',
  OnPerson<{
    readonly coachId: string;
    /** A slug naming the task, such as budgeting or rostering. */
    readonly task: string;
    readonly taskTitle: string;
    readonly competence: string;
    readonly commitment: string;
    /** Free text about the member, sealed under the member's own subject. */
    readonly note?: SealedValue | null;
  }>
>;
/** The member no longer does the task; its history stays. Needs ctx.reason. */
export type RetireTask = Cmd<'RetireTask', OnPerson<{ readonly task: string }>>;

export type MaturityCommand = RecordTaskMaturity | RetireTask;
