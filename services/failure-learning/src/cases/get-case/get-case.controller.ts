import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { openPersonalData, type PersonalDataVault } from '@leerzone/kernel';
import { AnyRole, PERSONAL_DATA_VAULT, parseRequest, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { confidentialCaseStreamId, type ConfidentialCaseEvent } from '@leerzone/failure-learning-domain';
import { etagOf, TenantStreams, Write, type WriteRequest } from '@leerzone/service-kit';
import { CaseIdParam } from '../../shared/fields';
import { CaseCommands, isOfficer } from '../application/case-commands';
import { GetCaseQuery } from './get-case.request';

@ApiTags('failure-learning: confidential cases')
@Controller('api/failure-learning/cases')
export class GetCaseController {
  constructor(
    private readonly cases: CaseCommands,
    private readonly streams: TenantStreams,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @AnyRole('the confidential-case officer; anyone else 404, the attempt recorded')
  @Get(':caseId')
  @ApiOperation({
    summary:
      'The officer reads a case. Every read is recorded first (ConfidentialCaseAccessed, ?purpose= says why); nothing is returned unless that record was stored. Anyone else gets 404, exactly as for a case that does not exist — and their attempt is recorded (ConfidentialCaseAccessRefused), visible to auditors in the audit API.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        caseId: '0199a0b2-7c1e-7000-8000-0000000000c1',
        boundary: 'ignored-safety-rules',
        teamId: null,
        concernedPersonId: 'piet',
        account: 'Switched off the bed alarm during the night shift, twice, after being told not to.',
        openedBy: 'olga',
        openedAt: '2026-12-01T09:00:00.000Z',
        consequences: [{ consequenceId: 'warning', kind: 'formal-warning', description: 'Formal warning, discussed with HR', recordedAt: '2026-12-02T09:00:00.000Z' }],
        outcome: null,
        accesses: 3,
        refusedAttempts: 2,
        version: 6,
      },
    },
  })
  @ApiQueryFrom(GetCaseQuery)
  @ApiParamsFrom(CaseIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { caseId } = parseRequest(CaseIdParam, params, 'params');
    // A non-officer's query is not worth validating: they get the refusal, recorded.
    const { purpose } = isOfficer(write.principal) ? parseRequest(GetCaseQuery, query, 'query') : { purpose: 'read the case' };
    const accessed = await this.cases.run(write, caseId, (actorRoles) => ({ type: 'AccessConfidentialCase', data: { caseId, actorRoles, purpose } }));
    // Read up to and including this access: nothing of the case leaves without its read on record.
    const events = ((await this.streams.read(confidentialCaseStreamId(write.principal.tenantId, caseId), write.principal.tenantId)) ?? []).filter((e) => e.streamPosition <= accessed.version);
    const view = await openPersonalData(caseView(events as unknown as ConfidentialCaseEvent[]), this.vault);
    response.setHeader('ETag', etagOf(accessed.version));
    return { ...view, version: accessed.version };
  }
}

function caseView(events: readonly ConfidentialCaseEvent[]) {
  const view: Record<string, unknown> & { consequences: unknown[] } = { consequences: [], outcome: null, closedAt: null, closedBy: null, closeReason: null, accesses: 0, refusedAttempts: 0 };
  for (const event of events) {
    switch (event.type) {
      case 'ConfidentialCaseOpened':
        Object.assign(view, event.data);
        break;
      case 'ConfidentialCaseAccessed':
        view['accesses'] = (view['accesses'] as number) + 1;
        break;
      case 'ConfidentialCaseAccessRefused':
        view['refusedAttempts'] = (view['refusedAttempts'] as number) + 1;
        break;
      case 'ConfidentialCaseConsequenceRecorded': {
        const { caseId: _c, ...consequence } = event.data;
        view.consequences.push(consequence);
        break;
      }
      case 'ConfidentialCaseClosed':
        Object.assign(view, { outcome: event.data.outcome, closedAt: event.data.closedAt, closedBy: event.data.closedBy, closeReason: event.data.reason });
        break;
    }
  }
  return view;
}
