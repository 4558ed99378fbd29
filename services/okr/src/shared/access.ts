import type { Role } from '@leerzone/nest-platform';

/** Token roles that run the tenant's cycles (plan, start, grade, close) and own organisation and unit objectives. */
export const CYCLE_LEADS: Role[] = ['transformation-lead', 'admin'];

/** Token roles that may act for teams at all; the team relation from the directory then decides which team. */
export const TEAM_ROLES: Role[] = ['member', 'coach', 'transformation-lead', 'admin'];

/** Who may read OKRs: everyone of the tenant who works with them, and analysts. Free text is opened only for the owner's people. */
export const READERS: Role[] = ['member', 'coach', 'transformation-lead', 'analyst', 'admin'];
