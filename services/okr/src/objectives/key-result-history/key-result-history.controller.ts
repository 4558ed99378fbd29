import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection, reject } from '@leerzone/kernel';
import type { ObjectiveEvent } from '@leerzone/okr-domain';
import { READERS } from '../../shared/access';
import { OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveViews, type ObjectiveStoredEvent } from '../application/objective-views';
import { KeyResultParams } from '../objective-id.param';

type Data<T extends ObjectiveEvent['type']> = Extract<ObjectiveEvent, { type: T }>['data'];

const ORIGINAL = { title: 'Waiting list below 40', measure: { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' }, weight: 1 };
const MOVED = { ...ORIGINAL, measure: { ...ORIGINAL.measure, target: 60 } };

@ApiTags('okr: key results')
@Controller('api/okr/objectives')
export class KeyResultHistoryController {
  constructor(private readonly views: ObjectiveViews) {}

  @Get(':objectiveId/key-results/:keyResultId/history')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'A key result’s history, oldest first: its definition, every redefinition and every goalpost moved while the cycle ran (what changed, by whom, when, why), its check-ins (status, expected value, comment and blockers opened for the owner’s people and leads) and its grade — with the original definition beside the current one.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        objectiveId: OBJECTIVE_ID,
        keyResultId: 'kr-1',
        removed: false,
        moved: true,
        lastMovedAt: '2026-08-01T09:00:00.000Z',
        original: ORIGINAL,
        definition: MOVED,
        entries: [
          { type: 'KeyResultAdded', at: '2026-06-20T09:00:00.000Z', by: 'anna', definition: ORIGINAL, reason: null },
          { type: 'KeyResultCheckedIn', at: '2026-07-20T09:00:00.000Z', by: 'anna', checkInId: 'ci-1', value: 96, confidence: 6, status: 'behind', expectedValue: 94.2, attainment: 0.9, comment: { text: 'Two new volunteers started.' }, blockers: [] },
          { type: 'KeyResultGoalpostMoved', at: '2026-08-01T09:00:00.000Z', by: 'cora', changed: ['target'], previous: ORIGINAL, definition: MOVED, reason: 'Two colleagues left in July.' },
        ],
      },
    },
  })
  @ApiParamsFrom(KeyResultParams)
  async history(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { objectiveId, keyResultId } = parseRequest(KeyResultParams, params, 'params');
    const { state, events, mayReadText } = await this.views.read(principal, objectiveId);
    const kr = state.keyResults.get(keyResultId);
    if (!kr) throw ProblemException.fromRejection(reject('not-found', 'OKR.KEY_RESULT_NOT_FOUND', `Objective ${objectiveId} has no key result ${keyResultId}.`, { field: 'keyResultId' }));
    const entries = [];
    for (const e of events) {
      const entry = await this.entry(e, keyResultId, mayReadText);
      if (entry && !isRejection(entry)) entries.push(entry);
    }
    return {
      objectiveId,
      keyResultId,
      removed: kr.removed,
      moved: kr.moves.length > 0,
      lastMovedAt: kr.moves.at(-1)?.movedAt ?? null,
      original: kr.original,
      definition: kr.definition,
      grade: kr.grade,
      entries,
    };
  }

  private async entry(e: ObjectiveStoredEvent, keyResultId: string, mayRead: boolean) {
    const base = { eventId: e.eventId, type: e.type };
    switch (e.type) {
      case 'KeyResultAdded': {
        const d = e.data as Data<'KeyResultAdded'>;
        return d.keyResultId === keyResultId ? { ...base, at: d.addedAt, by: d.addedBy, definition: d.definition, whileRunning: d.whileRunning, reason: d.reason } : null;
      }
      case 'KeyResultRedefined': {
        const d = e.data as Data<'KeyResultRedefined'>;
        return d.keyResultId === keyResultId ? { ...base, at: d.redefinedAt, by: d.redefinedBy, previous: d.previous, definition: d.definition, reason: d.reason } : null;
      }
      case 'KeyResultGoalpostMoved': {
        const d = e.data as Data<'KeyResultGoalpostMoved'>;
        return d.keyResultId === keyResultId ? { ...base, at: d.movedAt, by: d.movedBy, changed: d.changed, previous: d.previous, definition: d.definition, reason: d.reason } : null;
      }
      case 'KeyResultRemoved': {
        const d = e.data as Data<'KeyResultRemoved'>;
        return d.keyResultId === keyResultId ? { ...base, at: d.removedAt, by: d.removedBy, whileRunning: d.whileRunning, reason: d.reason } : null;
      }
      case 'KeyResultCheckedIn': {
        const d = e.data as Data<'KeyResultCheckedIn'>;
        if (d.keyResultId !== keyResultId) return null;
        const blockers = await Promise.all(d.blockers.map(async (b) => ({ blockerId: b.blockerId, removableBy: b.removableBy, description: await this.views.text.open(b.description, mayRead) })));
        return {
          ...base,
          at: d.checkedInAt,
          by: d.checkedInBy,
          checkedInAs: d.checkedInAs,
          checkInId: d.checkInId,
          value: d.value,
          confidence: d.confidence,
          status: d.status,
          elapsed: d.elapsed,
          expectedValue: d.expectedValue,
          attainment: d.attainment,
          thresholds: d.thresholds,
          comment: await this.views.text.open(d.comment, mayRead),
          blockers,
          stillBlockedBy: d.stillBlockedBy,
        };
      }
      case 'BlockerResolved': {
        const d = e.data as Data<'BlockerResolved'>;
        return d.keyResultId === keyResultId ? { ...base, at: d.resolvedAt, by: d.resolvedBy, blockerId: d.blockerId } : null;
      }
      case 'KeyResultGraded': {
        const d = e.data as Data<'KeyResultGraded'>;
        if (d.keyResultId !== keyResultId) return null;
        return { ...base, at: d.gradedAt, by: d.gradedBy, finalValue: d.finalValue, computedScore: d.computedScore, score: d.score, override: d.override, goalpostMoved: d.goalpostMoved, scoreAgainstOriginal: d.scoreAgainstOriginal };
      }
      default:
        return null;
    }
  }
}
