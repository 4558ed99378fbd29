/**
 * An instrument is versioned data: its items, scale, reverse flags and scoring. A round
 * keeps a copy of the exact version it used, so results stay comparable when an
 * instrument changes; a new wording is a new version, never an edit.
 */

export interface InstrumentScale {
  /** A: the number of answer points, 1..A. */
  readonly points: number;
  readonly lowAnchor: string;
  readonly highAnchor: string;
}

export interface InstrumentDimension {
  readonly dimensionId: string;
  readonly title: string;
}

export interface InstrumentItem {
  readonly itemId: string;
  readonly dimensionId: string;
  readonly text: string;
  /** Scored as A + 1 − x, so that a high score always means "more" of the dimension. */
  readonly reverse: boolean;
}

/**
 * How a respondent's scores are formed. A dimension score is always the mean of the
 * dimension's items after reverse-scoring. The total is the mean of the dimension scores
 * (each dimension weighs the same, whatever its item count), the mean of all items, or
 * absent.
 */
export type TotalScoring = 'mean-of-dimensions' | 'mean-of-items' | 'none';
export const TOTAL_SCORINGS: readonly TotalScoring[] = ['mean-of-dimensions', 'mean-of-items', 'none'];

export type InstrumentSource =
  /** A published, validated instrument: read-only, cited. */
  | { readonly kind: 'published'; readonly citation: string; readonly adaptation: string | null }
  /** Leerzone's own instrument: not validated by published research, and it says so. */
  | { readonly kind: 'leerzone'; readonly note: string }
  /** A tenant's own instrument. */
  | { readonly kind: 'tenant'; readonly tenantId: string; readonly note: string | null };

export interface InstrumentDefinition {
  readonly instrumentId: string;
  readonly version: number;
  readonly title: string;
  readonly source: InstrumentSource;
  /** Who the items are about, as the respondent reads them. */
  readonly referent: string | null;
  readonly scale: InstrumentScale;
  readonly dimensions: readonly InstrumentDimension[];
  readonly items: readonly InstrumentItem[];
  readonly total: TotalScoring;
}

export interface InstrumentRef {
  readonly instrumentId: string;
  readonly version: number;
}

export const refOf = (definition: InstrumentDefinition): InstrumentRef => ({ instrumentId: definition.instrumentId, version: definition.version });
