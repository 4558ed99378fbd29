import type { Role } from '@leerzone/nest-platform';

/** Token roles that may steer teams' frames: boundaries, the board, membership, phases, coaching. */
export const TEAM_MANAGERS: Role[] = ['coach', 'transformation-lead', 'admin'];

/** Token roles that shape the organisation: units, unit boundaries, the rollout plan. */
export const ORGANISATION_LEADS: Role[] = ['transformation-lead', 'admin'];

/** A coach is limited to their own teams; these roles act on every team of the tenant. */
export const TENANT_WIDE: Role[] = ['transformation-lead', 'admin'];
