import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { TenantStreams } from '@leerzone/service-kit';
import { cycleDecider, cycleFacts, cycleStreamId, type CycleFacts, type CycleState } from '@leerzone/okr-domain';

export const cycleNotFound = (cycleId: string, field = 'cycleId'): Rejection => reject('not-found', 'OKR.CYCLE_NOT_FOUND', `There is no cycle ${cycleId}.`, { field });

/** Reads a cycle's stream: its state for queries, its facts for every objective command that depends on the phase or dates. */
@Injectable()
export class CycleLookup {
  constructor(private readonly streams: TenantStreams) {}

  async load(tenantId: string, cycleId: string): Promise<{ readonly state: CycleState; readonly version: number }> {
    const { state, version } = await this.streams.load(cycleDecider, cycleStreamId(tenantId, cycleId), tenantId);
    return { state, version };
  }

  async facts(tenantId: string, cycleId: string, field = 'cycleId'): Promise<CycleFacts | Rejection> {
    return cycleFacts((await this.load(tenantId, cycleId)).state) ?? cycleNotFound(cycleId, field);
  }
}
