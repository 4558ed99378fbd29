import { Injectable } from '@nestjs/common';
import { isRejection } from '@leerzone/kernel';
import { DEFAULT_STATUS_THRESHOLDS, validateThresholds, type StatusThresholds } from '@leerzone/okr-domain';

/**
 * The status thresholds each tenant's check-ins are judged by. Configured per tenant in
 * `OKR_STATUS_THRESHOLDS` (JSON: `{"acme": {"behindBelow": 0.9, "atRiskBelow": 0.7,
 * "atRiskConfidenceAtMost": 3}}`), checked at start-up with the domain's rule; every other
 * tenant gets DEFAULT_STATUS_THRESHOLDS. Each check-in event records the ones applied, so
 * a later change never rewrites a past status.
 */
@Injectable()
export class TenantThresholds {
  private readonly byTenant: ReadonlyMap<string, StatusThresholds>;

  constructor() {
    this.byTenant = parseThresholds(process.env['OKR_STATUS_THRESHOLDS']);
  }

  for(tenantId: string): StatusThresholds {
    return this.byTenant.get(tenantId) ?? DEFAULT_STATUS_THRESHOLDS;
  }
}

export function parseThresholds(raw: string | undefined): ReadonlyMap<string, StatusThresholds> {
  const map = new Map<string, StatusThresholds>();
  if (!raw || raw.trim() === '') return map;
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  for (const [tenantId, value] of Object.entries(parsed)) {
    const thresholds = validateThresholds(value);
    if (isRejection(thresholds)) throw new Error(`OKR_STATUS_THRESHOLDS for ${tenantId}: ${thresholds.message}`);
    map.set(tenantId, thresholds);
  }
  return map;
}
