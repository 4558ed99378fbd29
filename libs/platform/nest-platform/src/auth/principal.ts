/** Roles per DOMAIN.md; `auditor` reads the audit trail. */
export const ROLES = ['member', 'coach', 'transformation-lead', 'analyst', 'confidential-officer', 'operator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified bearer token. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly roles: readonly Role[];
}
