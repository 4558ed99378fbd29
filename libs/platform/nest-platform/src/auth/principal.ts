/** Roles per DOMAIN.md, tenant-wide, from the token's `roles`; `auditor` reads the audit trail. */
export const ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'confidential-officer', 'operator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person holds in one team: governance's membership, never a token claim (see docs/security.md, "Roles per tenant and per team"). */
export const TEAM_ROLES_IN_TEAM = ['member', 'coach'] as const;
export type TeamRole = (typeof TEAM_ROLES_IN_TEAM)[number];

/** Who is calling, from a verified bearer token. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly Role[];
}
