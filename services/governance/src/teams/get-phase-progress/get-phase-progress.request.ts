import { z } from 'zod';
import { Instant } from '../../shared/request-fields';

export const PhaseProgressQuery = z.strictObject({ evaluatedAt: Instant.optional() });
