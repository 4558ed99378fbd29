import { z } from 'zod';
import { Instant } from '../../shared/governance-fields';

export const PhaseProgressQuery = z.strictObject({ evaluatedAt: Instant.optional() });
