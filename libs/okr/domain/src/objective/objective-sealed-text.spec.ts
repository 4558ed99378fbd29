import { describe, expect, it } from '@jest/globals';
import type { TextRule } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { checkIn, cycle, history, OBJ, on, runningSteps } from './objective.fixtures';
import { BLOCKER_TEXT, CHECK_IN_COMMENT_TEXT, REVIEW_FINDING_TEXT } from './objective.model';

/**
 * Free text about people arrives sealed. Plain text is refused as invalid, with the rule's
 * code and field and a message that names which text it was, so the caller can point at it.
 */
const spec = DeciderSpecification.for(objectiveDecider);
const running = (): ObjectiveEvent[] => history(...runningSteps());
/** An aspirational objective that ended low: grading opens a blockers review. */
const underReview = (): ObjectiveEvent[] => history(...runningSteps('aspirational'), [{ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } }, on(101)]);

describe('personal text in plain form is refused, naming the text', () => {
  const cases: [string, () => ObjectiveEvent[], ObjectiveCommand, { code: string; field: string; says: string }, TextRule][] = [
    ['a check-in comment', running, checkIn('c-1', 'kr-1', 50, 7, { comment: 'plain text' as never }), { code: 'OKR.COMMENT_INVALID', field: 'comment', says: 'The comment must arrive sealed' }, CHECK_IN_COMMENT_TEXT],
    [
      'a blocker description, by its place in the list',
      running,
      checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [{ blockerId: 'b-1', description: 'plain text' as never }] }),
      { code: 'OKR.BLOCKER_INVALID', field: 'blockers.0.description', says: 'The blocker description must arrive sealed' },
      BLOCKER_TEXT,
    ],
    [
      'a review finding',
      underReview,
      { type: 'RecordBlockersReviewFinding', data: { objectiveId: OBJ, findingId: 'f-1', obstacle: 'plain text' as never } },
      { code: 'OKR.FINDING_INVALID', field: 'obstacle', says: 'What stood in the way must arrive sealed' },
      REVIEW_FINDING_TEXT,
    ],
  ];

  it.each(cases)('%s', (_, given, command, { code, field, says }) => {
    spec.given(given()).when(command).thenRejects(code, { category: 'invalid', field, message: expect.stringContaining(says) as never });
  });

  // The application layer checks the plain text against the exported rule before sealing it: its refusal
  // must carry the same code and point at the same field (for a blocker, the field without its place in the list).
  it.each(cases)('%s: the exported text rule names the same code and field as the refusal', (_, _given, _command, { code, field }, rule) => {
    expect(rule).toMatchObject({ code, field: field.replace(/\.\d+\./, '.') });
  });
});
