import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, ProblemException, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection, type Rejection, type SealedValue } from '@leerzone/kernel';
import { BLOCKER_TEXT, CHECK_IN_COMMENT_TEXT, type NewBlocker } from '@leerzone/okr-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { PersonalText } from '../../shared/personal-text';
import { TenantThresholds } from '../../shared/tenant-thresholds';
import { ObjectiveCommands } from '../application/objective-commands';
import { KeyResultParams } from '../objective-id.param';
import { CheckInRequest } from './check-in.request';

@ApiTags('okr: check-ins')
@Controller('api/okr/objectives')
export class CheckInController {
  constructor(
    private readonly objectives: ObjectiveCommands,
    private readonly text: PersonalText,
    private readonly thresholds: TenantThresholds,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':objectiveId/key-results/:keyResultId/check-ins')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      "Check in on a key result: value, confidence 0-10, comment, blockers. Only a current member or the coach of the owning team (as governance last said, 403 OKR.NOT_A_MEMBER otherwise), while the cycle runs and before grading. Status follows from the expected line and confidence with the tenant's thresholds; at risk needs a blocker (422 OKR.BLOCKER_REQUIRED). Comments and blocker descriptions are sealed with the author's key.",
  })
  @ApiBody({
    schema: jsonSchemaOf(CheckInRequest),
    examples: {
      onTrack: { value: { value: 80, confidence: 7, comment: 'Two new volunteers started.' } },
      atRisk: { value: { value: 118, confidence: 3, blockers: [{ description: 'Intake software is down since Monday', removableBy: { kind: 'unit-above' } }] } },
    },
  })
  @ApiCreatedResponse({ schema: { example: { ...commandAnswerExample({ objectiveId: OBJECTIVE_ID, keyResultId: 'kr-1', checkInId: 'ci-1', status: 'on-track', blockerIds: [] }, 'KeyResultCheckedIn', 8) } } })
  @ApiParamsFrom(KeyResultParams)
  async checkIn(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId, keyResultId } = parseRequest(KeyResultParams, params, 'params');
    const request = parseRequest(CheckInRequest, body);
    const checkInId = request.checkInId ?? this.newId();
    const sealed = await this.sealAll(write.principal, request);
    if (isRejection(sealed.value)) throw ProblemException.fromRejection(sealed.value);
    const { comment, blockers } = sealed.value;
    const result = await this.objectives.run(write, objectiveId, {
      access: 'anyone',
      what: 'check in',
      commandType: 'CheckInOnKeyResult',
      build: ({ cycle, relation }) => ({
        type: 'CheckInOnKeyResult',
        data: {
          objectiveId,
          cycle,
          checkInId,
          keyResultId,
          value: request.value,
          confidence: request.confidence,
          comment,
          blockers,
          stillBlockedBy: request.stillBlockedBy ?? [],
          thresholds: this.thresholds.for(write.principal.tenantId),
          // Who may check in is decided here, from the team directory, on every attempt.
          actorRelation: relation,
        },
      }),
    });
    const event = result.events.find((e) => e.type === 'KeyResultCheckedIn');
    const data = event?.data as { status?: string } | undefined;
    response.setHeader('Location', `/api/okr/objectives/${objectiveId}/key-results/${keyResultId}/history`);
    return commandAnswer(response, result, { objectiveId, keyResultId, checkInId, status: data?.status ?? null, blockerIds: blockers.map((b) => b.blockerId) });
  }

  /** Validates each text with the domain's rule, then seals it under the author's subject, before the command exists. */
  private async sealAll(author: { readonly tenantId: string; readonly userId: string }, request: ReturnType<typeof CheckInRequest.parse>): Promise<{ value: { comment: SealedValue | null; blockers: NewBlocker[] } | Rejection }> {
    const comment = request.comment === undefined ? null : await this.text.seal(author, request.comment, CHECK_IN_COMMENT_TEXT);
    if (comment !== null && isRejection(comment)) return { value: comment };
    const blockers: NewBlocker[] = [];
    for (const [index, b] of (request.blockers ?? []).entries()) {
      const description = await this.text.seal(author, b.description, BLOCKER_TEXT, `blockers.${index}.description`);
      if (isRejection(description)) return { value: description };
      blockers.push({ blockerId: b.blockerId ?? this.newId(), description, removableBy: b.removableBy ?? null });
    }
    return { value: { comment, blockers } };
  }
}
