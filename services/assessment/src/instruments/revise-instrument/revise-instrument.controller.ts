import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { instrumentDecider, instrumentStreamId } from '@leerzone/assessment-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { InstrumentIdParam } from '../../shared/assessment-fields';
import { INSTRUMENT_AUTHORS } from '../../shared/team-access';
import { ReviseInstrumentRequest } from '../define-instrument/define-instrument.request';

@ApiTags('assessment: instruments')
@Controller('api/assessment/instruments')
export class ReviseInstrumentController {
  constructor(private readonly commands: ServiceCommands) {}

  @Post(':instrumentId/versions')
  @HttpCode(201)
  @Roles(...INSTRUMENT_AUTHORS)
  @ApiOperation({ summary: "A new version of the tenant's own instrument; earlier versions stay as they were for the rounds that used them." })
  @ApiBody({ schema: jsonSchemaOf(ReviseInstrumentRequest) })
  @ApiCreatedResponse({ schema: { example: { instrumentId: 'team-energy', version: 2, events: [{ type: 'InstrumentRevised', streamPosition: 2 }] } } })
  @ApiParamsFrom(InstrumentIdParam)
  async revise(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { instrumentId } = parseRequest(InstrumentIdParam, params, 'params');
    const { definition, reason } = parseRequest(ReviseInstrumentRequest, body);
    const ctx = write.context(reason);
    const result = await this.commands.run(instrumentDecider, instrumentStreamId(ctx.tenantId, instrumentId), { type: 'ReviseInstrument', data: { instrumentId, definition } }, ctx, {
      ifMatch: write.ifMatch,
    });
    return commandAnswer(response, result, { instrumentId });
  }
}
