import type { EffectiveBoundary } from '../shared/boundary.model';
import type { OrganisationState } from './organisation.state';

/** The unit's ancestors and itself, root first. Empty when the unit does not exist. */
export function unitPath(state: OrganisationState, unitId: string): readonly string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = state.units.get(unitId);
  while (current && !seen.has(current.unitId)) {
    seen.add(current.unitId);
    path.unshift(current.unitId);
    current = current.parentUnitId === null ? undefined : state.units.get(current.parentUnitId);
  }
  return path;
}

/**
 * Every boundary a unit must respect: its own and those inherited from its ancestors,
 * root first. This is the lookup the service passes into team commands as `unitBoundaries`.
 */
export function effectiveUnitBoundaries(state: OrganisationState, unitId: string): readonly EffectiveBoundary[] {
  return unitPath(state, unitId).flatMap((id) =>
    [...state.units.get(id)!.boundaries.values()].map((entry) => ({ boundary: entry.boundary, source: { level: 'unit' as const, unitId: id } })),
  );
}

/** The unit and everything below it. */
export function unitSubtree(state: OrganisationState, unitId: string): readonly string[] {
  if (!state.units.has(unitId)) return [];
  const result: string[] = [];
  const queue = [unitId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    result.push(id);
    for (const unit of state.units.values()) if (unit.parentUnitId === id) queue.push(unit.unitId);
  }
  return result;
}

export interface UnitTreeNode {
  readonly unitId: string;
  readonly name: string;
  readonly boundaries: readonly EffectiveBoundary['boundary'][];
  readonly children: readonly UnitTreeNode[];
}

export function unitTree(state: OrganisationState): { readonly organisationId: string | null; readonly name: string | null; readonly units: readonly UnitTreeNode[] } {
  const build = (parentUnitId: string | null): UnitTreeNode[] =>
    [...state.units.values()]
      .filter((u) => u.parentUnitId === parentUnitId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((u) => ({ unitId: u.unitId, name: u.name, boundaries: [...u.boundaries.values()].map((e) => e.boundary), children: build(u.unitId) }));
  return { organisationId: state.organisationId, name: state.name, units: build(null) };
}

/** Who answers escalations from a team in `unitId`: the contacts named along its path, nearest unit first. */
export function escalationContacts(state: OrganisationState, unitId: string): readonly string[] {
  const contacts = [...unitPath(state, unitId)].reverse().flatMap((id) => {
    const contact = state.units.get(id)?.escalationContactId;
    return contact ? [contact] : [];
  });
  return [...new Set(contacts)];
}
