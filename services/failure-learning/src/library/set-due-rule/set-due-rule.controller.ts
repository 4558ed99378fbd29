import { Body, Controller, HttpCode, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TENANT_RULE_SETTERS } from '../../shared/access';
import { LibraryCommands } from '../application/library-commands';
import { SetDueRuleRequest } from './set-due-rule.request';

@ApiTags('failure-learning: library')
@Controller('api/failure-learning/library')
export class SetDueRuleController {
  constructor(private readonly library: LibraryCommands) {}

  @Put('due-rule')
  @HttpCode(200)
  @Roles(...TENANT_RULE_SETTERS)
  @ApiOperation({ summary: 'Set the tenant’s due-date rule for follow-up actions, with a reason (body or X-Reason). Applies to actions planned from now on.' })
  @ApiBody({ schema: jsonSchemaOf(SetDueRuleRequest) })
  @ApiOkResponse({ schema: { example: { rule: { high: 2, medium: 5, low: 10 }, version: 3, events: [{ type: 'FollowUpDueRuleSet' }] } } })
  async set(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { rule, reason } = parseRequest(SetDueRuleRequest, body);
    const result = await this.library.run(write, { type: 'SetFollowUpDueRule', data: { rule } }, reason);
    return commandAnswer(response, result, { rule });
  }
}
