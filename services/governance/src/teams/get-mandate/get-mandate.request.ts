import { z } from 'zod';
import { Instant, Slug } from '../../shared/governance-fields';

export const MandateQuery = z.strictObject({ area: Slug, asOf: Instant.optional() });
