import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { instrumentDecider, instrumentStreamId } from '@leerzone/assessment-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { INSTRUMENT_AUTHORS } from '../../shared/team-access';
import { DefineInstrumentRequest } from './define-instrument.request';

@ApiTags('assessment: instruments')
@Controller('api/assessment/instruments')
export class DefineInstrumentController {
  constructor(private readonly commands: ServiceCommands) {}

  @Post()
  @HttpCode(201)
  @Roles(...INSTRUMENT_AUTHORS)
  @ApiOperation({ summary: "Define the tenant's own instrument (version 1). The published instruments' ids are taken and read-only." })
  @ApiBody({ schema: jsonSchemaOf(DefineInstrumentRequest) })
  @ApiCreatedResponse({ schema: { example: { instrumentId: 'team-energy', version: 1, events: [{ type: 'InstrumentDefined', streamPosition: 1 }] } } })
  async define(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { instrumentId, definition } = parseRequest(DefineInstrumentRequest, body);
    const ctx = write.context();
    const result = await this.commands.run(instrumentDecider, instrumentStreamId(ctx.tenantId, instrumentId), { type: 'DefineInstrument', data: { instrumentId, definition } }, ctx, {
      ifMatch: write.ifMatch,
    });
    response.setHeader('Location', `/api/assessment/instruments/${instrumentId}`);
    return commandAnswer(response, result, { instrumentId });
  }
}
