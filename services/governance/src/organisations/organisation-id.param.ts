import { z } from 'zod';
import { EntityId, RootId } from '../shared/governance-fields';

export const OrganisationIdParam = z.strictObject({ organisationId: RootId });
export const UnitParams = z.strictObject({ organisationId: RootId, unitId: EntityId });
export const UnitBoundaryParams = z.strictObject({ organisationId: RootId, unitId: EntityId, boundaryId: EntityId });
