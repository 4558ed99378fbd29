import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { instrumentDecider, instrumentStreamId } from '@leerzone/assessment-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { InstrumentIdParam, ReasonOnly } from '../../shared/assessment-fields';
import { INSTRUMENT_AUTHORS } from '../../shared/team-access';

@ApiTags('assessment: instruments')
@Controller('api/assessment/instruments')
export class RetireInstrumentController {
  constructor(private readonly commands: ServiceCommands) {}

  @Post(':instrumentId/retire')
  @HttpCode(200)
  @Roles(...INSTRUMENT_AUTHORS)
  @ApiOperation({ summary: "Retire the tenant's own instrument (reason required): no new round may use it; rounds keep their copy." })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiOkResponse({ schema: { example: { instrumentId: 'team-energy', version: 3, events: [{ type: 'InstrumentRetired' }] } } })
  @ApiParamsFrom(InstrumentIdParam)
  async retire(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { instrumentId } = parseRequest(InstrumentIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body ?? {});
    const ctx = write.context(reason);
    const result = await this.commands.run(instrumentDecider, instrumentStreamId(ctx.tenantId, instrumentId), { type: 'RetireInstrument', data: { instrumentId } }, ctx, {
      ifMatch: write.ifMatch,
    });
    return commandAnswer(response, result, { instrumentId });
  }
}
