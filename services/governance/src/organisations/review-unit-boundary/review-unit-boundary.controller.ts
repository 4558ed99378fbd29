import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ORGANISATION_LEADS } from '../../shared/access';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitBoundaryParams } from '../organisation-id.param';
import { ReviewUnitBoundaryRequest, SetUnitBoundaryReviewDateRequest } from './review-unit-boundary.request';

@ApiTags('governance: reviews')
@Controller('api/governance/organisations')
export class ReviewUnitBoundaryController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Put(':organisationId/units/:unitId/boundaries/:boundaryId/review-date')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Put a review date on a unit boundary (transformation lead or admin), with a reason; null clears it. Listed by GET /reviews?unitId= when due.' })
  @ApiBody({ schema: jsonSchemaOf(SetUnitBoundaryReviewDateRequest) })
  @ApiParamsFrom(UnitBoundaryParams)
  @ApiOkResponse({ schema: { example: { organisationId: '01a2f3c4-0000-7000-8000-0000000000aa', unitId: 'care', boundaryId: 'u-cap', reviewBy: '2026-09-01', version: 6, events: [{ type: 'UnitBoundaryReviewDateSet' }] } } })
  async setDate(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId, boundaryId } = parseRequest(UnitBoundaryParams, params, 'params');
    const { reviewBy, reason } = parseRequest(SetUnitBoundaryReviewDateRequest, body);
    const result = await this.organisations.run(write, organisationId, { type: 'SetUnitBoundaryReviewDate', data: { organisationId, unitId, boundaryId, reviewBy } }, reason);
    return commandAnswer(response, result, { organisationId, unitId, boundaryId, reviewBy });
  }

  @Post(':organisationId/units/:unitId/boundaries/:boundaryId/reviews')
  @HttpCode(201)
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Record a review of a unit boundary (transformation lead or admin), with a reason: kept, changed (the new boundary, never wider than the ancestors’) or dropped (removed), and the next review date.' })
  @ApiBody({ schema: jsonSchemaOf(ReviewUnitBoundaryRequest) })
  @ApiParamsFrom(UnitBoundaryParams)
  @ApiOkResponse({ schema: { example: { organisationId: '01a2f3c4-0000-7000-8000-0000000000aa', unitId: 'care', boundaryId: 'u-cap', outcome: 'kept', nextReviewBy: '2027-03-01', version: 7, events: [{ type: 'UnitBoundaryReviewed' }] } } })
  async review(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId, boundaryId } = parseRequest(UnitBoundaryParams, params, 'params');
    const { outcome, nextReviewBy, boundary, reason } = parseRequest(ReviewUnitBoundaryRequest, body);
    const result = await this.organisations.run(
      write,
      organisationId,
      { type: 'ReviewUnitBoundary', data: { organisationId, unitId, boundaryId, outcome, nextReviewBy: nextReviewBy ?? null, ...(boundary ? { boundary } : {}) } },
      reason,
    );
    return commandAnswer(response, result, { organisationId, unitId, boundaryId, outcome, nextReviewBy: nextReviewBy ?? null });
  }
}
