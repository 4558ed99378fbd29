import type { DomainEvent, SealedValue } from '@leerzone/kernel';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/** The two hard boundaries: unacceptable behaviour, not a failure to learn from blamelessly. */
export const HARD_BOUNDARIES = ['ignored-safety-rules', 'withheld-crucial-information'] as const;
export type HardBoundary = (typeof HARD_BOUNDARIES)[number];

export const CASE_CONSEQUENCE_KINDS = ['conversation', 'formal-warning', 'training', 'reassignment', 'suspension', 'dismissal', 'other'] as const;
export type CaseConsequenceKind = (typeof CASE_CONSEQUENCE_KINDS)[number];

export const CASE_OUTCOMES = ['substantiated', 'unsubstantiated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export type ConfidentialCaseOpened = Ev<
  'ConfidentialCaseOpened',
  { caseId: string; boundary: HardBoundary; teamId: string | null; concernedPersonId: string; account: SealedValue; openedBy: string; openedAt: string }
>;
/** Every read of a case, before anything of it is returned. */
export type ConfidentialCaseAccessed = Ev<'ConfidentialCaseAccessed', { caseId: string; purpose: string; accessedBy: string; accessedAt: string }>;
/** Someone without the officer role tried to read or act on the case: refused, and recorded for the auditors. */
export type ConfidentialCaseAccessRefused = Ev<
  'ConfidentialCaseAccessRefused',
  { caseId: string; attempted: string; actorRoles: readonly string[]; attemptedBy: string; attemptedAt: string }
>;
export type ConfidentialCaseConsequenceRecorded = Ev<
  'ConfidentialCaseConsequenceRecorded',
  { caseId: string; consequenceId: string; kind: CaseConsequenceKind; description: SealedValue; recordedBy: string; recordedAt: string }
>;
export type ConfidentialCaseClosed = Ev<'ConfidentialCaseClosed', { caseId: string; outcome: CaseOutcome; consequenceIds: readonly string[]; reason: string; closedBy: string; closedAt: string }>;

export type ConfidentialCaseEvent = ConfidentialCaseOpened | ConfidentialCaseAccessed | ConfidentialCaseAccessRefused | ConfidentialCaseConsequenceRecorded | ConfidentialCaseClosed;

const caseEventTypeSet: Record<ConfidentialCaseEvent['type'], true> = {
  ConfidentialCaseOpened: true,
  ConfidentialCaseAccessed: true,
  ConfidentialCaseAccessRefused: true,
  ConfidentialCaseConsequenceRecorded: true,
  ConfidentialCaseClosed: true,
};
export const CONFIDENTIAL_CASE_EVENT_TYPES = Object.keys(caseEventTypeSet) as readonly ConfidentialCaseEvent['type'][];
export const isConfidentialCaseEvent = (event: { readonly type: string }): event is ConfidentialCaseEvent => Object.hasOwn(caseEventTypeSet, event.type);
