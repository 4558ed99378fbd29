import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { LIBRARY_STREAM_PREFIX, REPORT_STREAM_PREFIX, type FailureKind, type LessonAddedToLibrary, type LessonRecorded } from '@leerzone/failure-learning-domain';

export const LESSONS_PROJECTION = 'failure-learning.lessons';

/** A lesson as "not twice" looks it up: from its report's `LessonRecorded`, and marked once the tenant's library holds it. */
export interface LessonDocument {
  _id: string;
  tenantId: string;
  lessonId: string;
  reportId: string;
  teamId: string;
  kind: FailureKind;
  summary: string;
  area: string;
  tags: string[];
  preventionActionId: string | null;
  sharedWithLibrary: boolean;
  inLibrary: boolean;
  recordedAt: string;
  addedToLibraryAt: string | null;
  [key: string]: unknown;
}

export const lessonDocumentId = (tenantId: string, lessonId: string): string => `${tenantId}/${lessonId}`;

export const lessonsProjection = defineProjection({
  name: LESSONS_PROJECTION,
  version: 1,
  collections: { lessons: { indexes: [{ keys: { tenantId: 1, teamId: 1, area: 1 } }, { keys: { tenantId: 1, inLibrary: 1, area: 1 } }] } },
  handles: ['LessonRecorded', 'LessonAddedToLibrary'],
  apply(stored: StoredEvent, write) {
    const lessons = write.collection<LessonDocument>('lessons');
    if (stored.type === 'LessonRecorded' && stored.streamId.startsWith(REPORT_STREAM_PREFIX)) {
      const d = stored.data as LessonRecorded['data'];
      return lessons.upsert(lessonDocumentId(stored.tenantId, d.lessonId), {
        $set: {
          tenantId: stored.tenantId,
          lessonId: d.lessonId,
          reportId: d.reportId,
          teamId: d.teamId,
          kind: d.kind,
          summary: d.summary,
          area: d.area,
          tags: [...d.tags],
          preventionActionId: d.preventionActionId,
          sharedWithLibrary: d.sharedWithLibrary,
          recordedAt: d.recordedAt,
        },
        $setOnInsert: { inLibrary: false, addedToLibraryAt: null },
      });
    }
    if (stored.type === 'LessonAddedToLibrary' && stored.streamId.startsWith(LIBRARY_STREAM_PREFIX)) {
      const d = stored.data as LessonAddedToLibrary['data'];
      return lessons.upsert(lessonDocumentId(stored.tenantId, d.lessonId), {
        $set: { inLibrary: true, addedToLibraryAt: d.addedAt },
        $setOnInsert: {
          tenantId: stored.tenantId,
          lessonId: d.lessonId,
          reportId: d.reportId,
          teamId: d.teamId,
          kind: d.kind,
          summary: d.summary,
          area: d.area,
          tags: [...d.tags],
          preventionActionId: null,
          sharedWithLibrary: true,
          recordedAt: d.addedAt,
        },
      });
    }
  },
});
