/**
 * Task maturity after Hersey & Blanchard's situational leadership (SLII): per person *per
 * task*, competence and commitment give a development level, the development level a
 * leadership style, and the style a suggested level on the Management 3.0 delegation
 * board for that task. "Trust made to measure."
 */

export const COMPETENCE_LEVELS = ['low', 'some', 'high'] as const;
export type Competence = (typeof COMPETENCE_LEVELS)[number];
export const COMMITMENT_LEVELS = ['low', 'variable', 'high'] as const;
export type Commitment = (typeof COMMITMENT_LEVELS)[number];

export const DEVELOPMENT_LEVELS = ['D1', 'D2', 'D3', 'D4'] as const;
export type DevelopmentLevel = (typeof DEVELOPMENT_LEVELS)[number];

export type LeadershipStyle = 'directing' | 'coaching' | 'supporting' | 'delegating';

/** The seven levels of the Management 3.0 delegation board, 1 = Tell … 7 = Delegate. */
export const BOARD_LEVEL_NAMES = ['Tell', 'Sell', 'Consult', 'Agree', 'Advise', 'Inquire', 'Delegate'] as const;
export type BoardLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type BoardLevelName = (typeof BOARD_LEVEL_NAMES)[number];
export const boardLevelName = (level: BoardLevel): BoardLevelName => BOARD_LEVEL_NAMES[level - 1]!;

/**
 * Development level from competence × commitment. SLII names four corners (D1 low
 * competence, high commitment; D2 some competence, low commitment; D3 high competence,
 * variable commitment; D4 high, high); the other cells follow competence first, since
 * competence is what grows on a task:
 *
 *   competence \ commitment | low | variable | high
 *   low                     | D2  | D1       | D1     a beginner who is still keen is D1; one who lost heart is D2
 *   some                    | D2  | D2       | D3     some skill with full commitment is capable-but-unproven: D3
 *   high                    | D3  | D3       | D4     high skill without full commitment needs support, not direction
 */
export const DEVELOPMENT_GRID: Readonly<Record<Competence, Readonly<Record<Commitment, DevelopmentLevel>>>> = {
  low: { low: 'D2', variable: 'D1', high: 'D1' },
  some: { low: 'D2', variable: 'D2', high: 'D3' },
  high: { low: 'D3', variable: 'D3', high: 'D4' },
};

export interface StyleForLevel {
  readonly style: LeadershipStyle;
  /** The board level to suggest for the task. */
  readonly suggested: BoardLevel;
  /** The levels a coach may reasonably choose for this development level. */
  readonly range: { readonly from: BoardLevel; readonly to: BoardLevel };
}

/**
 * Style and delegation per development level. Hersey & Blanchard's original style names
 * (telling, selling, participating, delegating) line up with the board: S1 directing →
 * 1 Tell; S2 coaching → 2 Sell (the leader still decides, explains and listens; 3 Consult
 * at most); S3 supporting → 4 Agree (decide together; 5 Advise as trust grows); S4
 * delegating → 7 Delegate (6 Inquire where the coach wants to hear afterwards). The seven
 * levels are covered once: 1 | 2–3 | 4–5 | 6–7.
 */
export const STYLE_FOR_LEVEL: Readonly<Record<DevelopmentLevel, StyleForLevel>> = {
  D1: { style: 'directing', suggested: 1, range: { from: 1, to: 1 } },
  D2: { style: 'coaching', suggested: 2, range: { from: 2, to: 3 } },
  D3: { style: 'supporting', suggested: 4, range: { from: 4, to: 5 } },
  D4: { style: 'delegating', suggested: 7, range: { from: 6, to: 7 } },
};

export interface TaskMaturityDerivation {
  readonly developmentLevel: DevelopmentLevel;
  readonly leadershipStyle: LeadershipStyle;
  readonly suggestedDelegationLevel: BoardLevel;
}

export function deriveTaskMaturity(competence: Competence, commitment: Commitment): TaskMaturityDerivation {
  const developmentLevel = DEVELOPMENT_GRID[competence][commitment];
  const { style, suggested } = STYLE_FOR_LEVEL[developmentLevel];
  return { developmentLevel, leadershipStyle: style, suggestedDelegationLevel: suggested };
}
