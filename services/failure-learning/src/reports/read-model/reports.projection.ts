import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { REPORT_EVENT_TYPES, REPORT_STREAM_PREFIX, type FailureCause, type FailureKind, type IntelligentFailureAttributes, type Money, type ReportEvent, type Severity } from '@leerzone/failure-learning-domain';

export const REPORTS_PROJECTION = 'failure-learning.reports';

/**
 * A blameless report as teams read it. An anonymous report keeps only `anonymous: true`: no
 * user id and not even the sealed identity, so no read model links a person to the report.
 */
export interface ReportDocument {
  _id: string;
  tenantId: string;
  reportId: string;
  teamId: string;
  expected: string;
  happened: string;
  context: string;
  impact: { description: string; cost: Money | null };
  severity: Severity;
  occurredAt: string;
  noticedAt: string;
  timeToDetectionMinutes: number;
  area: string;
  tags: string[];
  linkedLessonIds: string[];
  anonymous: boolean;
  /** The named reporter; null when anonymous. */
  reporterId: string | null;
  reportedAt: string;
  /** The report stream's version: the ETag for If-Match. */
  version: number;
  kind: FailureKind | null;
  cause: FailureCause | null;
  attributes: IntelligentFailureAttributes | null;
  classifiedBy: string | null;
  classifiedAt: string | null;
  reclassifications: { previousKind: FailureKind; previousCause: FailureCause; kind: FailureKind; cause: FailureCause; reason: string; by: string; at: string }[];
  repeats: RepeatEntry[];
  repeatCount: number;
  lessonIds: string[];
  systemAnalysis: { contributingFactors: { factor: string; description: string }[]; missedWeakSignals: string[]; howToSpotSooner: string; by: string; at: string } | null;
  learning: { hypothesis: string; learned: string; cost: Money | null; by: string; at: string } | null;
  celebration: { how: string; celebratedOn: string; by: string; at: string } | null;
  [key: string]: unknown;
}

export interface RepeatEntry {
  lessonId: string;
  lessonReportId: string;
  lessonTeamId: string;
  lessonKind: FailureKind;
  matchedBy: string;
  /** The lesson's prevention action as it stood when the repeat was flagged. */
  preventionAction: { actionId: string; description: string; status: string; done: boolean } | null;
  flaggedBy: string;
  flaggedAt: string;
}


export const reportDocumentId = (tenantId: string, reportId: string): string => `${tenantId}/${reportId}`;

export const reportsProjection = defineProjection({
  name: REPORTS_PROJECTION,
  version: 1,
  collections: { reports: { indexes: [{ keys: { tenantId: 1, teamId: 1, reportedAt: -1 } }, { keys: { tenantId: 1, anonymous: 1 } }] } },
  handles: REPORT_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    if (!stored.streamId.startsWith(REPORT_STREAM_PREFIX)) return;
    const event = { type: stored.type, data: stored.data } as ReportEvent;
    const version = stored.streamPosition;
    const reports = write.collection<ReportDocument>('reports');
    const id = reportDocumentId(stored.tenantId, event.data.reportId);
    switch (event.type) {
      case 'FailureReported': {
        const d = event.data;
        return reports.put(id, {
          tenantId: stored.tenantId,
          reportId: d.reportId,
          teamId: d.teamId,
          expected: d.expected,
          happened: d.happened,
          context: d.context,
          impact: { description: d.impact.description, cost: d.impact.cost },
          severity: d.severity,
          occurredAt: d.occurredAt,
          noticedAt: d.noticedAt,
          timeToDetectionMinutes: d.timeToDetectionMinutes,
          area: d.area,
          tags: [...d.tags],
          linkedLessonIds: [...d.linkedLessonIds],
          // Deliberately not the sealed identity: the link stays in the event store and the vault.
          anonymous: d.reporter.anonymous,
          reporterId: d.reporter.anonymous ? null : d.reporter.reporterId,
          reportedAt: d.reportedAt,
          version,
          kind: null,
          cause: null,
          attributes: null,
          classifiedBy: null,
          classifiedAt: null,
          reclassifications: [],
          repeats: [],
          repeatCount: 0,
          lessonIds: [],
          systemAnalysis: null,
          learning: null,
          celebration: null,
        });
      }
      case 'FailureClassified': {
        const { kind, cause, attributes, classifiedBy, classifiedAt } = event.data;
        return reports.update(id, { $set: { kind, cause, attributes, classifiedBy, classifiedAt, version } });
      }
      case 'FailureReclassified': {
        const { previousKind, previousCause, kind, cause, attributes, reason, reclassifiedBy, reclassifiedAt } = event.data;
        return reports.update(id, {
          $set: { kind, cause, attributes, classifiedBy: reclassifiedBy, classifiedAt: reclassifiedAt, version },
          $push: { reclassifications: { previousKind, previousCause, kind, cause, reason, by: reclassifiedBy, at: reclassifiedAt } },
        });
      }
      case 'RepeatFailureFlagged': {
        const { lessonId, lessonReportId, lessonTeamId, lessonKind, matchedBy, preventionAction, flaggedBy, flaggedAt } = event.data;
        const entry: RepeatEntry = { lessonId, lessonReportId, lessonTeamId, lessonKind, matchedBy, preventionAction: preventionAction && { ...preventionAction }, flaggedBy, flaggedAt };
        return reports.update(id, { $push: { repeats: entry }, $inc: { repeatCount: 1 }, $set: { version } });
      }
      case 'LessonRecorded':
        return reports.update(id, { $push: { lessonIds: event.data.lessonId }, $set: { version } });
      case 'SystemAnalysisRecorded': {
        const { contributingFactors, missedWeakSignals, howToSpotSooner, analysedBy, analysedAt } = event.data;
        return reports.update(id, {
          $set: { systemAnalysis: { contributingFactors: contributingFactors.map((f) => ({ ...f })), missedWeakSignals: [...missedWeakSignals], howToSpotSooner, by: analysedBy, at: analysedAt }, version },
        });
      }
      case 'IntelligentFailureLearningRecorded': {
        const { hypothesis, learned, cost, recordedBy, recordedAt } = event.data;
        return reports.update(id, { $set: { learning: { hypothesis, learned, cost, by: recordedBy, at: recordedAt }, version } });
      }
      case 'IntelligentFailureCelebrated': {
        const { how, celebratedOn, recordedBy, recordedAt } = event.data;
        return reports.update(id, { $set: { celebration: { how, celebratedOn, by: recordedBy, at: recordedAt }, version } });
      }
      case 'SpeakingUpRecognised':
      case 'FollowUpActionPlanned':
      case 'FollowUpActionCompleted':
      case 'FollowUpActionDeclined':
        return reports.update(id, { $set: { version } });
    }
  },
});
