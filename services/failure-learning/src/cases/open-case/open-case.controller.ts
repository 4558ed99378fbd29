import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { personSubject, type PersonalDataVault } from '@leerzone/kernel';
import { AnyRole, NEW_ID, PERSONAL_DATA_VAULT, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { CaseCommands, isOfficer } from '../application/case-commands';
import { OpenCaseRequest } from './open-case.request';

@ApiTags('failure-learning: confidential cases')
@Controller('api/failure-learning/cases')
export class OpenCaseController {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @AnyRole('the confidential-case officer (403 CASE.OFFICER_ONLY)')
  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'The confidential-case officer opens a case for a hard boundary (deliberately ignoring safety rules, deliberately withholding crucial information). Anyone else: 403 CASE.OFFICER_ONLY. The case never appears in blameless views, counts or the public topic.',
  })
  @ApiBody({ schema: jsonSchemaOf(OpenCaseRequest) })
  @ApiCreatedResponse({ schema: { example: { caseId: '0199a0b2-7c1e-7000-8000-0000000000c1', version: 1, events: [{ type: 'ConfidentialCaseOpened' }] } } })
  async open(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { caseId: requested, account, teamId, ...opened } = parseRequest(OpenCaseRequest, body);
    const caseId = requested ?? this.newId();
    // Nothing is sealed for a caller the decider will refuse anyway.
    const sealed = isOfficer(write.principal) ? await this.vault.seal(personSubject(write.principal.tenantId, opened.concernedPersonId), account) : undefined;
    const result = await this.cases.run(write, caseId, (actorRoles) => ({
      type: 'OpenConfidentialCase',
      data: { caseId, actorRoles, ...opened, teamId: teamId ?? null, account: sealed! },
    }));
    response.setHeader('Location', `/api/failure-learning/cases/${caseId}`);
    return commandAnswer(response, result, { caseId });
  }
}
