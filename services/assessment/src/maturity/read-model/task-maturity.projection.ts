import type { SealedValue, StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { MaturityAssessment, MaturityEvent } from '@leerzone/assessment-domain';

export const TASK_MATURITY_PROJECTION = 'assessment.task-maturity';

/**
 * An assessment as the read model keeps it. The projection store refuses `$`-keys (MongoDB
 * semantics), so the sealed note is kept as its JSON text and opened by the query.
 */
export type StoredMaturityAssessment = Omit<MaturityAssessment, 'note'> & { readonly note: string | null };

export const storedNote = (note: SealedValue | null): string | null => (note ? JSON.stringify(note) : null);
export const sealedNote = (note: string | null): SealedValue | null => (note ? (JSON.parse(note) as SealedValue) : null);

/**
 * One member's one task in one team: the current assessment and its history. Visible to
 * the member and the team's coach only (canSeeTaskMaturity, applied by every query). The
 * note stays sealed under the member's own subject; queries open it.
 */
export interface TaskMaturityDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  memberId: string;
  task: string;
  taskTitle: string;
  current: StoredMaturityAssessment;
  history: StoredMaturityAssessment[];
  retiredAt: string | null;
  retiredReason: string | null;
  [key: string]: unknown;
}

export const taskMaturityId = (tenantId: string, teamId: string, memberId: string, task: string) => `${tenantId}/${teamId}/${memberId}/${task}`;

export const taskMaturityProjection = defineProjection({
  name: TASK_MATURITY_PROJECTION,
  version: 1,
  collections: { tasks: { indexes: [{ keys: { tenantId: 1, teamId: 1, memberId: 1, task: 1 } }] } },
  handles: ['TaskMaturityRecorded', 'TaskRetired'],
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as MaturityEvent;
    const tasks = write.collection<TaskMaturityDocument>('tasks');
    const { teamId, memberId, task } = event.data;
    const id = taskMaturityId(stored.tenantId, teamId, memberId, task);
    switch (event.type) {
      case 'TaskMaturityRecorded': {
        const { teamId: _team, memberId: _member, ...assessment } = event.data;
        const current: StoredMaturityAssessment = { ...assessment, note: storedNote(assessment.note) };
        return tasks.upsert(id, {
          $set: { tenantId: stored.tenantId, teamId, memberId, task, taskTitle: assessment.taskTitle, current, retiredAt: null, retiredReason: null },
          $push: { history: current },
        });
      }
      case 'TaskRetired':
        return tasks.update(id, { $set: { retiredAt: event.data.retiredAt, retiredReason: event.data.reason } });
    }
  },
});
