import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands, objectiveNotFound } from '../application/objective-commands';
import { ObjectiveStreams } from '../application/objective-streams';
import { ObjectiveIdParam } from '../objective-id.param';
import { ProposeAlignmentRequest } from './propose-alignment.request';

@ApiTags('okr: alignment')
@Controller('api/okr/objectives')
export class ProposeAlignmentController {
  constructor(
    private readonly objectives: ObjectiveCommands,
    private readonly streams: ObjectiveStreams,
  ) {}

  @Put(':objectiveId/alignment')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: "Propose the objective this one supports upward (the owner's members or coach). The parent's owner accepts or declines it." })
  @ApiBody({ schema: jsonSchemaOf(ProposeAlignmentRequest), examples: { propose: { value: { parentObjectiveId: '0190f5a4-0000-7000-8000-0000000000a1' } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, parentObjectiveId: '0190f5a4-0000-7000-8000-0000000000a1' }, 'AlignmentProposed', 3) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async propose(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { parentObjectiveId, reason } = parseRequest(ProposeAlignmentRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'align this objective',
      reason,
      commandType: 'ProposeAlignment',
      build: async () => {
        const { state: parent } = await this.streams.load(write.principal.tenantId, parentObjectiveId);
        if (!parent.exists) return objectiveNotFound(parentObjectiveId, 'parentObjectiveId');
        return { type: 'ProposeAlignment', data: { objectiveId, parent: { objectiveId: parentObjectiveId, cycleId: parent.cycleId!, level: parent.level!, owner: parent.owner! } } };
      },
    });
    return commandAnswer(response, result, { objectiveId, parentObjectiveId });
  }
}
