import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { MS_PER_DAY } from '@leerzone/governance-domain';
import type { Filter } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { GovernanceSettingsReader } from '../../settings/application/governance-settings';
import { TeamScope } from '../../teams/application/team-scope';
import { PROPOSALS_PROJECTION, proposalDocumentId, type ProposalDocument } from '../../teams/read-model/proposals.projection';
import { ESCALATIONS_PROJECTION, type EscalationDocument } from '../read-model/escalations.projection';
import { ListEscalationsQuery } from './list-escalations.request';

@ApiTags('governance: escalations')
@Controller('api/governance/escalations')
export class ListEscalationsController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly scope: TeamScope,
    private readonly settings: GovernanceSettingsReader,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({
    summary:
      "Escalated decisions and proposals, oldest first, with their age and whether they are overdue (unanswered past the tenant's escalation timeout). ?assignee=me for what waits for the caller (teams they coach, units they answer for), ?unitId= for a unit and everything below it, ?teamId=, ?status=open (default),approved,declined, ?overdue=true.",
  })
  @ApiQueryFrom(ListEscalationsQuery)
  @ApiOkResponse({
    schema: {
      example: {
        evaluatedAt: '2026-03-20T09:00:00.000Z',
        escalationTimeoutDays: 14,
        items: [
          {
            teamId: 'team-a',
            kind: 'decision',
            subjectId: 'd-1',
            area: 'budget-spend',
            title: 'Buy two laptops',
            raisedBy: 'user-anna',
            escalatedAt: '2026-03-01T09:00:00.000Z',
            why: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', message: 'EUR 2500 exceeds Team budget: EUR 2000 per decision.' }],
            status: 'open',
            answer: null,
            ageDays: 19,
            dueAt: '2026-03-15T09:00:00.000Z',
            overdue: true,
          },
        ],
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListEscalationsQuery, query, 'query');
    const tenantId = principal.tenantId;
    const now = this.clock();
    const { escalationTimeoutDays } = await this.settings.settings(tenantId);
    const timeoutMs = escalationTimeoutDays * MS_PER_DAY;
    const conditions: Filter[] = [{ tenantId }, { status: { $in: request.status ?? ['open'] } }];
    if (request.teamId) conditions.push({ teamId: request.teamId });
    if (request.unitId) conditions.push({ teamId: { $in: (await this.scope.teamsOfUnit(tenantId, request.unitId)).map((t) => t.teamId) } });
    if (request.assignee === 'me') {
      const [coached, contact] = await Promise.all([this.scope.coachedBy(tenantId, principal.userId), this.scope.answeredForAsContact(tenantId, principal.userId)]);
      conditions.push({ teamId: { $in: [...new Set([...coached, ...contact])] } }, { raisedBy: { $ne: principal.userId } });
    }
    if (request.overdue !== undefined) {
      const cutoff = new Date(now.getTime() - timeoutMs).toISOString();
      conditions.push({ status: 'open' }, { escalatedAt: request.overdue ? { $lte: cutoff } : { $gt: cutoff } });
    }
    const page = await guardedQuery(() =>
      this.projections.readModels
        .collection<EscalationDocument>(ESCALATIONS_PROJECTION, 'escalations')
        .find({ $and: conditions }, { sort: { escalatedAt: 1 }, limit: request.limit, ...(request.after ? { after: request.after } : {}) }),
    );
    const proposals = await this.proposalsOf(tenantId, page.items);
    return {
      evaluatedAt: now.toISOString(),
      escalationTimeoutDays,
      items: page.items.map(({ _id, tenantId: _t, ...escalation }) => {
        const proposal = escalation.kind === 'proposal' ? proposals.get(proposalDocumentId(tenantId, escalation.teamId, escalation.subjectId)) : undefined;
        const escalatedAt = new Date(escalation.escalatedAt).getTime();
        const end = escalation.answer ? new Date(escalation.answer.at).getTime() : now.getTime();
        return {
          ...escalation,
          title: escalation.title ?? proposal?.reason ?? null,
          raisedBy: escalation.raisedBy ?? proposal?.proposedBy ?? null,
          ...(proposal ? { change: proposal.change } : {}),
          ageDays: Math.floor((end - escalatedAt) / MS_PER_DAY),
          dueAt: new Date(escalatedAt + timeoutMs).toISOString(),
          overdue: escalation.status === 'open' && now.getTime() - escalatedAt >= timeoutMs,
        };
      }),
      ...(page.next ? { next: page.next } : {}),
    };
  }

  /** An escalated proposal's proposer, reason and change live on the proposal. */
  private async proposalsOf(tenantId: string, escalations: readonly EscalationDocument[]): Promise<Map<string, ProposalDocument>> {
    const ids = escalations.filter((e) => e.kind === 'proposal').map((e) => proposalDocumentId(tenantId, e.teamId, e.subjectId));
    if (ids.length === 0) return new Map();
    const { items } = await this.projections.readModels.collection<ProposalDocument>(PROPOSALS_PROJECTION, 'proposals').find({ tenantId, _id: { $in: ids } }, { limit: ids.length });
    return new Map(items.map((p) => [p._id, p]));
  }
}
