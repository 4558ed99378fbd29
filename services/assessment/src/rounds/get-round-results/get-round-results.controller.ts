import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { openPersonalData, type PersonalDataVault } from '@leerzone/kernel';
import { AnyRole, CurrentPrincipal, PERSONAL_DATA_VAULT, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { publishedComments, roundProgress, roundResults, suggestFocusItems, type RoundClosed } from '@leerzone/assessment-domain';
import { RoundIdParam } from '../../shared/assessment-fields';
import { RoundViews } from '../application/round-views';

@ApiTags('assessment: results')
@Controller('api/assessment/rounds')
export class GetRoundResultsController {
  constructor(
    private readonly views: RoundViews,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant, of the round’s team; groups below the threshold never')
  @Get(':roundId/results')
  @ApiOperation({
    summary:
      "Team results of a closed round with at least the threshold number of answers: per instrument and dimension the mean, SD, n and rwg(j) with a low-agreement flag, the items (for focus), the zone, suggested focus items and the comments (shuffled, dated at the close, only from the threshold up). Otherwise only the kind: 'not-enough-answers-yet' (open), 'answered' n of group (open, from the threshold), 'not-enough-answers' (closed below it). An unknown round is 404.",
  })
  @ApiOkResponse({
    schema: {
      example: {
        roundId: '0193…',
        kind: 'results',
        closedAt: '2026-03-16T17:00:00.000Z',
        results: [{ instrumentId: 'psychological-safety', version: 1, n: 6, total: { n: 6, mean: 5.38, sd: 0.41, rwg: 0.93, lowAgreement: false }, dimensions: [], items: [] }],
        zone: { zone: 'learning', safety: 5.38, standards: 5.5, lowAgreement: false },
        focusSuggestions: [{ instrumentId: 'psychological-safety', itemId: 'ps-5', mean: 4.2, shareOfScale: 0.53 }],
        comments: [{ text: 'We could ask for help sooner.', datedAt: '2026-03-16T17:00:00.000Z' }],
      },
    },
  })
  @ApiParamsFrom(RoundIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { roundId } = parseRequest(RoundIdParam, params, 'params');
    const { state, events } = await this.views.readable(principal, roundId);
    response.setHeader('Cache-Control', 'no-store');
    const view = roundResults(state);
    if (view.kind === 'still-open') return { roundId, ...roundProgress(state) };
    if (view.kind !== 'results') return { roundId, kind: view.kind };
    const closed = events.find((e) => e.type === 'RoundClosed')!.data as RoundClosed['data'];
    return {
      roundId,
      kind: view.kind,
      closedAt: view.closedAt,
      results: view.results,
      zone: view.zone,
      focusSuggestions: suggestFocusItems(state),
      focusItems: state.focusItems,
      comments: await openPersonalData(publishedComments(closed), this.vault),
    };
  }
}
