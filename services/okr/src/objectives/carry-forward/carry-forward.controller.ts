import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection } from '@leerzone/kernel';
import { carryForwardSource, objectiveDecider, objectiveStreamId } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { CycleLookup } from '../../shared/cycle-lookup';
import { OkrAccess } from '../../shared/okr-access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands, objectiveNotFound } from '../application/objective-commands';
import { ObjectiveStreams } from '../application/objective-streams';
import { ObjectiveIdParam } from '../objective-id.param';
import { CarryForwardRequest } from './carry-forward.request';

/**
 * Carry-forward writes two streams: the new objective first (ObjectiveDefined with
 * `carriedForwardFrom`, its key results without check-ins), then the old one records where
 * it went. The second write is idempotent, so a retry after a failure in between completes it.
 */
@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class CarryForwardController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly objectives: ObjectiveCommands,
    private readonly streams: ObjectiveStreams,
    private readonly cycles: CycleLookup,
    private readonly access: OkrAccess,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':objectiveId/carry-forward')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Carry a graded objective forward into another cycle: a new draft objective linked to the old one, with its key results’ definitions (all or those named) and none of its check-ins.' })
  @ApiBody({ schema: jsonSchemaOf(CarryForwardRequest), examples: { all: { value: { cycleId: '0190f5a4-0000-7000-8000-00000000c1c2' } } } })
  @ApiCreatedResponse({ schema: { example: { objectiveId: '0190f5a4-0000-7000-8000-0000000000b2', carriedForwardFrom: OBJECTIVE_ID, ...commandAnswerExample({}, 'ObjectiveDefined') } } })
  @ApiParamsFrom(ObjectiveIdParam)
  async carry(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId: fromId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { cycleId, newObjectiveId, keyResultIds, reason } = parseRequest(CarryForwardRequest, body);
    const objectiveId = newObjectiveId ?? this.newId();
    const principal = write.principal;
    const created = await this.commands.run(objectiveDecider, objectiveStreamId(write.principal.tenantId, objectiveId), null, write.context(reason), {
      commandType: 'CarryObjectiveForward',
      lookup: async () => {
        const { state: old } = await this.streams.load(principal.tenantId, fromId);
        const source = carryForwardSource(old);
        if (!source) return objectiveNotFound(fromId);
        const refused = this.access.check('owner', principal, source.owner, await this.access.relationTo(principal, source.owner), 'carry this objective forward');
        if (refused) return refused;
        const cycle = await this.cycles.facts(principal.tenantId, cycleId);
        if (isRejection(cycle)) return cycle;
        return { type: 'CarryObjectiveForward' as const, data: { objectiveId, cycle, source, ...(keyResultIds ? { keyResultIds } : {}) } };
      },
    });
    await this.objectives.run(write, fromId, {
      access: 'owner',
      what: 'carry this objective forward',
      reason,
      commandType: 'RecordCarriedForward',
      build: () => ({ type: 'RecordCarriedForward', data: { objectiveId: fromId, toObjectiveId: objectiveId, toCycleId: cycleId } }),
    });
    response.setHeader('Location', `/api/okr/objectives/${objectiveId}`);
    return commandAnswer(response, created, { objectiveId, carriedForwardFrom: fromId });
  }
}
