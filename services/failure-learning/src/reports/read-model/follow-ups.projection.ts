import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { REPORT_STREAM_PREFIX, type FollowUpPurpose, type FollowUpStatus, type PreventionKind, type ReportEvent, type Severity } from '@leerzone/failure-learning-domain';

export const FOLLOW_UPS_PROJECTION = 'failure-learning.follow-ups';

/** A follow-up action of a report, with its status: open, done, not doing. */
export interface FollowUpDocument {
  _id: string;
  tenantId: string;
  reportId: string;
  actionId: string;
  purpose: FollowUpPurpose;
  preventionKind: PreventionKind | null;
  description: string;
  ownerTeamId: string;
  severity: Severity;
  dueOn: string;
  status: FollowUpStatus;
  plannedBy: string;
  plannedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  note: string | null;
  declineReason: string | null;
  [key: string]: unknown;
}

const HANDLED = ['FollowUpActionPlanned', 'FollowUpActionCompleted', 'FollowUpActionDeclined'] as const;
type Handled = Extract<ReportEvent, { type: (typeof HANDLED)[number] }>;

export const followUpDocumentId = (tenantId: string, reportId: string, actionId: string): string => `${tenantId}/${reportId}/${actionId}`;

export const followUpsProjection = defineProjection({
  name: FOLLOW_UPS_PROJECTION,
  version: 1,
  collections: { actions: { indexes: [{ keys: { tenantId: 1, ownerTeamId: 1, status: 1, dueOn: 1 } }, { keys: { tenantId: 1, reportId: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    if (!stored.streamId.startsWith(REPORT_STREAM_PREFIX)) return;
    const event = { type: stored.type, data: stored.data } as Handled;
    const actions = write.collection<FollowUpDocument>('actions');
    const id = followUpDocumentId(stored.tenantId, event.data.reportId, event.data.actionId);
    switch (event.type) {
      case 'FollowUpActionPlanned': {
        const d = event.data;
        return actions.put(id, {
          tenantId: stored.tenantId,
          reportId: d.reportId,
          actionId: d.actionId,
          purpose: d.purpose,
          preventionKind: d.preventionKind,
          description: d.description,
          ownerTeamId: d.ownerTeamId,
          severity: d.severity,
          dueOn: d.dueOn,
          status: 'open',
          plannedBy: d.plannedBy,
          plannedAt: d.plannedAt,
          closedBy: null,
          closedAt: null,
          note: null,
          declineReason: null,
        });
      }
      case 'FollowUpActionCompleted':
        return actions.update(id, { $set: { status: 'done', closedBy: event.data.completedBy, closedAt: event.data.completedAt, note: event.data.note } });
      case 'FollowUpActionDeclined':
        return actions.update(id, { $set: { status: 'not-doing', closedBy: event.data.declinedBy, closedAt: event.data.declinedAt, declineReason: event.data.reason } });
    }
  },
});
