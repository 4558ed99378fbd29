import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { isRejection } from '@leerzone/kernel';
import { objectiveDecider, objectiveStreamId } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { CycleLookup } from '../../shared/cycle-lookup';
import { OkrAccess } from '../../shared/okr-access';
import { commandAnswerExample, CYCLE_ID, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { DefineObjectiveRequest } from './define-objective.request';

@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class DefineObjectiveController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly cycles: CycleLookup,
    private readonly access: OkrAccess,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      "Step 2: define an objective in a planned or running cycle, committed or aspirational. A team objective by the team's members or coach (the team must be known from governance), organisation and unit objectives by a transformation lead or admin. Starts as a draft.",
  })
  @ApiBody({
    schema: jsonSchemaOf(DefineObjectiveRequest),
    examples: { team: { value: { cycleId: CYCLE_ID, level: 'team', owner: { kind: 'team', id: TEAM_ID }, title: 'Shorter waiting lists', commitment: 'aspirational' } } },
  })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'ObjectiveDefined') } })
  async define(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reason, objectiveId: given, cycleId, ...data } = parseRequest(DefineObjectiveRequest, body);
    const objectiveId = given ?? this.newId();
    const principal = write.principal;
    const result = await this.commands.run(objectiveDecider, objectiveStreamId(write.principal.tenantId, objectiveId), null, write.context(reason), {
      ifMatch: write.ifMatch,
      commandType: 'DefineObjective',
      lookup: async () => {
        const owner = { kind: data.owner.kind, id: data.owner.id };
        if (owner.kind === 'team' && data.level === 'team') {
          const unknownTeam = await this.access.requireTeam(principal.tenantId, owner.id, 'owner.id');
          if (unknownTeam) return unknownTeam;
        }
        const relation = await this.access.relationTo(principal, owner);
        const refused = this.access.check(owner.kind === 'team' ? 'owner' : 'lead', principal, owner, relation, `define objectives for ${owner.kind} ${owner.id}`);
        if (refused) return refused;
        const cycle = await this.cycles.facts(principal.tenantId, cycleId);
        if (isRejection(cycle)) return cycle;
        return { type: 'DefineObjective' as const, data: { objectiveId, cycle, ...data, owner } };
      },
    });
    response.setHeader('Location', `/api/okr/objectives/${objectiveId}`);
    return commandAnswer(response, result, { objectiveId });
  }
}
