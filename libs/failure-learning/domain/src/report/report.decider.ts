import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import { classifyFailure, reclassifyFailure } from './classification.rules';
import { completeFollowUpAction, declineFollowUpAction, planFollowUpAction } from './follow-up.rules';
import type { ReportCommand } from './report.commands';
import type { ReportEvent } from './report.events';
import type { ReportState } from './report.state';
import { evolveReport, initialReportState } from './report.state';
import { reportFailure } from './reporting.rules';
import { celebrateIntelligentFailure, recordBasicFailureResponse, recordIntelligentFailureLearning, recordSystemAnalysis } from './response.rules';

export const REPORT_STREAM_PREFIX = 'failure-learning-report-';
export const reportStreamId = (tenantId: string, reportId: string): string => aggregateStreamId(REPORT_STREAM_PREFIX, tenantId, reportId);

/**
 * One failure report, one stream: the blameless account, its classification, the response
 * its kind calls for, its lesson and its follow-up actions. A report's follow-ups live with
 * it because "was the prevention done?" is a fact about that lesson; lessons of other
 * reports reach it only as a lookup (`knownLessons`) at decision time.
 */
export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  initialState: initialReportState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'ReportFailure':
        return reportFailure(command, state, ctx);
      case 'ClassifyFailure':
        return classifyFailure(command, state, ctx);
      case 'ReclassifyFailure':
        return reclassifyFailure(command, state, ctx);
      case 'RecordBasicFailureResponse':
        return recordBasicFailureResponse(command, state, ctx);
      case 'RecordSystemAnalysis':
        return recordSystemAnalysis(command, state, ctx);
      case 'RecordIntelligentFailureLearning':
        return recordIntelligentFailureLearning(command, state, ctx);
      case 'CelebrateIntelligentFailure':
        return celebrateIntelligentFailure(command, state, ctx);
      case 'PlanFollowUpAction':
        return planFollowUpAction(command, state, ctx);
      case 'CompleteFollowUpAction':
        return completeFollowUpAction(command, state, ctx);
      case 'DeclineFollowUpAction':
        return declineFollowUpAction(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveReport,
};
