import { z } from 'zod';
import { EntityId, RootId } from '../shared/okr-fields';

export const TeamIdParam = z.strictObject({ teamId: RootId });
export const KpiParams = z.strictObject({ teamId: RootId, kpiId: EntityId });
