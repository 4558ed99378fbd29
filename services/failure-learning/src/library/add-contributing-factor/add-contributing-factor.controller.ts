import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TENANT_RULE_SETTERS } from '../../shared/access';
import { LibraryCommands } from '../application/library-commands';
import { AddContributingFactorRequest } from './add-contributing-factor.request';

@ApiTags('failure-learning: library')
@Controller('api/failure-learning/library')
export class AddContributingFactorController {
  constructor(private readonly library: LibraryCommands) {}

  @Post('contributing-factors')
  @HttpCode(201)
  @Roles(...TENANT_RULE_SETTERS)
  @ApiOperation({ summary: 'Extend the tenant’s taxonomy of contributing factors (defaults: tooling, process, communication, load, dependency, knowledge).' })
  @ApiBody({ schema: jsonSchemaOf(AddContributingFactorRequest) })
  @ApiCreatedResponse({ schema: { example: { factor: 'handover', version: 2, events: [{ type: 'ContributingFactorAdded' }] } } })
  async add(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { factor, label } = parseRequest(AddContributingFactorRequest, body);
    const result = await this.library.run(write, { type: 'AddContributingFactor', data: { factor, label } });
    return commandAnswer(response, result, { factor });
  }
}
