import { randomBytes } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isRejection, reject, type PersonalDataVault, type Rejection } from '@leerzone/kernel';
import { NEW_ID, PERSONAL_DATA_VAULT, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { isPublishedInstrumentId, resolveInstrument, roundDecider, roundKeySubject, roundStreamId, type InstrumentDefinition, type RoundCommand } from '@leerzone/assessment-domain';
import { ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { AssessmentStreams } from '../../shared/assessment-streams';
import { TeamAccess } from '../../shared/team-access';
import { TeamRounds } from '../application/team-rounds';
import { OpenRoundRequest } from './open-round.request';
import { refuseIfMatch, roundCommandAnswer } from '../application/round-answer';

@ApiTags('assessment: rounds')
@Controller('api/assessment/rounds')
export class OpenRoundController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly access: TeamAccess,
    private readonly streams: AssessmentStreams,
    private readonly teamRounds: TeamRounds,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('coach')
  @ApiOperation({
    summary:
      "Open a round for a team (its coach only). The respondent group (the team's current members, from governance) and the anonymity threshold are frozen here; a secret for the answer slots is created and sealed under the round's own vault subject.",
  })
  @ApiBody({ schema: jsonSchemaOf(OpenRoundRequest) })
  @ApiCreatedResponse({ schema: { example: { roundId: '0193…', teamId: '0193…', groupSize: 6, anonymityThreshold: 5, events: [{ eventId: '0193…', type: 'RoundOpened', occurredAt: '2026-03-16T17:00:00.000Z' }] } } })
  async open(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const request = parseRequest(OpenRoundRequest, body);
    refuseIfMatch(write);
    const ctx = write.context();
    const tenantId = ctx.tenantId;
    await this.access.requireTeam(tenantId, request.teamId);
    const roundId = request.roundId ?? this.newId();
    const result = await this.commands.run(roundDecider, roundStreamId(tenantId, roundId), null, ctx, {
      commandType: 'OpenRound',
      lookup: async (state): Promise<RoundCommand | Rejection> => {
        if (state.exists) return reject('conflict', 'ROUND.ALREADY_EXISTS', `Round ${roundId} already exists.`, { field: 'roundId' });
        const notCoach = await this.access.coach(write.principal, request.teamId, 'open its rounds');
        if (notCoach) return notCoach;
        const open = await this.teamRounds.openRoundOf(tenantId, request.teamId);
        if (open) {
          return reject('conflict', 'ROUND.TEAM_HAS_OPEN_ROUND', `Team ${request.teamId} already has an open round (${open.roundId}); close it first, so each round's zone follows the one before.`, {
            field: 'teamId',
          });
        }
        const instruments: InstrumentDefinition[] = [];
        for (const [i, ref] of request.instruments.entries()) {
          const tenantInstrument = isPublishedInstrumentId(ref.instrumentId) ? null : await this.streams.instrument(tenantId, ref.instrumentId);
          const definition = resolveInstrument(ref, tenantInstrument, `instruments[${i}]`);
          if (isRejection(definition)) return definition;
          instruments.push(definition);
        }
        const settings = await this.streams.settings(tenantId);
        if (request.anonymityThreshold !== undefined && request.anonymityThreshold < settings.anonymityThreshold) {
          return reject('invalid', 'ROUND.THRESHOLD_BELOW_TENANT', `This tenant shows results from ${settings.anonymityThreshold} answers; a round may ask for more, never fewer.`, {
            field: 'anonymityThreshold',
            details: { tenantThreshold: settings.anonymityThreshold },
          });
        }
        const respondentIds = await this.access.respondents(tenantId, request.teamId);
        const previous = await this.teamRounds.lastClosed(tenantId, request.teamId);
        // The secret behind the answer slots: sealed under the round's own subject, destroyed at close.
        const slotKey = await this.vault.seal(roundKeySubject(tenantId, roundId), randomBytes(32).toString('base64'));
        return {
          type: 'OpenRound',
          data: {
            roundId,
            teamId: request.teamId,
            instruments,
            respondentIds,
            anonymityThreshold: request.anonymityThreshold ?? settings.anonymityThreshold,
            ...(request.closesAt ? { closesAt: request.closesAt } : {}),
            previousRoundId: previous?.roundId ?? null,
            slotKey,
          },
        };
      },
    });
    response.setHeader('Location', `/api/assessment/rounds/${roundId}`);
    const state = result.state;
    return roundCommandAnswer(response, result, { roundId, teamId: request.teamId, groupSize: state.respondentIds.size, anonymityThreshold: state.anonymityThreshold });
  }
}
