import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { as, because, boundarySet, COACH, financial, fromUnit, NOW, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);

describe('RenameTeam', () => {
  it('renames, keeping the previous name', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'RenameTeam', data: { teamId: TEAM, name: 'Wijkteam Oost' } }, as(COACH))
      .then([{ type: 'TeamRenamed', data: { teamId: TEAM, previousName: 'Wijkteam Noord', name: 'Wijkteam Oost', renamedBy: COACH, renamedAt: NOW.toISOString() } }]);
  });

  it('changes nothing when the name is the same', () => {
    spec.given([teamCreated()]).when({ type: 'RenameTeam', data: { teamId: TEAM, name: 'Wijkteam Noord' } }).thenNothingHappens();
  });

  it('rejects an unknown team and an empty name', () => {
    spec.given([]).when({ type: 'RenameTeam', data: { teamId: TEAM, name: 'X' } }).thenRejects('TEAM.NOT_FOUND', { category: 'not-found', field: 'teamId' });
    spec.given([teamCreated()]).when({ type: 'RenameTeam', data: { teamId: 'team-other', name: 'X' } }).thenRejects('TEAM.NOT_FOUND');
    spec.given([teamCreated()]).when({ type: 'RenameTeam', data: { teamId: TEAM, name: ' ' } }).thenRejects('TEAM.NAME_INVALID', { field: 'name' });
  });
});

describe('MoveTeamToUnit', () => {
  const move = (unitBoundaries = [fromUnit(financial('u-limit', 5000), 'unit-2')]) =>
    ({ type: 'MoveTeamToUnit', data: { teamId: TEAM, unitId: 'unit-2', unitBoundaries } }) as const;

  it('moves the team with a reason when its boundaries fit the new unit', () => {
    spec
      .given([teamCreated(), boundarySet(financial('t-limit', 4000))])
      .when(move(), because('reorganisation'))
      .then([
        {
          type: 'TeamMovedToUnit',
          data: { teamId: TEAM, previousUnitId: 'unit-care', unitId: 'unit-2', movedBy: COACH, movedAt: NOW.toISOString(), reason: 'reorganisation' },
        },
      ]);
  });

  it('requires a reason', () => {
    spec.given([teamCreated()]).when(move(), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('refuses a move that would leave the team with boundaries wider than the new unit', () => {
    spec
      .given([teamCreated(), boundarySet(financial('t-limit', 8000))])
      .when(move(), because('reorganisation'))
      .thenRejects('BOUNDARY.WIDER_THAN_UNIT', { category: 'forbidden', field: 'unitId' });
  });

  it('changes nothing when the team is already in that unit', () => {
    spec.given([teamCreated('unit-2')]).when(move(), because('again')).thenNothingHappens();
  });
});
