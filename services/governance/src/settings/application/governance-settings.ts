import { Injectable } from '@nestjs/common';
import {
  governanceSettingsAsOf,
  governanceSettingsDecider,
  governanceSettingsStreamId,
  type GovernanceSettings,
  type GovernanceSettingsState,
} from '@leerzone/governance-domain';
import { TenantStreams } from '@leerzone/service-kit';

/**
 * The tenant's governance settings, read from their own stream (never a read model): the
 * rules that use them — stall thresholds, escalation timeout, consent default — read them
 * here, and `?asOf=` folds the stream up to a moment like every other time travel.
 */
@Injectable()
export class GovernanceSettingsReader {
  constructor(private readonly streams: TenantStreams) {}

  async current(tenantId: string): Promise<GovernanceSettingsState & { readonly version: number }> {
    const { state, version } = await this.streams.load(governanceSettingsDecider, governanceSettingsStreamId(tenantId), tenantId);
    return { ...state, version };
  }

  async settings(tenantId: string): Promise<GovernanceSettings> {
    return (await this.current(tenantId)).settings;
  }

  async asOf(tenantId: string, at: Date) {
    const events = (await this.streams.read(governanceSettingsStreamId(tenantId), tenantId)) ?? [];
    return governanceSettingsAsOf(events, at);
  }
}
