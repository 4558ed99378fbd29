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
  const roots = known.filter((o) => parentOf(o) === null);
  for (const first of loopBreakers(known, roots, parentOf, order)) roots.push(first);
  return roots.sort(order).map((o) => node(o, new Set([o.objectiveId!])));
}

/**
 * Alignments can form a loop (unit objective A supports B while B supports A: each decision sees
 * only its own objective), and a loop has no root above it. So that none of its objectives, nor
 * any objective under them, drops out of the tree, each loop is shown from its first member in
 * the tree's order.
 */
function loopBreakers(
  known: readonly ObjectiveState[],
  roots: readonly ObjectiveState[],
  parentOf: (o: ObjectiveState) => string | null,
  order: (a: ObjectiveState, b: ObjectiveState) => number,
): ObjectiveState[] {
  const byId = new Map(known.map((o) => [o.objectiveId!, o]));
  const childrenOf = new Map<string, ObjectiveState[]>();
  for (const o of known) {
    const parent = parentOf(o);
    if (parent !== null) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), o]);
  }
  const reached = new Set<string>();
  const reach = (o: ObjectiveState): void => {
    if (reached.has(o.objectiveId!)) return;
    reached.add(o.objectiveId!);
    for (const child of childrenOf.get(o.objectiveId!) ?? []) reach(child);
  };
  roots.forEach(reach);
  const breakers: ObjectiveState[] = [];
  for (const o of [...known].sort(order)) {
    if (reached.has(o.objectiveId!)) continue;
    // Not reached from a root: its chain of parents ends in a loop.
    const chain: ObjectiveState[] = [];
    let at: ObjectiveState = o;
    while (!chain.includes(at)) {
      chain.push(at);
      at = byId.get(parentOf(at)!)!;
    }
    const first = chain.slice(chain.indexOf(at)).sort(order)[0]!;
    breakers.push(first);
    reach(first);
  }
  return breakers;
}
