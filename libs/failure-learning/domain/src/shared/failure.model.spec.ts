import { describe, expect, it } from '@jest/globals';
import { CAUSES_BY_KIND, FAILURE_CAUSES, FAILURE_KINDS, kindOfCause } from './failure.model';

describe("Edmondson's kinds and causes", () => {
  it('gives every cause exactly one kind, and no kind a cause outside the nine', () => {
    expect(FAILURE_KINDS.flatMap((kind) => CAUSES_BY_KIND[kind]).sort()).toEqual([...FAILURE_CAUSES].sort());
    expect(FAILURE_CAUSES.map((cause) => [cause, kindOfCause(cause)])).toEqual([
      ['deviance', 'basic'],
      ['inattention', 'basic'],
      ['lack-of-ability', 'basic'],
      ['process-inadequacy', 'basic'],
      ['task-challenge', 'complex'],
      ['process-complexity', 'complex'],
      ['uncertainty', 'complex'],
      ['hypothesis-testing', 'intelligent'],
      ['exploratory-testing', 'intelligent'],
    ]);
  });
});
