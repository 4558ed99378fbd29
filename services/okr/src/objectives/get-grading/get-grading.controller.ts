import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { activeKeyResults, proposedGrades, roundScore, weightedMean, type ObjectiveEvent } from '@leerzone/okr-domain';
import { READERS } from '../../shared/access';
import { OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveViews } from '../application/objective-views';
import { ObjectiveIdParam } from '../objective-id.param';

type Finding = Extract<ObjectiveEvent, { type: 'BlockersReviewFindingRecorded' }>['data'];

const ORIGINAL = { title: 'Waiting list below 40', measure: { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' }, weight: 1 };

@ApiTags('okr: grading')
@Controller('api/okr/objectives')
export class GetGradingController {
  constructor(private readonly views: ObjectiveViews) {}

  @Get(':objectiveId/grading')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The grading of an objective: each key result’s score against its final definition beside its score against the original one (when a goalpost moved), the override and its reason, the objective’s score both ways, band and whether it was achieved; the blockers review with its findings. Before grading: the grades that grading would record (`proposed: true`).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        objectiveId: OBJECTIVE_ID,
        proposed: false,
        score: 0.8,
        scoreAgainstOriginal: 0.5,
        band: 'high',
        achieved: true,
        keyResults: [
          { keyResultId: 'kr-1', title: 'Waiting list below 40', moved: true, original: ORIGINAL, definition: { ...ORIGINAL, measure: { ...ORIGINAL.measure, target: 60 } }, finalValue: 60, computedScore: 1, score: 1, scoreAgainstOriginal: 0.8, overrideReason: null, weight: 1 },
        ],
        review: { status: 'open', findings: [{ findingId: 'f-1', obstacle: { text: 'Intake software down for three weeks' }, removableBy: { kind: 'unit-above' }, recordedAt: '2026-10-02T09:00:00.000Z' }] },
      },
    },
  })
  @ApiParamsFrom(ObjectiveIdParam)
  async grading(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { state, events, mayReadText } = await this.views.read(principal, objectiveId);
    const findings = await Promise.all(
      events
        .filter((e) => e.type === 'BlockersReviewFindingRecorded')
        .map(async (e) => {
          const d = e.data as Finding;
          return { findingId: d.findingId, obstacle: await this.views.text.open(d.obstacle, mayReadText), removableBy: d.removableBy, recordedBy: d.recordedBy, recordedAt: d.recordedAt };
        }),
    );
    const review = state.review ? { status: state.review.status, findings } : null;
    const againstOriginal = (parts: { value: number | null; weight: number }[]) =>
      parts.every((p) => p.value !== null) ? roundScore(weightedMean(parts.map((p) => ({ value: p.value!, weight: p.weight })))) : null;
    const krs = activeKeyResults(state);
    if (state.grade) {
      const keyResults = krs.map((kr) => ({
        keyResultId: kr.keyResultId,
        title: kr.definition.title,
        moved: kr.moves.length > 0,
        original: kr.original,
        definition: kr.definition,
        finalValue: kr.checkIns.at(-1)?.value ?? null,
        computedScore: kr.grade?.computedScore ?? null,
        score: kr.grade?.score ?? null,
        scoreAgainstOriginal: kr.grade?.scoreAgainstOriginal ?? null,
        overrideReason: kr.grade?.overrideReason ?? null,
        weight: kr.definition.weight,
      }));
      return {
        objectiveId,
        proposed: false,
        score: state.grade.score,
        scoreAgainstOriginal: againstOriginal(keyResults.map((k) => ({ value: k.scoreAgainstOriginal, weight: k.weight }))),
        band: state.grade.band,
        achieved: state.grade.achieved,
        gradedAt: state.grade.gradedAt,
        keyResults,
        review,
      };
    }
    const proposed = proposedGrades(state);
    const byId = new Map(krs.map((kr) => [kr.keyResultId, kr]));
    const keyResults = proposed.keyResults.map((p) => {
      const kr = byId.get(p.keyResultId)!;
      return { ...p, title: kr.definition.title, original: kr.original, definition: kr.definition, score: p.computedScore, overrideReason: null };
    });
    return {
      objectiveId,
      proposed: true,
      score: proposed.score,
      scoreAgainstOriginal: againstOriginal(keyResults.map((k) => ({ value: k.scoreAgainstOriginal, weight: k.weight }))),
      band: proposed.band,
      achieved: proposed.achieved,
      keyResults,
      review,
    };
  }
}
