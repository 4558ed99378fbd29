import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext, StoredEvent } from '@leerzone/kernel';
import { BusConsumers, CLOCK, ProblemException } from '@leerzone/nest-platform';
import { lessonsLibraryStreamId, libraryDecider, REPORT_STREAM_PREFIX, type LessonRecorded } from '@leerzone/failure-learning-domain';
import { ServiceCommands } from '@leerzone/service-kit';

/** The service's own actor for what it does on its own account (forwarding lessons). */
export const FAILURE_LEARNING_SERVICE_ACTOR = { id: 'failure-learning', kind: 'service' } as const;
export const LIBRARY_FORWARDER_GROUP = 'failure-learning.library-forwarder';

/**
 * Process manager: a lesson recorded with `sharedWithLibrary` goes into the tenant's lessons
 * library. It runs twice on purpose — right after the response that recorded the lesson, so
 * the library shows it at once, and as a consumer of the service's own topic, so a crash in
 * between loses nothing. `AddLessonToLibrary` is idempotent, so the second changes nothing.
 */
@Injectable()
export class LibraryForwarder {
  private readonly logger = new Logger('LibraryForwarder');

  constructor(
    private readonly commands: ServiceCommands,
    @Inject(CLOCK) private readonly clock: () => Date,
    consumers: BusConsumers,
  ) {
    consumers.register({
      group: LIBRARY_FORWARDER_GROUP,
      sources: ['failure-learning'],
      handle: async (deliveries) => {
        for (const { event } of deliveries) await this.forward(event);
      },
    });
  }

  async forward(event: Pick<StoredEvent, 'type' | 'data' | 'streamId' | 'tenantId' | 'eventId' | 'correlationId' | 'traceparent'>): Promise<void> {
    if (event.type !== 'LessonRecorded' || !event.streamId.startsWith(REPORT_STREAM_PREFIX)) return;
    const lesson = event.data as LessonRecorded['data'];
    if (!lesson.sharedWithLibrary) return;
    const ctx: CommandContext = {
      tenantId: event.tenantId,
      actor: FAILURE_LEARNING_SERVICE_ACTOR,
      correlationId: event.correlationId,
      causationId: event.eventId,
      now: this.clock(),
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    };
    const { lessonId, reportId, teamId, kind, summary, area, tags } = lesson;
    try {
      await this.commands.run(libraryDecider, lessonsLibraryStreamId(event.tenantId), { type: 'AddLessonToLibrary', data: { lessonId, reportId, teamId, kind, summary, area, tags } }, ctx);
    } catch (error) {
      // A refusal will not change on redelivery; only a failure to store is worth retrying.
      if (error instanceof ProblemException && error.problem.status < 500 && error.problem.code !== 'STREAM.CONCURRENT_MODIFICATION') {
        this.logger.warn(`Lesson ${lessonId} not added to the library of ${event.tenantId}: ${error.problem.code} ${error.problem.detail}`);
        return;
      }
      throw error;
    }
  }

  /** After a response: forward at once, but never fail the request that already succeeded (the consumer catches up). */
  async forwardNow(events: readonly StoredEvent[]): Promise<void> {
    try {
      for (const event of events) await this.forward(event);
    } catch (error) {
      this.logger.warn(`Forwarding to the library deferred to the consumer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
