import { Injectable } from '@nestjs/common';
import { ProblemException, ProjectionsHost } from '@leerzone/nest-platform';
import { TenantStreams } from '@leerzone/service-kit';
import {
  effectiveUnitBoundaries,
  escalationContacts,
  organisationDecider,
  organisationStreamId,
  type EffectiveBoundary,
  type OrganisationState,
  type UnitBoundaryEntry,
  type UnitState,
} from '@leerzone/governance-domain';
import {
  ORGANISATIONS_PROJECTION,
  organisationDocumentId,
  type OrganisationDocument,
  type UnitBoundaryDocument,
  type UnitDocument,
} from '../read-model/organisations.projection';

/**
 * The frame a unit sets for its teams. Team commands that touch boundaries or decisions
 * carry the unit's effective boundaries; they are read here from the organisation stream
 * itself (never from the client, never from a possibly lagging read model). Only the
 * unit → organisation lookup uses the read model: a unit never changes organisation.
 */
@Injectable()
export class UnitFrames {
  constructor(
    private readonly streams: TenantStreams,
    private readonly projections: ProjectionsHost,
  ) {}

  /** The organisation a unit belongs to, within the tenant; null when no organisation has it. */
  async organisationOf(tenantId: string, unitId: string): Promise<string | null> {
    const { items } = await this.projections.readModels
      .collection<UnitDocument>(ORGANISATIONS_PROJECTION, 'units')
      .find({ tenantId, unitId }, { limit: 2 });
    if (items.length > 1) {
      throw ProblemException.of(409, 'UNIT.AMBIGUOUS', `Unit id ${unitId} exists in more than one organisation of this tenant; unit ids must be unique per tenant.`, { field: 'unitId' });
    }
    return items[0]?.organisationId ?? null;
  }

  /** Like organisationOf, but an unknown unit is refused: a frame that cannot be read is never assumed empty. */
  async requireOrganisationOf(tenantId: string, unitId: string, field = 'unitId'): Promise<string> {
    const organisationId = await this.organisationOf(tenantId, unitId);
    if (organisationId === null) throw unknownUnit(unitId, field);
    return organisationId;
  }

  /** The unit's effective boundaries (own + inherited, root first) from the organisation stream; [] for no unit. */
  async forCommand(tenantId: string, unitId: string | null, field = 'unitId'): Promise<readonly EffectiveBoundary[]> {
    if (unitId === null) return [];
    const organisationId = await this.requireOrganisationOf(tenantId, unitId, field);
    const { state } = await this.streams.load(organisationDecider, organisationStreamId(tenantId, organisationId), tenantId);
    if (!state.units.has(unitId)) throw unknownUnit(unitId, field);
    return effectiveUnitBoundaries(state, unitId);
  }

  /**
   * Whom the tenant named to answer escalations from a team in `unitId` (along the unit's
   * path, nearest first), from the organisation stream: an answer's authority is never
   * taken from a lagging read model.
   */
  async escalationContactsForCommand(tenantId: string, unitId: string | null): Promise<readonly string[]> {
    if (unitId === null) return [];
    const organisationId = await this.organisationOf(tenantId, unitId);
    if (organisationId === null) return [];
    const { state } = await this.streams.load(organisationDecider, organisationStreamId(tenantId, organisationId), tenantId);
    return escalationContacts(state, unitId);
  }

  /** An organisation as the read model has it, in the decider's state shape so the domain's views apply. */
  async organisationFromReadModel(tenantId: string, organisationId: string): Promise<{ document: OrganisationDocument; state: OrganisationState } | null> {
    const readModels = this.projections.readModels;
    const document = await readModels.collection<OrganisationDocument>(ORGANISATIONS_PROJECTION, 'organisations').findOne({ _id: organisationDocumentId(tenantId, organisationId), tenantId });
    if (!document) return null;
    const [units, boundaries] = await Promise.all([
      readModels.collection<UnitDocument>(ORGANISATIONS_PROJECTION, 'units').find({ tenantId, organisationId }, { sort: { addedAt: 1 } }),
      readModels.collection<UnitBoundaryDocument>(ORGANISATIONS_PROJECTION, 'unit-boundaries').find({ tenantId, organisationId }, { sort: { order: 1 } }),
    ]);
    const unitBoundaries = new Map<string, Map<string, UnitBoundaryEntry>>();
    for (const b of boundaries.items) {
      const entries = unitBoundaries.get(b.unitId) ?? new Map<string, UnitBoundaryEntry>();
      entries.set(b.boundaryId, { boundary: b.boundary, setBy: b.setBy, setAt: b.setAt, reason: b.reason, reviewBy: b.reviewBy ?? null });
      unitBoundaries.set(b.unitId, entries);
    }
    const unitStates = new Map<string, UnitState>(
      units.items.map((u) => [u.unitId, { unitId: u.unitId, name: u.name, parentUnitId: u.parentUnitId, addedAt: u.addedAt, boundaries: unitBoundaries.get(u.unitId) ?? new Map(), escalationContactId: u.escalationContactId ?? null }]),
    );
    const state: OrganisationState = {
      exists: true,
      organisationId,
      name: document.name,
      units: unitStates,
      boundaryOwners: new Map(boundaries.items.map((b) => [b.boundaryId, b.unitId])),
    };
    return { document, state };
  }

  /** A unit's effective boundaries from the read model, for queries. */
  async forQuery(tenantId: string, unitId: string | null): Promise<readonly EffectiveBoundary[]> {
    if (unitId === null) return [];
    const organisationId = await this.organisationOf(tenantId, unitId);
    if (organisationId === null) return [];
    const organisation = await this.organisationFromReadModel(tenantId, organisationId);
    return organisation ? effectiveUnitBoundaries(organisation.state, unitId) : [];
  }
}

const unknownUnit = (unitId: string, field: string) =>
  ProblemException.of(422, 'UNIT.UNKNOWN', `Unit ${unitId} is not a unit of any organisation here, so its boundaries cannot be checked. Add the unit first.`, {
    field,
    errors: [{ field, message: `Unknown unit ${unitId}.`, code: 'UNIT.UNKNOWN' }],
  });
