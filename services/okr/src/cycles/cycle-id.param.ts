import { z } from 'zod';
import { RootId } from '../shared/okr-fields';

export const CycleIdParam = z.strictObject({ cycleId: RootId });
