import type { Commitment, ObjectiveLevel, ObjectiveOwner } from './objective.model';
import { OBJECTIVE_LEVELS } from './objective.model';
import type { ObjectiveState } from './objective.state';
import { objectiveProgress, objectiveStatus } from './objective.queries';
import type { KeyResultStatus } from './progress';

export interface AlignmentNode {
  readonly objectiveId: string;
  readonly level: ObjectiveLevel;
  readonly owner: ObjectiveOwner;
  readonly title: string;
  readonly commitment: Commitment;
  readonly progress: number;
  readonly status: KeyResultStatus | null;
  readonly contributesTo: readonly string[];
  /** Proposals the parent has not accepted yet hang under the parent too, marked pending. */
  readonly pending: boolean;
  readonly children: readonly AlignmentNode[];
}

/**
 * The alignment tree of one cycle: organisation objectives at the top, the unit and team
 * objectives that support them beneath, with progress and status at every node. An
 * objective without an accepted (or pending) parent in `objectives` is a root; roots
 * are ordered organisation → unit → team, then by title.
 */
export function alignmentTree(objectives: readonly ObjectiveState[]): readonly AlignmentNode[] {
  const known = objectives.filter((o) => o.exists);
  const ids = new Set(known.map((o) => o.objectiveId));
  const parentOf = (o: ObjectiveState): string | null =>
    o.alignment && o.alignment.status !== 'declined' && ids.has(o.alignment.parentObjectiveId) ? o.alignment.parentObjectiveId : null;
  const order = (a: ObjectiveState, b: ObjectiveState): number =>
    OBJECTIVE_LEVELS.indexOf(a.level!) - OBJECTIVE_LEVELS.indexOf(b.level!) || a.title!.localeCompare(b.title!) || a.objectiveId!.localeCompare(b.objectiveId!);
  const node = (o: ObjectiveState, seen: ReadonlySet<string>): AlignmentNode => ({
    objectiveId: o.objectiveId!,
    level: o.level!,
    owner: o.owner!,
    title: o.title!,
    commitment: o.commitment!,
    progress: objectiveProgress(o),
    status: objectiveStatus(o),
    contributesTo: o.contributesTo,
    pending: o.alignment?.status === 'proposed',
    children: known
      .filter((child) => parentOf(child) === o.objectiveId && !seen.has(child.objectiveId!))
      .sort(order)
      .map((child) => node(child, new Set(seen).add(child.objectiveId!))),
  });
  return known
    .filter((o) => parentOf(o) === null)
    .sort(order)
    .map((o) => node(o, new Set([o.objectiveId!])));
}
