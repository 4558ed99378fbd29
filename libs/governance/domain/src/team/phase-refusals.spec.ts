import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import type { TeamPhase } from './team.model';
import { ANNA, as, because, BRAM, CHEN, COACH, memberAdded, NOW, phaseChanged, staffedTeam, T0, TEAM, teamCreated, yesGiven } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const move = (phase: unknown) => ({ type: 'MoveTeamToPhase', data: { teamId: TEAM, phase } }) as never;
const changed = (previousPhase: TeamPhase, phase: TeamPhase, reason: string | null = null): TeamEvent => ({
  type: 'TeamPhaseChanged',
  data: { teamId: TEAM, previousPhase, phase, changedBy: COACH, changedAt: now, reason },
});
/** The staffed team (three members and a coach), walked along the road to `phase`. */
const teamIn = (phase: TeamPhase): TeamEvent[] => {
  const road: TeamEvent[] = [phaseChanged('preparing', 'pilot'), phaseChanged('pilot', 'forming'), phaseChanged('forming', 'performing')];
  const allYes = [yesGiven(ANNA), yesGiven(BRAM), yesGiven(CHEN)];
  const steps = { preparing: 0, pilot: 1, forming: 2, performing: 3, 'self-steering': 3 }[phase];
  const arrived: TeamEvent[] =
    phase === 'self-steering'
      ? [...allYes, { type: 'TeamPhaseChanged', data: { teamId: TEAM, previousPhase: 'performing', phase: 'self-steering', changedBy: COACH, changedAt: T0, reason: null } }]
      : [];
  return [...staffedTeam, ...road.slice(0, steps), ...arrived];
};

describe('MoveTeamToPhase: the way forward', () => {
  it.each([
    ['preparing', 'pilot'],
    ['preparing', 'forming'],
    ['pilot', 'forming'],
    ['forming', 'performing'],
  ] as const)('moves from %s to %s without asking why', (from, to) => {
    spec.given(teamIn(from)).when(move(to), as(COACH)).then([changed(from, to)]);
  });

  it.each([
    ['a padded reason, trimmed', '  the pilot starts  ', 'the pilot starts'],
    ['a blank reason as none', '   ', null],
  ])('records %s on a move forward', (_, reason, recorded) => {
    spec.given(teamIn('preparing')).when(move('pilot'), as(COACH, { reason })).then([changed('preparing', 'pilot', recorded)]);
  });

  it.each([
    ['preparing', 'performing', 'pilot'],
    ['preparing', 'self-steering', 'pilot'],
    ['pilot', 'performing', 'forming'],
    ['pilot', 'self-steering', 'forming'],
    ['forming', 'self-steering', 'performing'],
  ] as const)('refuses to jump from %s to %s, naming the next step (%s)', (from, to, next) => {
    spec
      .given(teamIn(from))
      .when(move(to), as(COACH))
      .thenRejects('PHASE.SKIPPED', {
        category: 'precondition',
        field: 'phase',
        message: `Team ${TEAM} is ${from}; it can move on to ${next}, not jump to ${to}.`,
        details: { from, to },
      });
  });

  it.each([['Pilot'], [''], [2], [undefined]])('refuses the phase %j, listing the phases', (phase) => {
    spec
      .given(teamIn('preparing'))
      .when(move(phase))
      .thenRejects('PHASE.INVALID', { category: 'invalid', field: 'phase', message: 'The phase must be one of preparing, pilot, forming, performing, self-steering.' });
  });
});

describe('MoveTeamToPhase: going back', () => {
  it.each([
    ['pilot', 'preparing'],
    ['forming', 'pilot'],
    ['performing', 'preparing'],
    ['self-steering', 'performing'],
  ] as const)('from %s to %s needs a reason that names the step back', (from, to) => {
    spec
      .given(teamIn(from))
      .when(move(to), as(COACH, { reason: '  ' }))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: `A reason is required to move team ${TEAM} back from ${from} to ${to}.` });
  });

  it('may go back several phases at once, recording the trimmed reason', () => {
    spec.given(teamIn('performing')).when(move('pilot'), because('  two members left  ')).then([changed('performing', 'pilot', 'two members left')]);
  });

  it('leaves self-steering with a reason, even when members have withdrawn their yes since', () => {
    spec
      .given([...teamIn('self-steering'), { type: 'YesWithdrawn', data: { teamId: TEAM, memberId: ANNA, withdrawnBy: ANNA, withdrawnAt: T0, reason: null } }])
      .when(move('performing'), because('Anna wants more support'))
      .then([changed('self-steering', 'performing', 'Anna wants more support')]);
  });
});

describe('MoveTeamToPhase: into self-steering', () => {
  it('refuses a team with nobody in the member role, saying so', () => {
    spec
      .given([teamCreated(), memberAdded(COACH, ['coach']), phaseChanged('preparing', 'forming'), phaseChanged('forming', 'performing')])
      .when(move('self-steering'))
      .thenRejects('PHASE.NO_MEMBERS', { category: 'precondition', field: 'phase', message: `Team ${TEAM} has no members to steer themselves.` });
  });

  it('refuses while members have not said yes, naming each of them', () => {
    spec
      .given([...teamIn('performing'), yesGiven(BRAM)])
      .when(move('self-steering'))
      .thenRejects('PHASE.YES_MISSING', {
        category: 'precondition',
        field: 'phase',
        message: `Team ${TEAM} can become self-steering only when every member has said yes; still waiting for ${ANNA}, ${CHEN}.`,
        details: { missingMemberIds: [ANNA, CHEN] },
      });
  });

  it('asks only holders of the member role, whatever other roles they hold', () => {
    spec
      .given([...teamIn('performing'), memberAdded('user-lead', ['transformation-lead', 'analyst']), yesGiven(ANNA), yesGiven(BRAM), yesGiven(CHEN)])
      .when(move('self-steering'), as(COACH))
      .then([changed('performing', 'self-steering')]);
  });
});
