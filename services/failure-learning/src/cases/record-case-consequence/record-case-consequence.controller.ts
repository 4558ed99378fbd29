import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PersonalDataVault } from '@leerzone/kernel';
import { AnyRole, NEW_ID, PERSONAL_DATA_VAULT, ProblemException, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { confidentialCaseDecider, confidentialCaseStreamId, type ConfidentialCaseEvent } from '@leerzone/failure-learning-domain';
import { commandAnswer, TenantStreams, Write, type WriteRequest } from '@leerzone/service-kit';
import { fold, personSubject } from '@leerzone/kernel';
import { CaseIdParam } from '../../shared/fields';
import { CaseCommands, caseNotFound, isOfficer } from '../application/case-commands';
import { RecordCaseConsequenceRequest } from './record-case-consequence.request';

@ApiTags('failure-learning: confidential cases')
@Controller('api/failure-learning/cases')
export class RecordCaseConsequenceController {
  constructor(
    private readonly cases: CaseCommands,
    private readonly streams: TenantStreams,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @AnyRole('the confidential-case officer; anyone else 404, the attempt recorded')
  @Post(':caseId/consequences')
  @HttpCode(201)
  @ApiOperation({ summary: 'The officer records a consequence (conversation, formal warning, training, …); its description is sealed under the concerned person. Anyone else: 404, attempt recorded.' })
  @ApiBody({ schema: jsonSchemaOf(RecordCaseConsequenceRequest) })
  @ApiCreatedResponse({ schema: { example: { caseId: '0199a0b2-7c1e-7000-8000-0000000000c1', consequenceId: 'warning', version: 3, events: [{ type: 'ConfidentialCaseConsequenceRecorded' }] } } })
  @ApiParamsFrom(CaseIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { caseId } = parseRequest(CaseIdParam, params, 'params');
    if (!isOfficer(write.principal)) {
      // Refused whatever the body says, and the attempt is recorded.
      await this.cases.run(write, caseId, (actorRoles) => ({ type: 'RecordCaseConsequence', data: { caseId, actorRoles } as never }));
      throw ProblemException.fromRejection(caseNotFound(caseId));
    }
    const { consequenceId: requested, kind, description } = parseRequest(RecordCaseConsequenceRequest, body);
    const consequenceId = requested ?? this.newId();
    // Seal under the person the case is about, as the stream has them.
    const events = (await this.streams.read(confidentialCaseStreamId(write.principal.tenantId, caseId), write.principal.tenantId)) ?? [];
    const concerned = fold(confidentialCaseDecider, events as unknown as ConfidentialCaseEvent[]).concernedPersonId;
    const sealed = concerned ? await this.vault.seal(personSubject(write.principal.tenantId, concerned), description) : undefined;
    const result = await this.cases.run(write, caseId, (actorRoles) => ({ type: 'RecordCaseConsequence', data: { caseId, actorRoles, consequenceId, kind, description: sealed! } }));
    return commandAnswer(response, result, { caseId, consequenceId });
  }
}
