import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { as, because, boundarySet, COACH, financial, fromUnit, NOW, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const create = (data: Record<string, unknown>) => ({ type: 'CreateTeam', data: { teamId: TEAM, name: 'Wijkteam Noord', ...data } }) as never;
const created = (data: Record<string, unknown> = {}) => ({
  type: 'TeamCreated' as const,
  data: { teamId: TEAM, name: 'Wijkteam Noord', unitId: null, purpose: null, createdBy: COACH, createdAt: now, ...data },
});

describe('CreateTeam refusals', () => {
  it.each([
    ['teamId', 'TEAM.ID_INVALID', { teamId: ' team-a' }, 'The team id must be a non-empty id without surrounding spaces, at most 128 characters.'],
    ['unitId', 'TEAM.UNIT_INVALID', { unitId: '' }, 'The unit id must be a non-empty id without surrounding spaces, at most 128 characters.'],
    ['name', 'TEAM.NAME_INVALID', { name: '  ' }, 'The team name must not be empty.'],
    ['name', 'TEAM.NAME_INVALID', { name: 'n'.repeat(121) }, 'The team name may be at most 120 characters (got 121).'],
    ['purpose', 'TEAM.PURPOSE_INVALID', { purpose: 'p'.repeat(1001) }, 'The purpose may be at most 1000 characters (got 1001).'],
    ['purpose', 'TEAM.PURPOSE_INVALID', { purpose: 42 }, 'The purpose must not be empty.'],
  ])('refuses a bad %s (%s) as invalid, saying what is wrong', (field, code, data, message) => {
    spec.given([]).when(create(data)).thenRejects(code, { category: 'invalid', field, message });
  });

  it('accepts a purpose of exactly 1000 characters, trimmed', () => {
    const purpose = 'p'.repeat(1000);
    spec.given([]).when(create({ purpose: `  ${purpose}  ` }), as(COACH)).then([created({ purpose })]);
  });

  it('records a blank purpose as none', () => {
    spec.given([]).when(create({ purpose: '   ' }), as(COACH)).then([created()]);
  });
});

describe('RenameTeam edges', () => {
  it('trims the new name, and a padded current name changes nothing', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'RenameTeam', data: { teamId: TEAM, name: '  Wijkteam Oost ' } }, as(COACH))
      .then([{ type: 'TeamRenamed', data: { teamId: TEAM, previousName: 'Wijkteam Noord', name: 'Wijkteam Oost', renamedBy: COACH, renamedAt: now } }]);
    spec.given([teamCreated()]).when({ type: 'RenameTeam', data: { teamId: TEAM, name: ' Wijkteam Noord ' } }).thenNothingHappens();
  });

  it('refuses a name over 120 characters, and accepts exactly 120', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'RenameTeam', data: { teamId: TEAM, name: 'n'.repeat(121) } })
      .thenRejects('TEAM.NAME_INVALID', { category: 'invalid', field: 'name', message: 'The team name may be at most 120 characters (got 121).' });
    spec
      .given([teamCreated()])
      .when({ type: 'RenameTeam', data: { teamId: TEAM, name: 'n'.repeat(120) } }, as(COACH))
      .then([{ type: 'TeamRenamed', data: { teamId: TEAM, previousName: 'Wijkteam Noord', name: 'n'.repeat(120), renamedBy: COACH, renamedAt: now } }]);
  });
});

describe('MoveTeamToUnit refusals and edges', () => {
  const move = (unitId: unknown, unitBoundaries = [fromUnit(financial('u-limit', 5000), 'unit-2')]) => ({ type: 'MoveTeamToUnit', data: { teamId: TEAM, unitId, unitBoundaries } }) as never;

  it.each([[''], [' unit-2'], [undefined]])('refuses the unit id %j as invalid', (unitId) => {
    spec
      .given([teamCreated()])
      .when(move(unitId), because('reorganisation'))
      .thenRejects('TEAM.UNIT_INVALID', { category: 'invalid', field: 'unitId', message: 'The unit id must be a non-empty id without surrounding spaces, at most 128 characters.' });
  });

  it.each([[undefined], ['   ']])('refuses the reason %j, saying what it is for', (reason) => {
    spec
      .given([teamCreated()])
      .when(move('unit-2'), as(COACH, { reason }))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { category: 'invalid', field: 'reason', message: 'A reason is required to move a team to another unit.' });
  });

  it('moves a team without a unit or boundaries of its own, with the trimmed reason', () => {
    spec
      .given([teamCreated(null)])
      .when(move('unit-2', []), because('  first unit  '))
      .then([{ type: 'TeamMovedToUnit', data: { teamId: TEAM, previousUnitId: null, unitId: 'unit-2', movedBy: COACH, movedAt: now, reason: 'first unit' } }]);
  });

  it('moves a team whose boundary is exactly the new unit’s limit', () => {
    spec
      .given([teamCreated(), boundarySet(financial('t-limit', 5000))])
      .when(move('unit-2'), because('reorganisation'))
      .then([{ type: 'TeamMovedToUnit', data: { teamId: TEAM, previousUnitId: 'unit-care', unitId: 'unit-2', movedBy: COACH, movedAt: now, reason: 'reorganisation' } }]);
  });

  it('names every boundary that would be wider than the new unit, and the unit, with the violations as details', () => {
    const rejection = spec
      .given([teamCreated(), boundarySet(financial('t-limit', 8000)), boundarySet(financial('t-other', 6000))])
      .when(move('unit-2'), because('reorganisation'))
      .thenRejects('BOUNDARY.WIDER_THAN_UNIT', { category: 'forbidden', field: 'unitId' });
    expect(rejection.message).toBe(
      "The team's boundaries would be wider than unit unit-2 allows: " +
        'Limit t-limit allows EUR 8000 per decision, more than Limit u-limit allows (EUR 5000 per decision). ' +
        'Limit t-other allows EUR 6000 per decision, more than Limit u-limit allows (EUR 5000 per decision). Narrow them first.',
    );
    expect(rejection.details).toEqual({
      violations: [
        expect.objectContaining({ boundaryId: 't-limit', constraintId: 'u-limit', problem: 'amount-above-limit' }),
        expect.objectContaining({ boundaryId: 't-other', constraintId: 'u-limit', problem: 'amount-above-limit' }),
      ],
    });
  });
});
