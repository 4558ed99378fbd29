import type { DevelopmentLevel } from './maturity.model';
import { DEVELOPMENT_LEVELS } from './maturity.model';
import type { MaturityAssessment, MaturityState } from './maturity.state';

export interface CurrentTaskMaturity extends MaturityAssessment {
  readonly teamId: string;
  readonly memberId: string;
}

/** The latest assessment of every task the member still does. */
export function currentTaskMaturity(state: MaturityState): readonly CurrentTaskMaturity[] {
  if (!state.exists) return [];
  return [...state.tasks.values()].filter((t) => t.retiredAt === null).map((t) => ({ teamId: state.teamId!, memberId: state.memberId!, ...t.history.at(-1)! }));
}

export const taskHistory = (state: MaturityState, task: string): readonly MaturityAssessment[] => state.tasks.get(task)?.history ?? [];

/** Who is asking: their user id and the teams they coach (from the service's read model of governance's teams). */
export interface MaturityViewer {
  readonly userId: string;
  readonly coachOfTeamIds: readonly string[];
}

/**
 * The member sees their own; the team's coach sees their team's; nobody else does — no
 * admin, no analyst, no transformation lead. The service applies this to every read.
 */
export const canSeeTaskMaturity = (viewer: MaturityViewer, subject: { readonly teamId: string; readonly memberId: string }): boolean =>
  viewer.userId === subject.memberId || viewer.coachOfTeamIds.includes(subject.teamId);

export type MaturityCounts =
  | { readonly kind: 'not-enough-people' }
  /** Per development level the number of current task assessments, or null where it is withheld. */
  | { readonly kind: 'counts'; readonly counts: Readonly<Record<DevelopmentLevel, number | null>> };

/**
 * What analytics may get: counts per development level over a group's current
 * assessments, never who. A level's count is shown only when at least `threshold`
 * different people stand behind it (an empty level shows 0, which names nobody). When
 * exactly one level would be withheld, the smallest shown non-empty level is withheld
 * with it, so the hidden one cannot be found by subtracting from a known total.
 */
export function maturityCountsPerLevel(assessments: readonly Pick<CurrentTaskMaturity, 'memberId' | 'developmentLevel'>[], threshold: number): MaturityCounts {
  const people = new Set(assessments.map((a) => a.memberId));
  if (people.size < threshold) return { kind: 'not-enough-people' };
  const cells = DEVELOPMENT_LEVELS.map((level) => {
    const atLevel = assessments.filter((a) => a.developmentLevel === level);
    return { level, count: atLevel.length, people: new Set(atLevel.map((a) => a.memberId)).size };
  });
  const withheld = new Set(cells.filter((c) => c.count > 0 && c.people < threshold).map((c) => c.level));
  if (withheld.size === 1) {
    const smallest = cells.filter((c) => c.count > 0 && !withheld.has(c.level)).sort((a, b) => a.count - b.count)[0];
    if (smallest) withheld.add(smallest.level);
  }
  const counts = Object.fromEntries(cells.map((c) => [c.level, withheld.has(c.level) ? null : c.count])) as Record<DevelopmentLevel, number | null>;
  return { kind: 'counts', counts };
}
