import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { reject } from '@leerzone/kernel';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { OkrAccess } from '../../shared/okr-access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { AnswerAlignmentRequest } from './answer-alignment.request';

/** The parent's owner answers a proposal: its coach (a coach of one of the unit's teams), a transformation lead or an admin. */
@ApiTags('okr: alignment')
@Controller('api/okr/objectives')
export class AnswerAlignmentController {
  constructor(
    private readonly objectives: ObjectiveCommands,
    private readonly access: OkrAccess,
  ) {}

  @Post(':objectiveId/alignment/accept')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: "Accept a proposed alignment (the parent owner's coach, a transformation lead or an admin)." })
  @ApiBody({ schema: jsonSchemaOf(AnswerAlignmentRequest), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'AlignmentAccepted', 4) } })
  accept(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    return this.answer('AcceptAlignment', params, body, write, response);
  }

  @Post(':objectiveId/alignment/decline')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Decline a proposed alignment, with a reason (400 OKR.REASON_REQUIRED without one).' })
  @ApiBody({ schema: jsonSchemaOf(AnswerAlignmentRequest), examples: { decline: { value: { reason: 'This supports the care objective better.' } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'AlignmentDeclined', 4) } })
  @ApiParamsFrom(ObjectiveIdParam)
  decline(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    return this.answer('DeclineAlignment', params, body, write, response);
  }

  private async answer(type: 'AcceptAlignment' | 'DeclineAlignment', params: unknown, body: unknown, write: WriteRequest, response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { parentObjectiveId: named, reason } = parseRequest(AnswerAlignmentRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'anyone',
      what: 'answer this alignment',
      reason,
      commandType: type,
      build: async ({ state }) => {
        const proposal = state.alignment;
        const parentObjectiveId = named ?? proposal?.parentObjectiveId;
        if (!proposal || !parentObjectiveId) return reject('not-found', 'OKR.ALIGNMENT_NOT_PROPOSED', `Objective ${objectiveId} has no open alignment proposal.`, { field: 'parentObjectiveId' });
        const relation = await this.access.relationTo(write.principal, proposal.parentOwner);
        if (relation !== 'coach') {
          return reject('forbidden', 'OKR.NOT_ALLOWED', `Only the coach of ${proposal.parentOwner.kind} ${proposal.parentOwner.id} (which owns the parent), a transformation lead or an admin can answer this alignment.`);
        }
        return { type, data: { objectiveId, parentObjectiveId } };
      },
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
