import type { Decider } from '@leerzone/kernel';
import { assertNever } from '@leerzone/kernel';
import type { LibraryCommand } from './library.commands';
import type { LibraryEvent } from './library.events';
import { addContributingFactor, addLessonToLibrary, setFollowUpDueRule } from './library.rules';
import type { LibraryState } from './library.state';
import { evolveLibrary, initialLibraryState } from './library.state';

export const LIBRARY_STREAM_PREFIX = 'failure-learning-library-';
export const lessonsLibraryStreamId = (tenantId: string): string => `${LIBRARY_STREAM_PREFIX}${tenantId}`;

/**
 * One library per tenant: what every team may learn from, and the tenant's rules for
 * learning (factors, due dates). Reports read it as lookups; it never reads a report.
 */
export const libraryDecider: Decider<LibraryCommand, LibraryEvent, LibraryState> = {
  initialState: initialLibraryState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'AddLessonToLibrary':
        return addLessonToLibrary(command, state, ctx);
      case 'AddContributingFactor':
        return addContributingFactor(command, state, ctx);
      case 'SetFollowUpDueRule':
        return setFollowUpDueRule(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveLibrary,
};
