/**
 * What analytics reads of assessment's published events (docs/assessment-events.md, version 1).
 * Assessment never publishes who answered or what (participation and answers are private to
 * it); a round below its threshold closes with no results and not even a count. Analytics
 * reads the group's size, the frozen threshold, the team-level results and the zone, and
 * never the respondents' ids or the sealed comments.
 */
import { Fields, checkVersion, type PublishedEvent } from './fact-reader';

export const ZONES = ['learning', 'comfort', 'anxiety', 'apathy'] as const;
export type Zone = (typeof ZONES)[number];

/** The published instruments analytics reports by name (others are kept with their id). */
export const PSYCHOLOGICAL_SAFETY = 'psychological-safety';
export const ABI_TRUSTWORTHINESS = 'abi-trustworthiness';

export interface InstrumentScores {
  readonly instrumentId: string;
  /** Respondents whose answers the result is computed from. */
  readonly n: number;
  readonly total: number | null;
  readonly dimensions: Readonly<Record<string, number>>;
}

export type AssessmentFact =
  | { readonly type: 'RoundOpened'; readonly roundId: string; readonly teamId: string; readonly instrumentIds: readonly string[]; readonly groupSize: number; readonly threshold: number; readonly openedAt: string }
  | { readonly type: 'AnonymityThresholdChanged'; readonly roundId: string; readonly threshold: number }
  | { readonly type: 'RespondentsAdded'; readonly roundId: string; readonly added: number }
  | {
      readonly type: 'RoundClosed';
      readonly roundId: string;
      readonly teamId: string;
      readonly outcome: 'results' | 'not-enough-answers';
      readonly results: readonly InstrumentScores[];
      readonly zone: { readonly zone: Zone; readonly safety: number; readonly standards: number } | null;
      readonly closedAt: string;
    }
  | { readonly type: 'TeamZoneChanged'; readonly roundId: string; readonly teamId: string; readonly from: Zone | null; readonly to: Zone; readonly changedAt: string }
  | { readonly type: 'AssessmentSettingsChanged'; readonly anonymityThreshold: number };

export type AssessmentFactType = AssessmentFact['type'];

export const ASSESSMENT_FACT_TYPES: readonly AssessmentFactType[] = ['RoundOpened', 'AnonymityThresholdChanged', 'RespondentsAdded', 'RoundClosed', 'TeamZoneChanged', 'AssessmentSettingsChanged'];

const count = (data: Fields, field: string): number => data.integer(field);

function scores(type: string, raw: unknown, index: number): InstrumentScores {
  const result = new Fields(type, raw, `data.results[${index}]`);
  const total = result.optionalObject('total');
  const dimensions: Record<string, number> = {};
  result.array('dimensions').forEach((dimension, i) => {
    const d = new Fields(type, dimension, `data.results[${index}].dimensions[${i}]`);
    dimensions[d.key('dimensionId')] = d.number('mean');
  });
  return { instrumentId: result.key('instrumentId'), n: count(result, 'n'), total: total ? total.number('mean') : null, dimensions };
}

export function readAssessmentFact(event: PublishedEvent): AssessmentFact | undefined {
  const type = event.type as AssessmentFactType;
  if (!ASSESSMENT_FACT_TYPES.includes(type)) return undefined;
  checkVersion(event, [1]);
  const data = new Fields(type, event.data);
  switch (type) {
    case 'RoundOpened':
      return {
        type,
        roundId: data.text('roundId'),
        teamId: data.text('teamId'),
        instrumentIds: data.array('instruments').map((instrument, i) => new Fields(type, instrument, `data.instruments[${i}]`).key('instrumentId')),
        groupSize: data.array('respondentIds').length,
        threshold: count(data, 'anonymityThreshold'),
        openedAt: data.instant('openedAt'),
      };
    case 'AnonymityThresholdChanged':
      return { type, roundId: data.text('roundId'), threshold: count(data, 'threshold') };
    case 'RespondentsAdded':
      return { type, roundId: data.text('roundId'), added: data.array('memberIds').length };
    case 'RoundClosed': {
      const outcome = data.oneOf('outcome', ['results', 'not-enough-answers'] as const);
      const zone = outcome === 'results' ? data.optionalObject('zone') : null;
      return {
        type,
        roundId: data.text('roundId'),
        teamId: data.text('teamId'),
        outcome,
        results: outcome === 'results' ? data.array('results').map((result, i) => scores(type, result, i)) : [],
        zone: zone ? { zone: zone.oneOf('zone', ZONES), safety: zone.number('safety'), standards: zone.number('standards') } : null,
        closedAt: data.instant('closedAt'),
      };
    }
    case 'TeamZoneChanged':
      return {
        type,
        roundId: data.text('roundId'),
        teamId: data.text('teamId'),
        from: data.has('from') ? data.oneOf('from', ZONES) : null,
        to: data.oneOf('to', ZONES),
        changedAt: data.instant('changedAt'),
      };
    case 'AssessmentSettingsChanged':
      return { type, anonymityThreshold: count(data, 'anonymityThreshold') };
  }
}
