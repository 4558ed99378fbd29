import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@leerzone/kernel';
import { ProblemException } from '@leerzone/nest-platform';
import { organisationStreamId, teamStateAsOf, teamStreamId, unitBoundariesAsOf, type EffectiveBoundary } from '@leerzone/governance-domain';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { TenantStreams } from '@leerzone/service-kit';

/** Time travel and history read the team's own events (and its unit's organisation), not the read models. */
@Injectable()
export class TeamPast {
  constructor(
    private readonly streams: TenantStreams,
    private readonly frames: UnitFrames,
  ) {}

  async events(tenantId: string, teamId: string): Promise<StoredEvent[]> {
    const events = await this.streams.read(teamStreamId(tenantId, teamId), tenantId);
    if (!events) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
    return events;
  }

  /** The frame of the unit the team was in at `asOf`, as that unit's boundaries stood then. */
  async unitBoundariesAsOf(tenantId: string, teamEvents: readonly StoredEvent[], asOf: Date): Promise<readonly EffectiveBoundary[]> {
    const unitId = teamStateAsOf(teamEvents, asOf).unitId;
    if (unitId === null) return [];
    const organisationId = await this.frames.organisationOf(tenantId, unitId);
    if (organisationId === null) return [];
    const organisationEvents = await this.streams.read(organisationStreamId(tenantId, organisationId), tenantId);
    return organisationEvents ? unitBoundariesAsOf(organisationEvents, unitId, asOf) : [];
  }
}
