import { RESULT_DECIMALS } from '../shared/assessment.constants';
import type { InstrumentDefinition, InstrumentItem } from '../instrument/instrument.model';
import { isLowAgreement, rwgJ } from './rwg';
import { mean, roundTo, sampleSd, sampleVariance } from './statistics';

/** One respondent's answers to one instrument: item id → raw answer 1..A. */
export type RawResponses = ReadonlyMap<string, number>;

export interface ScoreSummary {
  /** The number of respondents behind the score, shown beside every score. */
  readonly n: number;
  readonly mean: number;
  /** Sample SD of the respondents' scores; null below two respondents. */
  readonly sd: number | null;
  /** rwg(j) over the items behind the score. */
  readonly rwg: number | null;
  readonly lowAgreement: boolean;
}

export interface DimensionResult extends ScoreSummary {
  readonly dimensionId: string;
  /** J: the number of items behind the dimension's rwg(j). */
  readonly itemCount: number;
}

export interface ItemResult {
  readonly itemId: string;
  readonly dimensionId: string;
  readonly n: number;
  /** After reverse-scoring, so that a low mean is always the weak spot. */
  readonly mean: number;
  readonly sd: number | null;
}

export interface InstrumentResult {
  readonly instrumentId: string;
  readonly version: number;
  readonly n: number;
  readonly dimensions: readonly DimensionResult[];
  readonly total: ScoreSummary | null;
  readonly items: readonly ItemResult[];
}

/** A + 1 − x: on a 7-point scale 1 ↔ 7, 2 ↔ 6, 4 stays 4. */
export const reverseScore = (value: number, points: number): number => points + 1 - value;

export const scoredValue = (item: InstrumentItem, value: number, points: number): number => (item.reverse ? reverseScore(value, points) : value);

export interface RespondentScores {
  readonly items: ReadonlyMap<string, number>;
  readonly dimensions: ReadonlyMap<string, number>;
  readonly total: number | null;
}

/** One respondent's scores: reverse items rescored, dimension means, and the total the definition asks for. */
export function respondentScores(definition: InstrumentDefinition, responses: RawResponses): RespondentScores {
  const points = definition.scale.points;
  const items = new Map(definition.items.map((item) => [item.itemId, scoredValue(item, responses.get(item.itemId)!, points)]));
  const dimensions = new Map(
    definition.dimensions.map((d) => [d.dimensionId, mean(definition.items.filter((item) => item.dimensionId === d.dimensionId).map((item) => items.get(item.itemId)!))]),
  );
  const total = definition.total === 'mean-of-dimensions' ? mean([...dimensions.values()]) : definition.total === 'mean-of-items' ? mean([...items.values()]) : null;
  return { items, dimensions, total };
}

const round = (value: number): number => roundTo(value, RESULT_DECIMALS);
const roundOrNull = (value: number | null): number | null => (value === null ? null : round(value));

function summary(scores: readonly number[], items: readonly InstrumentItem[], perRespondent: readonly RespondentScores[], points: number): ScoreSummary {
  const rwg = rwgJ(
    items.map((item) => sampleVariance(perRespondent.map((r) => r.items.get(item.itemId)!))),
    points,
  );
  return { n: scores.length, mean: round(mean(scores)), sd: roundOrNull(sampleSd(scores)), rwg: roundOrNull(rwg), lowAgreement: isLowAgreement(rwg) };
}

/**
 * Team results of one instrument over complete, validated answers (at least one). Whether
 * there are enough answers to show anything is the round's decision, not this function's.
 */
export function scoreInstrument(definition: InstrumentDefinition, answers: readonly RawResponses[]): InstrumentResult {
  if (answers.length === 0) throw new Error('Scoring needs at least one answer.');
  const points = definition.scale.points;
  const perRespondent = answers.map((responses) => respondentScores(definition, responses));
  const dimensions = definition.dimensions.map((d): DimensionResult => {
    const items = definition.items.filter((item) => item.dimensionId === d.dimensionId);
    return { dimensionId: d.dimensionId, itemCount: items.length, ...summary(perRespondent.map((r) => r.dimensions.get(d.dimensionId)!), items, perRespondent, points) };
  });
  const total = definition.total === 'none' ? null : summary(perRespondent.map((r) => r.total!), definition.items, perRespondent, points);
  const items = definition.items.map((item): ItemResult => {
    const values = perRespondent.map((r) => r.items.get(item.itemId)!);
    return { itemId: item.itemId, dimensionId: item.dimensionId, n: values.length, mean: round(mean(values)), sd: roundOrNull(sampleSd(values)) };
  });
  return { instrumentId: definition.instrumentId, version: definition.version, n: answers.length, dimensions, total, items };
}
