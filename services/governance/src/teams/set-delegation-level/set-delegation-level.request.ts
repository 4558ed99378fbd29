import { z } from 'zod';
import { IsoDate } from '@leerzone/service-kit';
import { Reason } from '../../shared/governance-fields';

/** 1 Tell, 2 Sell, 3 Consult, 4 Agree, 5 Advise, 6 Inquire, 7 Delegate; the reason is required; `reviewBy` optional. */
export const SetDelegationLevelRequest = z.strictObject({ level: z.number().int().min(1).max(7), reviewBy: IsoDate.nullable().optional(), reason: Reason.optional() });
