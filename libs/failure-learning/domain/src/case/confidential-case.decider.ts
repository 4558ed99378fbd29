import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import type { ConfidentialCaseCommand } from './confidential-case.commands';
import type { ConfidentialCaseEvent } from './confidential-case.events';
import { accessConfidentialCase, closeConfidentialCase, openConfidentialCase, recordCaseConsequence } from './confidential-case.rules';
import type { ConfidentialCaseState } from './confidential-case.state';
import { evolveConfidentialCase, initialConfidentialCaseState } from './confidential-case.state';

/** Register this prefix as confidential with the audit API; never relay its events to the public topic. */
export const CASE_STREAM_PREFIX = 'failure-learning-case-';
export const confidentialCaseStreamId = (tenantId: string, caseId: string): string => aggregateStreamId(CASE_STREAM_PREFIX, tenantId, caseId);
export const isConfidentialStream = (streamId: string): boolean => streamId.startsWith(CASE_STREAM_PREFIX);

/**
 * A hard-boundary case, apart from blameless learning: its own stream, only the officer
 * reads or acts, and every read and every refused attempt is itself an event.
 */
export const confidentialCaseDecider: Decider<ConfidentialCaseCommand, ConfidentialCaseEvent, ConfidentialCaseState> = {
  initialState: initialConfidentialCaseState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'OpenConfidentialCase':
        return openConfidentialCase(command, state, ctx);
      case 'AccessConfidentialCase':
        return accessConfidentialCase(command, state, ctx);
      case 'RecordCaseConsequence':
        return recordCaseConsequence(command, state, ctx);
      case 'CloseConfidentialCase':
        return closeConfidentialCase(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveConfidentialCase,
};
