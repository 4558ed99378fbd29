import { Injectable } from '@nestjs/common';
import { fold } from '@leerzone/kernel';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { TenantStreams } from '@leerzone/service-kit';
import {
  lessonsLibraryStreamId,
  libraryDecider,
  type LessonReference,
  type LibraryEvent,
  type LibraryState,
  type ReviewActionInput,
  type ReviewReportInput,
} from '@leerzone/failure-learning-domain';
import { FOLLOW_UPS_PROJECTION, type FollowUpDocument } from '../reports/read-model/follow-ups.projection';
import { LESSONS_PROJECTION, type LessonDocument } from '../reports/read-model/lessons.projection';
import { REPORTS_PROJECTION, type ReportDocument } from '../reports/read-model/reports.projection';

/** Enough for any one decision; a team with more open actions than this has other problems. */
const MAX_LOOKUP = 500;

/**
 * The facts a decision needs from other streams, read at decision time (inside `lookup`, so
 * again on every retry): the lessons a team may see with their prevention's current status,
 * the tenant's library (due rule, taxonomy), and a review's starting point.
 */
@Injectable()
export class LearningFacts {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly streams: TenantStreams,
  ) {}

  private get lessons() {
    return this.projections.readModels.collection<LessonDocument>(LESSONS_PROJECTION, 'lessons');
  }
  private get actions() {
    return this.projections.readModels.collection<FollowUpDocument>(FOLLOW_UPS_PROJECTION, 'actions');
  }
  private get reports() {
    return this.projections.readModels.collection<ReportDocument>(REPORTS_PROJECTION, 'reports');
  }

  /** The tenant's lessons library as its decider folds it (the defaults when it has no events yet). */
  async library(tenantId: string): Promise<LibraryState> {
    const events = (await this.streams.read(lessonsLibraryStreamId(tenantId), tenantId)) ?? [];
    return fold(libraryDecider, events as unknown as readonly LibraryEvent[]);
  }

  /**
   * The lessons team `teamId` may see — its own and the tenant library's — in `area` or among
   * `linked`: all "not twice" can match on (an explicit link, or the area and its tags).
   */
  async knownLessons(tenantId: string, teamId: string, area: string | null, linked: readonly string[] = []): Promise<LessonReference[]> {
    const where = [...(area ? [{ area }] : []), ...(linked.length > 0 ? [{ lessonId: { $in: [...linked] } }] : [])];
    return this.visibleLessons(tenantId, teamId, where.length > 0 ? { $or: where } : {});
  }

  /** Every lesson the team may see (for suggestions), newest first. */
  async visibleLessons(tenantId: string, teamId: string, extra: Record<string, unknown> = {}, limit = MAX_LOOKUP): Promise<LessonReference[]> {
    const { items } = await this.lessons.find({ $and: [{ tenantId }, { $or: [{ teamId }, { inLibrary: true }] }, extra] }, { sort: { recordedAt: -1 }, limit });
    return this.withPreventionStatus(tenantId, items);
  }

  async withPreventionStatus(tenantId: string, lessons: readonly LessonDocument[]): Promise<LessonReference[]> {
    const reportIds = [...new Set(lessons.filter((l) => l.preventionActionId).map((l) => l.reportId))];
    const actions = reportIds.length > 0 ? (await this.actions.find({ tenantId, reportId: { $in: reportIds } }, { limit: MAX_LOOKUP })).items : [];
    const byKey = new Map(actions.map((a) => [`${a.reportId}/${a.actionId}`, a]));
    return lessons.map((lesson) => {
      const action = lesson.preventionActionId ? byKey.get(`${lesson.reportId}/${lesson.preventionActionId}`) : undefined;
      return {
        lessonId: lesson.lessonId,
        reportId: lesson.reportId,
        teamId: lesson.teamId,
        kind: lesson.kind,
        summary: lesson.summary,
        area: lesson.area,
        tags: lesson.tags,
        preventionAction: action ? { actionId: action.actionId, description: action.description, status: action.status } : null,
      };
    });
  }

  /** A review starts from the team's open actions ("forward failing")… */
  async openActions(tenantId: string, teamId: string): Promise<ReviewActionInput[]> {
    const { items } = await this.actions.find({ tenantId, ownerTeamId: teamId, status: 'open' }, { sort: { dueOn: 1 }, limit: MAX_LOOKUP });
    return items.map(({ reportId, actionId, description, ownerTeamId, dueOn, status }) => ({ reportId, actionId, description, ownerTeamId, dueOn, status }));
  }

  /** …and the team's reports in (since, now]. */
  async reportsSince(tenantId: string, teamId: string, since: string | null, now: Date): Promise<ReviewReportInput[]> {
    const window: Record<string, unknown> = { $lte: now.toISOString(), ...(since ? { $gt: since } : {}) };
    const { items } = await this.reports.find({ tenantId, teamId, reportedAt: window }, { sort: { reportedAt: 1 }, limit: MAX_LOOKUP });
    return items.map(({ reportId, reportedAt, kind }) => ({ reportId, reportedAt, kind }));
  }
}

