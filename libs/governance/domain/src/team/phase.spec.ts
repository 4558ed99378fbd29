import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, BRAM, CHEN, COACH, memberAdded, NOW, phaseChanged, staffedTeam, T0, TEAM, teamCreated, yesGiven, yesWithdrawn } from './team.fixtures';
import { phaseProgress } from './team.queries';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const move = (phase: string) => ({ type: 'MoveTeamToPhase', data: { teamId: TEAM, phase } }) as const;
const performing: TeamEvent[] = [...staffedTeam, phaseChanged('preparing', 'pilot'), phaseChanged('pilot', 'forming'), phaseChanged('forming', 'performing')];
const allYes = [yesGiven(ANNA), yesGiven(BRAM), yesGiven(CHEN)];

describe('MoveTeamToPhase', () => {
  it('moves a pilot team forward one phase, recording when it began', () => {
    spec
      .given([teamCreated()])
      .when(move('pilot'), as(COACH))
      .then([{ type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'preparing', phase: 'pilot', changedBy: COACH, changedAt: now, reason: null } }]);
  });

  it('lets a following team skip the pilot phase', () => {
    spec
      .given([teamCreated()])
      .when(move('forming'), as(COACH))
      .then([{ type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'preparing', phase: 'forming', changedBy: COACH, changedAt: now, reason: null } }]);
  });

  it('refuses to jump phases: a team needs time', () => {
    spec.given([teamCreated()]).when(move('performing')).thenRejects('PHASE.SKIPPED', { category: 'precondition', field: 'phase' });
    spec.given([teamCreated(), phaseChanged('preparing', 'pilot')]).when(move('performing')).thenRejects('PHASE.SKIPPED');
  });

  it('goes back only with a reason', () => {
    const given = [teamCreated(), phaseChanged('preparing', 'forming')];
    spec.given(given).when(move('preparing'), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
    spec
      .given(given)
      .when(move('preparing'), because('two members left'))
      .then([{ type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'forming', phase: 'preparing', changedBy: COACH, changedAt: now, reason: 'two members left' } }]);
  });

  it('rejects an unknown phase and changes nothing for the current one', () => {
    spec.given([teamCreated()]).when(move('chaos')).thenRejects('PHASE.INVALID', { field: 'phase', category: 'invalid' });
    spec.given([teamCreated()]).when(move('preparing')).thenNothingHappens();
  });

  it('enters self-steering when every current member said yes (the coach, not holding the member role, is not asked)', () => {
    spec
      .given([...performing, ...allYes])
      .when(move('self-steering'), as(COACH))
      .then([{ type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'performing', phase: 'self-steering', changedBy: COACH, changedAt: now, reason: null } }]);
  });

  it('refuses self-steering while a member has not said yes, naming who', () => {
    const rejection = spec.given([...performing, yesGiven(ANNA), yesGiven(BRAM)]).when(move('self-steering')).thenRejects('PHASE.YES_MISSING', { category: 'precondition' });
    expect(rejection.details).toEqual({ missingMemberIds: [CHEN] });
  });

  it('refuses self-steering when a member who joined later has not said yes', () => {
    const rejection = spec.given([...performing, ...allYes, memberAdded('user-dana')]).when(move('self-steering')).thenRejects('PHASE.YES_MISSING');
    expect(rejection.details).toEqual({ missingMemberIds: ['user-dana'] });
  });

  it('refuses self-steering after a yes was withdrawn', () => {
    spec.given([...performing, ...allYes, yesWithdrawn(BRAM)]).when(move('self-steering')).thenRejects('PHASE.YES_MISSING');
  });

  it('refuses self-steering for a team without members', () => {
    spec
      .given([teamCreated(), memberAdded(COACH, ['coach']), phaseChanged('preparing', 'forming'), phaseChanged('forming', 'performing')])
      .when(move('self-steering'))
      .thenRejects('PHASE.NO_MEMBERS');
  });
});

describe('phaseProgress: has the team stalled?', () => {
  const at = (iso: string) => new Date(iso);
  const forming = fold(teamDecider, [teamCreated(), phaseChanged('preparing', 'forming', '2026-02-01T00:00:00.000Z')]);

  it('is on track within six months of a phase', () => {
    const progress = phaseProgress(forming, at('2026-07-31T23:59:59.000Z'))!;
    expect(progress).toMatchObject({ phase: 'forming', phaseSince: '2026-02-01T00:00:00.000Z', monthsInPhase: 5, stalled: false, reasons: [] });
  });

  it('has stalled after six months in one phase', () => {
    expect(phaseProgress(forming, at('2026-08-01T00:00:00.000Z'))).toMatchObject({ monthsInPhase: 6, stalled: true, reasons: ['phase-too-long'] });
  });

  it('has stalled when the journey passes twelve months, even if phases moved', () => {
    const state = fold(teamDecider, [
      teamCreated(),
      phaseChanged('preparing', 'pilot', '2026-02-01T00:00:00.000Z'),
      phaseChanged('pilot', 'forming', '2026-06-01T00:00:00.000Z'),
      phaseChanged('forming', 'performing', '2026-10-01T00:00:00.000Z'),
    ]);
    expect(phaseProgress(state, at('2027-01-31T00:00:00.000Z'))).toMatchObject({ stalled: false, monthsOnJourney: 11 });
    expect(phaseProgress(state, at('2027-02-01T00:00:00.000Z'))).toMatchObject({
      journeyStartedAt: '2026-02-01T00:00:00.000Z',
      monthsOnJourney: 12,
      stalled: true,
      reasons: ['journey-too-long'],
    });
  });

  it('accepts other thresholds', () => {
    expect(phaseProgress(forming, at('2026-05-01T00:00:00.000Z'), { maxMonthsInPhase: 3 })).toMatchObject({ stalled: true, reasons: ['phase-too-long'] });
  });

  it('does not call waiting in preparing a stall, unless the planned start has passed', () => {
    const preparing = fold(teamDecider, [teamCreated()]);
    expect(phaseProgress(preparing, at('2027-06-01T00:00:00.000Z'))).toMatchObject({ phase: 'preparing', phaseSince: T0, stalled: false, journeyStartedAt: null });
    expect(phaseProgress(preparing, at('2026-03-31T00:00:00.000Z'), { plannedStartOn: '2026-04-01' })).toMatchObject({ stalled: false });
    expect(phaseProgress(preparing, at('2026-04-01T00:00:00.000Z'), { plannedStartOn: '2026-04-01' })).toMatchObject({ stalled: true, reasons: ['start-overdue'] });
  });

  it('never stalls once self-steering, and is null for an unknown team', () => {
    const arrived = fold(teamDecider, [...performing, ...allYes, { type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'performing', phase: 'self-steering', changedBy: COACH, changedAt: T0, reason: null } }]);
    expect(phaseProgress(arrived, at('2030-01-01T00:00:00.000Z'))).toMatchObject({ phase: 'self-steering', stalled: false });
    expect(phaseProgress(teamDecider.initialState, at('2030-01-01T00:00:00.000Z'))).toBeNull();
  });

  it('restarts the journey when a team is sent back to preparing', () => {
    const state = fold(teamDecider, [
      teamCreated(),
      phaseChanged('preparing', 'forming', '2026-02-01T00:00:00.000Z'),
      { type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'forming', phase: 'preparing', changedBy: COACH, changedAt: '2026-03-01T00:00:00.000Z', reason: 'restart' } },
      phaseChanged('preparing', 'forming', '2026-09-01T00:00:00.000Z'),
    ]);
    expect(phaseProgress(state, at('2027-03-01T00:00:00.000Z'))).toMatchObject({ journeyStartedAt: '2026-09-01T00:00:00.000Z', monthsOnJourney: 6, reasons: ['phase-too-long'] });
  });
});
