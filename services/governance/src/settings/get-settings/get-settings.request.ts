import { z } from 'zod';
import { Instant } from '../../shared/governance-fields';

export const GetSettingsQuery = z.strictObject({
  /** The settings as they stood at this moment; default now. */
  asOf: Instant.optional(),
});
