import { describe, expect, it } from '@jest/globals';
import { delegationLevelName, describeLevel, isDelegationLevel, isStandardDecisionArea } from './delegation.model';

describe('delegation levels', () => {
  it.each([1, 4, 7])('%p is a delegation level', (level) => {
    expect(isDelegationLevel(level)).toBe(true);
  });

  it.each([0, 8, 3.5, '3', null])('%p is not a delegation level', (value) => {
    expect(isDelegationLevel(value)).toBe(false);
  });

  it('names and describes a level', () => {
    expect(delegationLevelName(5)).toBe('Advise');
    expect(describeLevel(7)).toBe('7 (Delegate)');
  });
});

describe('isStandardDecisionArea', () => {
  it.each(['hiring', 'budget-spend', 'working-hours'])('knows %s as a standard area', (area) => {
    expect(isStandardDecisionArea(area)).toBe(true);
  });

  it.each(['gardening', 'toString', '__proto__'])('does not count %s as a standard area', (area) => {
    expect(isStandardDecisionArea(area)).toBe(false);
  });
});
