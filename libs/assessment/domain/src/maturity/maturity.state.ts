import { assertNever } from '@leerzone/kernel';
import type { MaturityEvent, TaskMaturityRecorded } from './maturity.events';

export type MaturityAssessment = Omit<TaskMaturityRecorded['data'], 'teamId' | 'memberId'>;

export interface TaskMaturityState {
  readonly task: string;
  readonly title: string;
  /** Oldest first; the last is the current one. */
  readonly history: readonly MaturityAssessment[];
  readonly retiredAt: string | null;
}

export interface MaturityState {
  readonly exists: boolean;
  readonly teamId: string | null;
  readonly memberId: string | null;
  readonly tasks: ReadonlyMap<string, TaskMaturityState>;
}

export const initialMaturityState: MaturityState = { exists: false, teamId: null, memberId: null, tasks: new Map() };

export function evolveMaturity(state: MaturityState, event: MaturityEvent): MaturityState {
  switch (event.type) {
    case 'TaskMaturityRecorded': {
      const { teamId, memberId, ...assessment } = event.data;
      const task = state.tasks.get(assessment.task);
      const next: TaskMaturityState = { task: assessment.task, title: assessment.taskTitle, history: [...(task?.history ?? []), assessment], retiredAt: null };
      return { exists: true, teamId, memberId, tasks: new Map(state.tasks).set(assessment.task, next) };
    }
    case 'TaskRetired': {
      const task = state.tasks.get(event.data.task);
      return task ? { ...state, tasks: new Map(state.tasks).set(task.task, { ...task, retiredAt: event.data.retiredAt }) } : state;
    }
    default:
      return assertNever(event);
  }
}
