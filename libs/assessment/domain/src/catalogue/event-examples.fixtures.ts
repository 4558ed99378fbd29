import type { SealedValue } from '@leerzone/kernel';
import type { InstrumentEvent } from '../instrument/instrument.events';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { MaturityEvent } from '../maturity/maturity.events';
import type { RoundEvent } from '../round/round.events';
import type { InstrumentResult } from '../scoring/score-instrument';
import type { SettingsEvent } from '../settings/settings.events';

/** One example of every assessment event, typed per event type: the compiler insists on completeness and shape. */
type Examples<E extends { type: string }> = { [K in E['type']]: Extract<E, { type: K }> };

const at = '2026-03-01T09:00:00.000Z';
const sealed = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'key-1', alg: 'A256GCM', iv: 'aXYtYmFzZTY0', data: 'Y2lwaGVydGV4dA==', tag: 'dGFnLWJhc2U2NA==' } });
const energy: InstrumentDefinition = {
  instrumentId: 'team-energy',
  version: 1,
  title: 'Team energy',
  source: { kind: 'tenant', tenantId: 'tenant-a', note: 'Our own pulse question' },
  referent: null,
  scale: { points: 5, lowAnchor: 'Never', highAnchor: 'Always' },
  dimensions: [{ dimensionId: 'energy', title: 'Energy' }],
  items: [
    { itemId: 'energy-1', dimensionId: 'energy', text: 'I leave work with energy left.', reverse: false },
    { itemId: 'energy-2', dimensionId: 'energy', text: 'Our meetings drain me.', reverse: true },
  ],
  total: 'mean-of-items',
};
const result: InstrumentResult = {
  instrumentId: 'team-energy',
  version: 1,
  n: 5,
  dimensions: [{ dimensionId: 'energy', itemCount: 2, n: 5, mean: 3.8, sd: 0.6708, rwg: 0.9, lowAgreement: false }],
  total: { n: 5, mean: 3.8, sd: 0.6708, rwg: 0.9, lowAgreement: false },
  items: [
    { itemId: 'energy-1', dimensionId: 'energy', n: 5, mean: 4, sd: 0.7071 },
    { itemId: 'energy-2', dimensionId: 'energy', n: 5, mean: 3.6, sd: 0.8944 },
  ],
};
const thresholds = { safetyHighFrom: 5, standardsHighFrom: 5 };

export const instrumentEventExamples: Examples<InstrumentEvent> = {
  InstrumentDefined: { type: 'InstrumentDefined', data: { instrumentId: 'team-energy', definition: energy, definedBy: 'user-admin', definedAt: at } },
  InstrumentRevised: {
    type: 'InstrumentRevised',
    data: { instrumentId: 'team-energy', previousVersion: 1, definition: { ...energy, version: 2, title: 'Energy at work' }, revisedBy: 'user-admin', revisedAt: at, reason: 'clearer title' },
  },
  InstrumentRetired: { type: 'InstrumentRetired', data: { instrumentId: 'team-energy', lastVersion: 2, retiredBy: 'user-admin', retiredAt: at, reason: 'replaced by the safety scale' } },
};

export const roundEventExamples: Examples<RoundEvent> = {
  RoundOpened: {
    type: 'RoundOpened',
    data: {
      roundId: 'r-1',
      teamId: 'team-a',
      instruments: [energy],
      respondentIds: ['user-anna', 'user-bram', 'user-chen', 'user-dina', 'user-eva'],
      anonymityThreshold: 5,
      closesAt: '2026-03-15T17:00:00.000Z',
      previousRoundId: 'r-0',
      slotKey: sealed('assessment-round-r-1'),
      openedBy: 'user-coach',
      openedAt: at,
    },
  },
  AnonymityThresholdChanged: {
    type: 'AnonymityThresholdChanged',
    data: { roundId: 'r-1', previousThreshold: 5, threshold: 6, changedBy: 'user-coach', changedAt: at, reason: 'asked by the team' },
  },
  RespondentsAdded: { type: 'RespondentsAdded', data: { roundId: 'r-1', memberIds: ['user-finn'], addedBy: 'user-coach', addedAt: at, reason: 'joined the team' } },
  RespondentCounted: { type: 'RespondentCounted', data: { roundId: 'r-1', respondentId: 'user-anna', countedAt: at } },
  AnswerRecorded: { type: 'AnswerRecorded', data: { roundId: 'r-1', slot: 'q5Yv3m0lWbq6Xz0s2R9fJg', sealed: sealed('assessment-round-r-1'), replacesEarlier: false } },
  RoundClosed: {
    type: 'RoundClosed',
    data: {
      roundId: 'r-1',
      teamId: 'team-a',
      outcome: 'results',
      results: [result],
      zone: { zone: 'learning', safety: 5.4, standards: 5.1, thresholds, lowAgreement: false },
      comments: [sealed('assessment-comment-5d1c'), sealed('assessment-comment-09ab')],
      commentsDatedAt: at,
      closedBy: 'assessment-scheduler',
      closedAt: at,
    },
  },
  TeamZoneChanged: { type: 'TeamZoneChanged', data: { teamId: 'team-a', roundId: 'r-1', from: 'comfort', to: 'learning', safety: 5.4, standards: 5.1, thresholds, changedAt: at } },
  FocusItemsChosen: { type: 'FocusItemsChosen', data: { roundId: 'r-1', items: [{ instrumentId: 'team-energy', itemId: 'energy-2' }], chosenBy: 'user-anna', chosenAt: at } },
  ActionAgreed: {
    type: 'ActionAgreed',
    data: {
      roundId: 'r-1',
      actionId: 'a-1',
      title: 'Stand-ups of 15 minutes at most',
      ownerId: 'user-bram',
      dueOn: '2026-04-01',
      focusItem: { instrumentId: 'team-energy', itemId: 'energy-2' },
      agreedBy: 'user-coach',
      agreedAt: at,
    },
  },
  ActionCompleted: { type: 'ActionCompleted', data: { roundId: 'r-1', actionId: 'a-1', completedBy: 'user-bram', completedAt: at } },
  ActionDropped: { type: 'ActionDropped', data: { roundId: 'r-1', actionId: 'a-2', droppedBy: 'user-bram', droppedAt: at, reason: 'overtaken by the new roster' } },
  ActionHelpfulnessRated: { type: 'ActionHelpfulnessRated', data: { roundId: 'r-1', actionId: 'a-1', memberId: 'user-anna', helped: true, ratedAt: at } },
};

export const maturityEventExamples: Examples<MaturityEvent> = {
  TaskMaturityRecorded: {
    type: 'TaskMaturityRecorded',
    data: {
      teamId: 'team-a',
      memberId: 'user-anna',
      coachId: 'user-coach',
      task: 'budgeting',
      taskTitle: 'Team budget',
      competence: 'some',
      commitment: 'low',
      developmentLevel: 'D2',
      leadershipStyle: 'coaching',
      suggestedDelegationLevel: 2,
      note: sealed('user-anna'),
      recordedBy: 'user-coach',
      recordedAt: at,
    },
  },
  TaskRetired: { type: 'TaskRetired', data: { teamId: 'team-a', memberId: 'user-anna', task: 'budgeting', retiredBy: 'user-coach', retiredAt: at, reason: 'moved to planning' } },
};

export const settingsEventExamples: Examples<SettingsEvent> = {
  AssessmentSettingsChanged: {
    type: 'AssessmentSettingsChanged',
    data: { tenantId: 'tenant-a', anonymityThreshold: 6, zoneThresholds: { safetyHighFrom: 5.5, standardsHighFrom: 5 }, changedBy: 'user-admin', changedAt: at, reason: 'works council agreement' },
  },
};
