import type { DomainEvent, SealedValue } from '@leerzone/kernel';
import type { BoardLevel, Commitment, Competence, DevelopmentLevel, LeadershipStyle } from './maturity.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

/** Task maturity events, version 1. The derivation is recorded, so history shows what was suggested at the time. */
export type TaskMaturityRecorded = Ev<
  'TaskMaturityRecorded',
  {
    teamId: string;
    memberId: string;
    coachId: string;
    task: string;
    taskTitle: string;
    competence: Competence;
    commitment: Commitment;
    developmentLevel: DevelopmentLevel;
    leadershipStyle: LeadershipStyle;
    suggestedDelegationLevel: BoardLevel;
    note: SealedValue | null;
    recordedBy: string;
    recordedAt: string;
  }
>;
export type TaskRetired = Ev<'TaskRetired', { teamId: string; memberId: string; task: string; retiredBy: string; retiredAt: string; reason: string }>;

export type MaturityEvent = TaskMaturityRecorded | TaskRetired;

export const MATURITY_EVENT_TYPES: readonly MaturityEvent['type'][] = ['TaskMaturityRecorded', 'TaskRetired'];
