import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, ProblemException, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { CaseIdParam } from '../../shared/fields';
import { CaseCommands, caseNotFound, isOfficer } from '../application/case-commands';
import { CloseCaseRequest } from './close-case.request';

@ApiTags('failure-learning: confidential cases')
@Controller('api/failure-learning/cases')
export class CloseCaseController {
  constructor(private readonly cases: CaseCommands) {}

  @AnyRole('the confidential-case officer; anyone else 404, the attempt recorded')
  @Post(':caseId/closure')
  @HttpCode(200)
  @ApiOperation({ summary: 'The officer closes a case as substantiated (needs at least one consequence) or unsubstantiated, with a reason. Anyone else: 404, attempt recorded.' })
  @ApiBody({ schema: jsonSchemaOf(CloseCaseRequest) })
  @ApiOkResponse({ schema: { example: { caseId: '0199a0b2-7c1e-7000-8000-0000000000c1', outcome: 'substantiated', version: 5, events: [{ type: 'ConfidentialCaseClosed' }] } } })
  @ApiParamsFrom(CaseIdParam)
  async close(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { caseId } = parseRequest(CaseIdParam, params, 'params');
    if (!isOfficer(write.principal)) {
      await this.cases.run(write, caseId, (actorRoles) => ({ type: 'CloseConfidentialCase', data: { caseId, actorRoles } as never }));
      throw ProblemException.fromRejection(caseNotFound(caseId));
    }
    const { outcome, reason } = parseRequest(CloseCaseRequest, body);
    const result = await this.cases.run(write, caseId, (actorRoles) => ({ type: 'CloseConfidentialCase', data: { caseId, actorRoles, outcome } }), reason);
    return commandAnswer(response, result, { caseId, outcome });
  }
}
