/**
 * What analytics reads of OKR's events (docs/okr-events.md, schema version 1): cycles, and per
 * objective its owner, commitment, key results, check-in statuses and grades. Titles and
 * sealed comments are not read: analytics keeps numbers, not words.
 */
import { Fields, checkVersion, type PublishedEvent } from './fact-reader';

export const COMMITMENTS = ['committed', 'aspirational'] as const;
export type Commitment = (typeof COMMITMENTS)[number];
export const KEY_RESULT_STATUSES = ['on-track', 'behind', 'at-risk'] as const;
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];
export const CYCLE_PHASES = ['planning', 'running', 'grading', 'closed'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

export interface ObjectiveOwner {
  readonly kind: 'unit' | 'team';
  readonly id: string;
}

export type OkrFact =
  | { readonly type: 'CyclePlanned'; readonly cycleId: string; readonly name: string; readonly startsOn: string; readonly endsOn: string }
  | { readonly type: 'CycleStarted' | 'CycleGradingStarted' | 'CycleClosed'; readonly cycleId: string; readonly phase: CyclePhase }
  | { readonly type: 'ObjectiveDefined'; readonly objectiveId: string; readonly cycleId: string; readonly owner: ObjectiveOwner; readonly commitment: Commitment; readonly definedAt: string }
  | { readonly type: 'ObjectiveRevised'; readonly objectiveId: string; readonly commitment: Commitment }
  | { readonly type: 'ObjectiveCommittedToCycle'; readonly objectiveId: string; readonly committedAt: string }
  | { readonly type: 'KeyResultAdded'; readonly objectiveId: string; readonly keyResultId: string; readonly weight: number }
  | { readonly type: 'KeyResultRemoved'; readonly objectiveId: string; readonly keyResultId: string }
  | {
      readonly type: 'KeyResultCheckedIn';
      readonly objectiveId: string;
      readonly keyResultId: string;
      readonly status: KeyResultStatus;
      readonly attainment: number;
      readonly confidence: number;
      readonly checkedInAt: string;
    }
  | {
      readonly type: 'KeyResultGraded';
      readonly objectiveId: string;
      readonly keyResultId: string;
      readonly cycleId: string;
      readonly commitment: Commitment;
      readonly score: number;
      readonly goalpostMoved: boolean;
      readonly gradedAt: string;
    }
  | {
      readonly type: 'ObjectiveGraded';
      readonly objectiveId: string;
      readonly cycleId: string;
      readonly cycleEndsOn: string;
      readonly owner: ObjectiveOwner;
      readonly commitment: Commitment;
      readonly score: number;
      readonly achieved: boolean;
      readonly gradedAt: string;
    };

export type OkrFactType = OkrFact['type'];

export const OKR_FACT_TYPES: readonly OkrFactType[] = [
  'CyclePlanned',
  'CycleStarted',
  'CycleGradingStarted',
  'CycleClosed',
  'ObjectiveDefined',
  'ObjectiveRevised',
  'ObjectiveCommittedToCycle',
  'KeyResultAdded',
  'KeyResultRemoved',
  'KeyResultCheckedIn',
  'KeyResultGraded',
  'ObjectiveGraded',
];

const owner = (data: Fields): ObjectiveOwner => {
  const o = data.object('owner');
  return { kind: o.oneOf('kind', ['unit', 'team'] as const), id: o.text('id') };
};

const unitScore = (data: Fields, field: string): number => data.numberIn(field, 0, 1);

export function readOkrFact(event: PublishedEvent): OkrFact | undefined {
  const type = event.type as OkrFactType;
  if (!OKR_FACT_TYPES.includes(type)) return undefined;
  checkVersion(event, [1]);
  const data = new Fields(type, event.data);
  switch (type) {
    case 'CyclePlanned':
      return { type, cycleId: data.text('cycleId'), name: data.text('name'), startsOn: data.day('startsOn'), endsOn: data.day('endsOn') };
    case 'CycleStarted':
      return { type, cycleId: data.text('cycleId'), phase: 'running' };
    case 'CycleGradingStarted':
      return { type, cycleId: data.text('cycleId'), phase: 'grading' };
    case 'CycleClosed':
      return { type, cycleId: data.text('cycleId'), phase: 'closed' };
    case 'ObjectiveDefined':
      return { type, objectiveId: data.text('objectiveId'), cycleId: data.text('cycleId'), owner: owner(data), commitment: data.oneOf('commitment', COMMITMENTS), definedAt: data.instant('definedAt') };
    case 'ObjectiveRevised':
      return { type, objectiveId: data.text('objectiveId'), commitment: data.oneOf('commitment', COMMITMENTS) };
    case 'ObjectiveCommittedToCycle':
      return { type, objectiveId: data.text('objectiveId'), committedAt: data.instant('committedAt') };
    case 'KeyResultAdded':
      return { type, objectiveId: data.text('objectiveId'), keyResultId: data.key('keyResultId'), weight: data.object('definition').number('weight') };
    case 'KeyResultRemoved':
      return { type, objectiveId: data.text('objectiveId'), keyResultId: data.key('keyResultId') };
    case 'KeyResultCheckedIn':
      return {
        type,
        objectiveId: data.text('objectiveId'),
        keyResultId: data.key('keyResultId'),
        status: data.oneOf('status', KEY_RESULT_STATUSES),
        attainment: data.number('attainment'),
        confidence: data.number('confidence'),
        checkedInAt: data.instant('checkedInAt'),
      };
    case 'KeyResultGraded':
      return {
        type,
        objectiveId: data.text('objectiveId'),
        keyResultId: data.key('keyResultId'),
        cycleId: data.text('cycleId'),
        commitment: data.oneOf('commitment', COMMITMENTS),
        score: unitScore(data, 'score'),
        goalpostMoved: data.boolean('goalpostMoved'),
        gradedAt: data.instant('gradedAt'),
      };
    case 'ObjectiveGraded':
      return {
        type,
        objectiveId: data.text('objectiveId'),
        cycleId: data.text('cycleId'),
        cycleEndsOn: data.day('cycleEndsOn'),
        owner: owner(data),
        commitment: data.oneOf('commitment', COMMITMENTS),
        score: unitScore(data, 'score'),
        achieved: data.boolean('achieved'),
        gradedAt: data.instant('gradedAt'),
      };
  }
}
