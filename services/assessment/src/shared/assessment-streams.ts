import { Inject, Injectable } from '@nestjs/common';
import { loadStream, type EventStore, type EventSchemaRegistry, type StoredEvent } from '@leerzone/kernel';
import { EVENT_SCHEMAS, EVENT_STORE, ProblemException } from '@leerzone/nest-platform';
import {
  effectiveSettings,
  instrumentDecider,
  instrumentStreamId,
  maturityDecider,
  maturityStreamId,
  roundDecider,
  roundStreamId,
  settingsDecider,
  settingsStreamId,
  type AssessmentSettings,
  type InstrumentState,
  type MaturityState,
  type RoundState,
} from '@leerzone/assessment-domain';

export interface LoadedRound {
  readonly state: RoundState;
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

/**
 * Reads the assessment streams of the caller's tenant (another tenant's stream is absent).
 * Rounds are read from their stream, not from a read model, so that no read model ever
 * holds a count or an answer of an open round.
 */
@Injectable()
export class AssessmentStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
  ) {}

  async round(tenantId: string, roundId: string): Promise<LoadedRound> {
    const loaded = await loadStream(this.store, roundDecider, roundStreamId(tenantId, roundId), tenantId, this.schemas);
    return { state: loaded.state, version: loaded.version, events: loaded.events };
  }

  async requireRound(tenantId: string, roundId: string): Promise<LoadedRound> {
    const loaded = await this.round(tenantId, roundId);
    if (!loaded.state.exists) throw ProblemException.notFound('ROUND.NOT_FOUND', `There is no round ${roundId}.`);
    return loaded;
  }

  async settings(tenantId: string): Promise<AssessmentSettings & { readonly configured: boolean; readonly version: number }> {
    const { state, version } = await loadStream(this.store, settingsDecider, settingsStreamId(tenantId), tenantId, this.schemas);
    return { ...effectiveSettings(state), configured: state.configured, version };
  }

  async instrument(tenantId: string, instrumentId: string): Promise<InstrumentState> {
    return (await loadStream(this.store, instrumentDecider, instrumentStreamId(tenantId, instrumentId), tenantId, this.schemas)).state;
  }

  async maturity(tenantId: string, teamId: string, memberId: string): Promise<MaturityState> {
    return (await loadStream(this.store, maturityDecider, maturityStreamId(tenantId, teamId, memberId), tenantId, this.schemas)).state;
  }
}
