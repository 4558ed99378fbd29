import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, CurrentPrincipal, ProjectionsHost, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import {
  ambitionTooLowSignals,
  committedMissedSignals,
  silentObjectiveSignals,
  type KeyResultGraded,
  type ObjectiveEvent,
  type Recorded,
} from '@leerzone/okr-domain';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { objectiveStreamId } from '@leerzone/okr-domain';
import type { ObjectiveDocument } from '../../objectives/read-model/objectives.projection';
import { CYCLES_PROJECTION, type CycleDocument } from '../../cycles/read-model/cycles.projection';
import { TeamCadences } from '../../teams/read-model/team-cadences';
import { READERS } from '../../shared/access';
import { OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { ListSignalsQuery } from './list-signals.request';

/**
 * The silence signal reads events; the read model keeps the ones it needs (the commitment
 * and the last check-in, with their event ids), so they are rebuilt here as the domain
 * expects them and the signal still names the real triggering event.
 */
function silenceInputs(o: ObjectiveDocument): Recorded<ObjectiveEvent>[] {
  const streamId = objectiveStreamId(o.tenantId, o.objectiveId);
  const events: Recorded<ObjectiveEvent>[] = [
    { type: 'ObjectiveDefined', eventId: `${o.objectiveId}:defined`, streamId, data: { objectiveId: o.objectiveId, cycleId: o.cycleId, level: o.level, owner: o.owner, title: o.title, description: o.description, commitment: o.commitment, carriedForwardFrom: o.carriedForwardFrom, definedBy: o.definedBy, definedAt: o.definedAt } },
  ];
  if (o.committedAt && o.committedEventId) {
    events.push({ type: 'ObjectiveCommittedToCycle', eventId: o.committedEventId, streamId, data: { objectiveId: o.objectiveId, cycleId: o.cycleId, keyResultIds: [], committedBy: '', committedAt: o.committedAt } });
  }
  if (o.lastCheckIn) {
    events.push({ type: 'KeyResultCheckedIn', eventId: o.lastCheckIn.eventId, streamId, data: { objectiveId: o.objectiveId, checkedInAt: o.lastCheckIn.checkedInAt } } as unknown as Recorded<ObjectiveEvent>);
  }
  return events;
}

@ApiTags('okr: signals')
@Controller('api/okr/signals')
export class ListSignalsController {
  constructor(
    private readonly objectives: ObjectiveReadModels,
    private readonly cadences: TeamCadences,
    private readonly projections: ProjectionsHost,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The honest signals, each with the events that triggered it: aspirational key results ending at ≥ 0.9 cycle after cycle (ambition too low — is it safe to aim higher?), committed key results that missed 1.0 (what stood in the way?), committed objectives with no check-in for longer than the cadence. Filter by kind, cycleId, ownerId; limit/after.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        at: '2026-08-01T09:00:00.000Z',
        items: [
          {
            kind: 'committed-missed',
            owner: { kind: 'team', id: TEAM_ID },
            objectiveId: OBJECTIVE_ID,
            keyResultId: 'kr-1',
            cycleId: '0190f5a4-0000-7000-8000-00000000c1c1',
            score: 0.6,
            message: 'A committed key result ended at 0.6 of the 1 it was expected to reach: what stood in the way?',
            triggeredBy: [{ eventId: '0190f5a4-7a1b-7c3e-9d2f-4b8e1c0a9f11', streamId: objectiveStreamId('acme', OBJECTIVE_ID), type: 'KeyResultGraded' }],
          },
        ],
        next: '50',
      },
    },
  })
  @ApiQueryFrom(ListSignalsQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListSignalsQuery, query, 'query');
    const tenantId = principal.tenantId;
    const at = request.at ? new Date(request.at) : this.clock();
    const wants = (kind: (typeof request.kind & object)[number]) => !request.kind || request.kind.includes(kind);
    const ownerFilter = request.ownerId ? { 'data.owner.id': request.ownerId } : {};
    const graded = wants('ambition-too-low') || wants('committed-missed') ? await this.objectives.all(this.objectives.graded, { tenantId, ...ownerFilter }, { _id: 1 }) : [];
    const gradedEvents = graded.map((g) => ({ type: g.type, eventId: g.eventId, streamId: g.streamId, data: g.data }) as Recorded<KeyResultGraded>);
    const signals: Array<{ kind: string }> = [];
    if (wants('ambition-too-low')) signals.push(...ambitionTooLowSignals(gradedEvents));
    if (wants('committed-missed')) signals.push(...committedMissedSignals(request.cycleId ? gradedEvents.filter((e) => e.data.cycleId === request.cycleId) : gradedEvents));
    if (wants('no-recent-check-in')) {
      // Silence counts only while a cycle runs: before, nothing is due; after, grading speaks.
      const runningCycles = await this.projections.readModels
        .collection<CycleDocument>(CYCLES_PROJECTION, 'cycles')
        .find({ tenantId, status: 'running', ...(request.cycleId ? { cycleId: request.cycleId } : {}) }, { limit: 100 });
      const cycleIds = runningCycles.items.map((c) => c.cycleId);
      const running = cycleIds.length === 0 ? [] : await this.objectives.all(this.objectives.objectives, { tenantId, cycleId: { $in: cycleIds }, ...(request.ownerId ? { ownerId: request.ownerId } : {}) });
      const cadenceOf = await this.cadences.forOwners(tenantId, running.map((o) => o.owner));
      signals.push(...silentObjectiveSignals(running.flatMap(silenceInputs), cadenceOf, at));
    }
    const offset = request.after ? Number(request.after) : 0;
    const items = signals.slice(offset, offset + request.limit);
    const next = offset + request.limit < signals.length ? String(offset + request.limit) : undefined;
    return { at: at.toISOString(), items, ...(next ? { next } : {}) };
  }
}
