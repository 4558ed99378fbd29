import { FAILURE_FACT_TYPES, readFailureFact, type ReportRecord } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';
import { documentId, refOf } from '../../shared/event-ref';

export const FAILURE_REPORTS_PROJECTION = 'analytics.failure-reports';

export type ReportDocument = ReportRecord & { _id: string; [key: string]: unknown };

/**
 * One document per failure report (from its report stream), fed over the bus from
 * failure-learning: when, which team, how severe, the kind, repeats of earlier lessons with
 * their prevention, the follow-up actions' states and the speak-up recognitions. Never the
 * reporter, never what was written. Confidential cases are not on the topic at all.
 */
export const failureReportsProjection = defineProjection({
  name: FAILURE_REPORTS_PROJECTION,
  version: 1,
  collections: {
    reports: { indexes: [{ keys: { tenantId: 1, teamId: 1, reportedAt: 1 } }, { keys: { tenantId: 1, reportedAt: 1 } }] },
  },
  handles: FAILURE_FACT_TYPES,
  apply(event, write) {
    const fact = readFailureFact(event);
    if (!fact) return;
    const { tenantId } = event;
    const reports = write.collection<ReportDocument>('reports');
    const id = documentId(tenantId, fact.reportId);
    switch (fact.type) {
      case 'FailureReported':
        return reports.put(id, {
          tenantId,
          reportId: fact.reportId,
          teamId: fact.teamId,
          severity: fact.severity,
          area: fact.area,
          occurredAt: fact.occurredAt,
          noticedAt: fact.noticedAt,
          timeToDetectionMinutes: fact.timeToDetectionMinutes,
          reportedAt: fact.reportedAt,
          reported: refOf(event),
          kind: null,
          cause: null,
          repeats: [],
          actions: {},
          speakUpRecognitions: 0,
        });
      case 'SpeakingUpRecognised':
        return reports.update(id, { $inc: { speakUpRecognitions: 1 } });
      case 'FailureClassified':
      case 'FailureReclassified':
        return reports.update(id, { $set: { kind: fact.kind, cause: fact.cause } });
      case 'RepeatFailureFlagged':
        return reports.update(id, {
          $push: { repeats: { ...refOf(event), lessonId: fact.lessonId, lessonReportId: fact.lessonReportId, preventionActionId: fact.preventionActionId, preventionDone: fact.preventionDone, at: fact.flaggedAt } },
        });
      case 'FollowUpActionPlanned':
        return reports.update(id, { $set: { [`actions.${fact.actionId}`]: { purpose: fact.purpose, ownerTeamId: fact.ownerTeamId, dueOn: fact.dueOn, status: 'open' } } });
      case 'FollowUpActionCompleted':
      case 'FollowUpActionDeclined':
        return reports.update(id, { $set: { [`actions.${fact.actionId}.status`]: fact.status } });
    }
  },
});
