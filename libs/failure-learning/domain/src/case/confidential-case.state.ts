import { assertNever } from '@leerzone/kernel';
import type { CaseOutcome, ConfidentialCaseEvent, HardBoundary } from './confidential-case.events';

export interface ConfidentialCaseState {
  readonly exists: boolean;
  readonly caseId: string | null;
  readonly boundary: HardBoundary | null;
  readonly concernedPersonId: string | null;
  readonly consequenceIds: readonly string[];
  readonly outcome: CaseOutcome | null;
  readonly accesses: number;
  readonly refusedAttempts: number;
}

export const initialConfidentialCaseState: ConfidentialCaseState = {
  exists: false,
  caseId: null,
  boundary: null,
  concernedPersonId: null,
  consequenceIds: [],
  outcome: null,
  accesses: 0,
  refusedAttempts: 0,
};

export function evolveConfidentialCase(state: ConfidentialCaseState, event: ConfidentialCaseEvent): ConfidentialCaseState {
  switch (event.type) {
    case 'ConfidentialCaseOpened':
      return { ...state, exists: true, caseId: event.data.caseId, boundary: event.data.boundary, concernedPersonId: event.data.concernedPersonId };
    case 'ConfidentialCaseAccessed':
      return { ...state, accesses: state.accesses + 1 };
    case 'ConfidentialCaseAccessRefused':
      return { ...state, refusedAttempts: state.refusedAttempts + 1 };
    case 'ConfidentialCaseConsequenceRecorded':
      return { ...state, consequenceIds: [...state.consequenceIds, event.data.consequenceId] };
    case 'ConfidentialCaseClosed':
      return { ...state, outcome: event.data.outcome };
    default:
      return assertNever(event);
  }
}
