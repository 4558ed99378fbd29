import { describe, expect, it } from '@jest/globals';
import { ORGANISATION_EVENT_TYPES } from '../organisation/organisation.events';
import { isTeamEvent, TEAM_EVENT_TYPES } from './team.events';

describe('team event types', () => {
  it('are listed once each', () => {
    expect(TEAM_EVENT_TYPES).toHaveLength(34);
    expect(new Set(TEAM_EVENT_TYPES).size).toBe(TEAM_EVENT_TYPES.length);
  });

  it.each(TEAM_EVENT_TYPES)('%s is a team event', (type) => {
    expect(isTeamEvent({ type })).toBe(true);
  });

  it.each([...ORGANISATION_EVENT_TYPES, 'toString', 'constructor', '__proto__', 'hasOwnProperty', ''])('%j is not a team event', (type) => {
    expect(isTeamEvent({ type })).toBe(false);
  });
});
