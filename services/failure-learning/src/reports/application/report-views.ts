import { Inject, Injectable } from '@nestjs/common';
import type { PersonalDataVault } from '@leerzone/kernel';
import { isErased } from '@leerzone/kernel';
import { PERSONAL_DATA_VAULT, ProblemException, ProjectionsHost, type Principal } from '@leerzone/nest-platform';
import { reportStreamId, type FailureReported } from '@leerzone/failure-learning-domain';
import { TenantStreams } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';
import { FOLLOW_UPS_PROJECTION, type FollowUpDocument } from '../read-model/follow-ups.projection';
import { REPORTS_PROJECTION, reportDocumentId, type ReportDocument } from '../read-model/reports.projection';

/** How a report names its reporter to a reader: the named reporter's id, or only that it was anonymous (and, to the reporter alone, that it was them). */
export type ReporterView = { readonly anonymous: false; readonly reporterId: string } | { readonly anonymous: true; readonly you?: true };

/** Anonymous reports a reporter can look through for their own, newest first. */
const MAX_ANONYMOUS_SCAN = 2_000;

@Injectable()
export class ReportViews {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly streams: TenantStreams,
    private readonly access: TeamAccess,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  get reports() {
    return this.projections.readModels.collection<ReportDocument>(REPORTS_PROJECTION, 'reports');
  }
  get actions() {
    return this.projections.readModels.collection<FollowUpDocument>(FOLLOW_UPS_PROJECTION, 'actions');
  }

  /** The report, if the caller may read it (its team, or a tenant-wide reader); 404 also for another tenant's. */
  async requireReadable(principal: Principal, reportId: string): Promise<ReportDocument> {
    const report = await this.reports.findOne({ _id: reportDocumentId(principal.tenantId, reportId), tenantId: principal.tenantId });
    if (!report) throw ProblemException.notFound('REPORT.NOT_FOUND', `There is no failure report ${reportId}.`);
    await this.access.requireReader(principal, report.teamId);
    return report;
  }

  /**
   * Whether `userId` made this anonymous report: the seal is opened for that one question, the
   * answer goes only to that user, and nothing of it is kept.
   */
  async isAnonymousReporter(tenantId: string, reportId: string, userId: string): Promise<boolean> {
    const events = await this.streams.read(reportStreamId(tenantId, reportId), tenantId);
    const reported = events?.find((e) => e.type === 'FailureReported')?.data as FailureReported['data'] | undefined;
    if (!reported?.reporter.anonymous) return false;
    const identity = await this.vault.open(reported.reporter.identity);
    return !isErased(identity) && identity === userId;
  }

  /** The caller's own anonymous reports, found by opening the seals: no read model holds the link. */
  async anonymousReportsOf(principal: Principal): Promise<ReportDocument[]> {
    const { items } = await this.reports.find({ tenantId: principal.tenantId, anonymous: true }, { sort: { reportedAt: -1 }, limit: MAX_ANONYMOUS_SCAN });
    const mine: ReportDocument[] = [];
    for (const report of items) if (await this.isAnonymousReporter(principal.tenantId, report.reportId, principal.userId)) mine.push(report);
    return mine;
  }

  /** A report for the API; `you` only when the caller is its anonymous reporter. */
  view(report: ReportDocument, options: { readonly you?: boolean } = {}) {
    const { _id, tenantId: _tenant, anonymous, reporterId, ...rest } = report;
    const reporter: ReporterView = anonymous ? { anonymous: true, ...(options.you ? { you: true as const } : {}) } : { anonymous: false, reporterId: reporterId! };
    return { ...rest, reporter };
  }

  /** Short form for lists. */
  summary(report: ReportDocument) {
    const { reportId, teamId, happened, severity, area, tags, reportedAt, kind, cause, repeatCount, anonymous, reporterId, timeToDetectionMinutes } = report;
    return { reportId, teamId, happened, severity, area, tags, reportedAt, kind, cause, repeatCount, timeToDetectionMinutes, reporter: anonymous ? { anonymous: true } : { anonymous: false, reporterId } };
  }

  /** Current status of actions by `<reportId>/<actionId>`. */
  async actionStatuses(tenantId: string, keys: readonly { reportId: string; actionId: string }[]): Promise<Map<string, FollowUpDocument>> {
    const reportIds = [...new Set(keys.map((k) => k.reportId))];
    if (reportIds.length === 0) return new Map();
    const { items } = await this.actions.find({ tenantId, reportId: { $in: reportIds } }, { limit: 1_000 });
    return new Map(items.map((a) => [`${a.reportId}/${a.actionId}`, a]));
  }
}
