import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isRejection, type PersonalDataVault } from '@leerzone/kernel';
import { coachingNotes, coachingNotesSubject } from '@leerzone/governance-domain';
import { TeamScoped, NEW_ID, PERSONAL_DATA_VAULT, ProblemException, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { RecordCoachingSessionRequest } from './record-coaching-session.request';

@ApiTags('governance: coaching')
@Controller('api/governance/teams')
export class RecordCoachingSessionController {
  constructor(
    private readonly teams: TeamCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/coaching/sessions')
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Record a coaching session that was held: planned topics, the coach (a team member with the coach role), attendees (team members).' })
  @ApiBody({ schema: jsonSchemaOf(RecordCoachingSessionRequest) })
  @ApiParamsFrom(TeamIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { reason, sessionId: requested, notes, ...session } = parseRequest(RecordCoachingSessionRequest, body);
    const sessionId = requested ?? this.newId();
    // The notes talk about named people: checked, then sealed under the session's own subject
    // before they reach the domain, so the store, the topic and the read model hold only ciphertext.
    const clear = coachingNotes(notes);
    if (isRejection(clear)) throw ProblemException.fromRejection(clear);
    const subject = coachingNotesSubject(write.principal.tenantId, teamId, sessionId);
    // An erased subject belongs to a session recorded (and erased) before: the id is taken.
    if (clear !== null && (await this.vault.isErased(subject))) {
      throw ProblemException.of(409, 'COACHING.SESSION_ALREADY_RECORDED', `Coaching session ${sessionId} is already recorded.`, { field: 'sessionId' });
    }
    const sealed = clear === null ? null : await this.vault.seal(subject, clear);
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'record coaching sessions',
      reason,
      command: () => ({ type: 'RecordCoachingSession', data: { teamId, sessionId, ...session, notes: sealed } }),
    });
    return commandAnswer(response, result, { teamId, sessionId });
  }
}
