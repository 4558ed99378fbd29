import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { checkIn, cycle, history, OBJ, on, runningSteps } from './objective.fixtures';

/**
 * Free text about people arrives sealed. Plain text is refused as invalid, with the rule's
 * code and field and a message that names which text it was, so the caller can point at it.
 */
const spec = DeciderSpecification.for(objectiveDecider);
const running = (): ObjectiveEvent[] => history(...runningSteps());
/** An aspirational objective that ended low: grading opens a blockers review. */
const underReview = (): ObjectiveEvent[] => history(...runningSteps('aspirational'), [{ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } }, on(101)]);

describe('personal text in plain form is refused, naming the text', () => {
  const cases: [string, () => ObjectiveEvent[], ObjectiveCommand, { code: string; field: string; says: string }][] = [
    ['a check-in comment', running, checkIn('c-1', 'kr-1', 50, 7, { comment: 'plain text' as never }), { code: 'OKR.COMMENT_INVALID', field: 'comment', says: 'The comment must arrive sealed' }],
    [
      'a blocker description, by its place in the list',
      running,
      checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [{ blockerId: 'b-1', description: 'plain text' as never }] }),
      { code: 'OKR.BLOCKER_INVALID', field: 'blockers.0.description', says: 'The blocker description must arrive sealed' },
    ],
    [
      'a review finding',
      underReview,
      { type: 'RecordBlockersReviewFinding', data: { objectiveId: OBJ, findingId: 'f-1', obstacle: 'plain text' as never } },
      { code: 'OKR.FINDING_INVALID', field: 'obstacle', says: 'What stood in the way must arrive sealed' },
    ],
  ];

  it.each(cases)('%s', (_, given, command, { code, field, says }) => {
    spec.given(given()).when(command).thenRejects(code, { category: 'invalid', field, message: expect.stringContaining(says) as never });
  });
});
