import { Body, Controller, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamIdParam } from '../../shared/fields';
import { ReflectionCommands } from '../application/reflection-commands';
import { SetReflectionCadenceRequest } from './set-reflection-cadence.request';

@ApiTags('failure-learning: reflection')
@Controller('api/failure-learning/teams')
export class SetReflectionCadenceController {
  constructor(private readonly reflections: ReflectionCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/reflection-cadence')
  @HttpCode(200)
  @Roles('coach')
  @ApiOperation({ summary: 'The team’s coach fixes the moments to reflect on failures ("forward failing"): every N weeks from a start date.' })
  @ApiBody({ schema: jsonSchemaOf(SetReflectionCadenceRequest) })
  @ApiOkResponse({ schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', cadence: { everyWeeks: 2, startsOn: '2026-12-07' }, version: 1, events: [{ type: 'ReflectionCadenceSet' }] } } })
  @ApiParamsFrom(TeamIdParam)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const cadence = parseRequest(SetReflectionCadenceRequest, body);
    const result = await this.reflections.run(write, teamId, 'coach', 'set its reflection cadence', () => ({ type: 'SetReflectionCadence', data: { teamId, ...cadence } }));
    return commandAnswer(response, result, { teamId, cadence });
  }
}
