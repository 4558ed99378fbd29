import { Injectable } from '@nestjs/common';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { initialObjectiveState, type KeyResultState, type ObjectiveState } from '@leerzone/okr-domain';
import type { Filter, FindOptions } from '@leerzone/projection-store';
import {
  OBJECTIVES_PROJECTION,
  originalDefinition,
  type GradedKeyResultDocument,
  type KeyResultDocument,
  type ObjectiveDocument,
} from '../read-model/objectives.projection';

const OBJECTIVES_PER_READ = 200;

/**
 * The objectives read model, and the domain's state rebuilt from it: enough of an
 * `ObjectiveState` (latest check-in per key result, alignment, grade) for the domain's own
 * queries — progress, status, the alignment tree, overdue check-ins — without replaying streams.
 */
@Injectable()
export class ObjectiveReadModels {
  constructor(private readonly projections: ProjectionsHost) {}

  get objectives() {
    return this.projections.readModels.collection<ObjectiveDocument>(OBJECTIVES_PROJECTION, 'objectives');
  }

  get keyResults() {
    return this.projections.readModels.collection<KeyResultDocument>(OBJECTIVES_PROJECTION, 'keyResults');
  }

  get graded() {
    return this.projections.readModels.collection<GradedKeyResultDocument>(OBJECTIVES_PROJECTION, 'graded');
  }

  /** Every document of a filter, page after page (a cycle's objectives, a tenant's grades). */
  async all<T extends { _id: string }>(collection: { find(filter: Filter, options?: FindOptions): Promise<{ items: T[]; next?: string }> }, filter: Filter, sort: Record<string, 1 | -1> = { order: 1 }): Promise<T[]> {
    const items: T[] = [];
    let after: string | undefined;
    do {
      const page = await collection.find(filter, { sort, limit: 500, ...(after ? { after } : {}) });
      items.push(...page.items);
      after = page.next;
    } while (after);
    return items;
  }

  async keyResultsOf(tenantId: string, objectiveIds: readonly string[]): Promise<Map<string, KeyResultDocument[]>> {
    const byObjective = new Map<string, KeyResultDocument[]>();
    if (objectiveIds.length === 0) return byObjective;
    // In slices, so a cycle with many objectives never meets a query's size limits.
    for (let i = 0; i < objectiveIds.length; i += OBJECTIVES_PER_READ) {
      const slice = objectiveIds.slice(i, i + OBJECTIVES_PER_READ);
      for (const kr of await this.all(this.keyResults, { tenantId, objectiveId: { $in: slice } })) byObjective.set(kr.objectiveId, [...(byObjective.get(kr.objectiveId) ?? []), kr]);
    }
    return byObjective;
  }

  /** The objectives with their states, for the domain's queries. */
  async withStates(tenantId: string, objectives: readonly ObjectiveDocument[]): Promise<Array<{ document: ObjectiveDocument; state: ObjectiveState }>> {
    const keyResults = await this.keyResultsOf(tenantId, objectives.map((o) => o.objectiveId));
    return objectives.map((document) => ({ document, state: stateOf(document, keyResults.get(document.objectiveId) ?? []) }));
  }
}

export function stateOf(o: ObjectiveDocument, keyResults: readonly KeyResultDocument[]): ObjectiveState {
  const krs = new Map<string, KeyResultState>(
    keyResults.map((kr) => [
      kr.keyResultId,
      {
        keyResultId: kr.keyResultId,
        definition: kr.definition,
        original: originalDefinition(kr),
        moves: kr.moves,
        removed: kr.removed,
        checkIns: kr.latestCheckIn ? [kr.latestCheckIn] : [],
        grade: null,
      },
    ]),
  );
  return {
    ...initialObjectiveState,
    exists: true,
    objectiveId: o.objectiveId,
    cycleId: o.cycleId,
    level: o.level,
    owner: o.owner,
    title: o.title,
    description: o.description,
    commitment: o.commitment,
    definedAt: o.definedAt,
    committedAt: o.committedAt,
    keyResults: krs,
    alignment: o.alignment,
    contributesTo: o.contributesTo,
    grade: o.grade ? { ...o.grade, band: o.grade.band as 'low' | 'middle' | 'high' } : null,
    carriedForwardFrom: o.carriedForwardFrom,
    carriedForwardTo: o.carriedForwardTo,
  };
}
