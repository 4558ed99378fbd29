import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { teamDecider, teamStreamId } from './team.decider';
import type { TeamCommand } from './team.commands';
import type { TeamEvent } from './team.events';
import { ANNA, because, boundarySet, COACH, financial, levelChanged, staffedTeam, T0, TEAM, unitFrame, yesGiven } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const OTHER = 'team-other';

/** A team with something of everything, so a command that slipped past the team check would have something to act on. */
const busyTeam: TeamEvent[] = [
  ...staffedTeam,
  yesGiven(ANNA),
  boundarySet(financial('t-budget', 2500)),
  levelChanged('planning', 5),
  { type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'budgeting', goal: null, plannedBy: COACH, plannedAt: T0 } },
  { type: 'PrincipleAdopted', data: { teamId: TEAM, principleId: 'pr-1', rule: 'We say it when we are stuck', value: 'openness', adoptedBy: ANNA, adoptedAt: T0 } },
];

/** Every command but CreateTeam, addressed to the given team. */
const commandsFor = (teamId: string): [TeamCommand['type'], TeamCommand][] =>
  (
    [
      { type: 'RenameTeam', data: { teamId, name: 'Wijkteam Oost' } },
      { type: 'MoveTeamToUnit', data: { teamId, unitId: 'unit-2', unitBoundaries: [] } },
      { type: 'AddMember', data: { teamId, memberId: 'user-dana', roles: ['member'] } },
      { type: 'ChangeMemberRoles', data: { teamId, memberId: ANNA, roles: ['member', 'analyst'] } },
      { type: 'RemoveMember', data: { teamId, memberId: ANNA } },
      { type: 'SayYes', data: { teamId, memberId: 'user-bram' } },
      { type: 'WithdrawYes', data: { teamId, memberId: ANNA } },
      { type: 'MoveTeamToPhase', data: { teamId, phase: 'pilot' } },
      { type: 'PlanCoachingTopic', data: { teamId, topic: 'planning' } },
      { type: 'RecordCoachingSession', data: { teamId, sessionId: 's-1', topics: ['budgeting'], heldAt: T0, coachId: COACH, attendeeIds: [ANNA] } },
      { type: 'SetTeamBoundary', data: { teamId, boundary: financial('t-new', 1000), unitBoundaries: unitFrame } },
      { type: 'RemoveTeamBoundary', data: { teamId, boundaryId: 't-budget', unitBoundaries: unitFrame } },
      { type: 'ProposeBoundaryChange', data: { teamId, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 3000) }, unitBoundaries: unitFrame } },
      { type: 'ConsentToBoundaryChange', data: { teamId, proposalId: 'p-1', memberId: ANNA } },
      { type: 'ObjectToBoundaryChange', data: { teamId, proposalId: 'p-1', memberId: ANNA } },
      { type: 'CloseBoundaryProposal', data: { teamId, proposalId: 'p-1', unitBoundaries: unitFrame } },
      { type: 'WithdrawBoundaryProposal', data: { teamId, proposalId: 'p-1' } },
      { type: 'AdoptBoundaryChangeByDeadline', data: { teamId, proposalId: 'p-1', unitBoundaries: unitFrame } },
      {
        type: 'AnswerEscalation',
        data: { teamId, escalation: { kind: 'decision', id: 'd-1' }, answer: 'approve', answeredAs: 'admin', unitContactIds: [], unitBoundaries: unitFrame },
      },
      { type: 'SetReviewDate', data: { teamId, subject: { kind: 'principle', id: 'pr-1' }, reviewBy: '2026-06-01' } },
      { type: 'ReviewAgreement', data: { teamId, subject: { kind: 'principle', id: 'pr-1' }, outcome: 'kept', unitBoundaries: unitFrame } },
      { type: 'AddDecisionArea', data: { teamId, area: 'rostering', title: 'Rostering' } },
      { type: 'SetDelegationLevel', data: { teamId, area: 'planning', level: 6 } },
      {
        type: 'RecordDecision',
        data: { teamId, decisionId: 'd-1', area: 'planning', title: 'New rota', actedUnderLevel: 5, rationale: 'Fairer weekends', optionsConsidered: ['keep', 'rotate'], unitBoundaries: unitFrame },
      },
      { type: 'AdoptPrinciple', data: { teamId, principleId: 'pr-2', rule: 'We ask before we judge', value: 'curiosity' } },
      { type: 'RevisePrinciple', data: { teamId, principleId: 'pr-1', rule: 'We say so as soon as we are stuck', value: 'openness' } },
      { type: 'RetirePrinciple', data: { teamId, principleId: 'pr-1' } },
    ] as TeamCommand[]
  ).map((command) => [command.type, command]);

describe('the team decider', () => {
  it.each(commandsFor(OTHER))('refuses %s addressed to another team than the stream’s, as not found', (_, command) => {
    const rejection = spec.given(busyTeam).when(command, because('we agreed', ANNA)).thenRejects('TEAM.NOT_FOUND', { category: 'not-found', field: 'teamId' });
    expect(rejection.message).toBe(`Team ${OTHER} does not exist.`);
  });

  it.each(commandsFor(TEAM))('refuses %s on a stream where no team was created', (_, command) => {
    spec.given([]).when(command, because('we agreed', ANNA)).thenRejects('TEAM.NOT_FOUND', { category: 'not-found', field: 'teamId' });
  });

  it('refuses creating a team on a stream that already holds one, naming it', () => {
    const rejection = spec
      .given(busyTeam)
      .when({ type: 'CreateTeam', data: { teamId: OTHER, name: 'Wijkteam Zuid' } })
      .thenRejects('TEAM.ALREADY_EXISTS', { category: 'conflict', field: 'teamId' });
    expect(rejection.message).toBe(`Team ${TEAM} already exists.`);
  });

  it('throws on a command type it does not know: that is a programming error, not a refusal', () => {
    const unknown = { type: 'DissolveTeam', data: { teamId: TEAM } } as unknown as TeamCommand;
    expect(() => teamDecider.decide(unknown, teamDecider.initialState, testContext())).toThrow('Unexpected value');
  });

  it('names the stream by tenant and team', () => {
    expect(teamStreamId('acme', TEAM)).toBe('team-4:acme:team-a');
    expect(teamStreamId('acme', OTHER)).not.toBe(teamStreamId('acme', TEAM));
  });
});
