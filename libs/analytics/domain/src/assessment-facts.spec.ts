import { ASSESSMENT_FACT_TYPES, readAssessmentFact } from './assessment-facts';
import { FactError } from './fact-reader';

const AT = '2026-03-02T09:00:00.000Z';
const CLOSED_AT = '2026-03-16T17:00:00.000Z';
const event = (type: string, data: unknown, schemaVersion = 1) => ({ type, schemaVersion, data });
const sealed = { $sealed: { subject: 'assessment-round:4:acme:r1', keyId: 'k1', alg: 'A256GCM', iv: 'iv', data: 'data', tag: 'tag' } };

function refusal(e: ReturnType<typeof event>): { code: string; field: string; message: string } | undefined {
  try {
    readAssessmentFact(e);
  } catch (error) {
    if (error instanceof FactError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  return undefined;
}

const summary = (mean: number) => ({ n: 6, mean, sd: 0.5, rwg: 0.8, lowAgreement: false });
const dimension = (dimensionId: string, mean: number) => ({ ...summary(mean), dimensionId, itemCount: 5 });
/** An `InstrumentResult` as assessment publishes it (docs/assessment-events.md). */
const result = (instrumentId: string, n: number, dimensions: object[], total: object | null) => ({ instrumentId, version: 1, n, dimensions, total, items: [{ itemId: 'i1', dimensionId: 'd', n, mean: 4, sd: null }] });
const opened = {
  roundId: 'r1',
  teamId: 't1',
  instruments: [{ instrumentId: 'psychological-safety', version: 1, title: 'Psychological safety' }, { instrumentId: 'abi-trustworthiness', version: 1, title: 'Trustworthiness' }],
  respondentIds: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
  anonymityThreshold: 5,
  closesAt: null,
  previousRoundId: null,
  slotKey: sealed,
  openedBy: 'coach',
  openedAt: AT,
};
const closedWithResults = {
  roundId: 'r1',
  teamId: 't1',
  outcome: 'results',
  results: [
    result('psychological-safety', 6, [dimension('safety', 5.2)], summary(5.2)),
    result('abi-trustworthiness', 7, [dimension('ability', 4.1), dimension('benevolence', 3.9), dimension('integrity', 4.3)], summary(4.1)),
    result('tenant-pulse', 6, [], null),
  ],
  zone: { zone: 'learning', safety: 5.2, standards: 5.6, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, lowAgreement: false },
  comments: [sealed],
  commentsDatedAt: CLOSED_AT,
  closedBy: 'coach',
  closedAt: CLOSED_AT,
};
const closedBelowThreshold = { roundId: 'r1', teamId: 't1', outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null, closedBy: 'coach', closedAt: CLOSED_AT };

describe('reading assessment’s published events', () => {
  it('a round opened: its instruments, the size of its frozen group and its threshold, never who is in it', () => {
    expect(readAssessmentFact(event('RoundOpened', opened))).toEqual({
      type: 'RoundOpened',
      roundId: 'r1',
      teamId: 't1',
      instrumentIds: ['psychological-safety', 'abi-trustworthiness'],
      groupSize: 6,
      threshold: 5,
      openedAt: AT,
    });
  });

  it('a threshold raised, and respondents added, by their count', () => {
    expect(readAssessmentFact(event('AnonymityThresholdChanged', { roundId: 'r1', previousThreshold: 5, threshold: 7, changedBy: 'coach', changedAt: AT, reason: 'a larger group' }))).toEqual({
      type: 'AnonymityThresholdChanged',
      roundId: 'r1',
      threshold: 7,
    });
    expect(readAssessmentFact(event('RespondentsAdded', { roundId: 'r1', memberIds: ['p7', 'p8'], addedBy: 'coach', addedAt: AT, reason: 'joined' }))).toEqual({ type: 'RespondentsAdded', roundId: 'r1', added: 2 });
  });

  it('a round closed with results: every instrument’s count, total and dimension means, and the zone', () => {
    expect(readAssessmentFact(event('RoundClosed', closedWithResults))).toEqual({
      type: 'RoundClosed',
      roundId: 'r1',
      teamId: 't1',
      outcome: 'results',
      results: [
        { instrumentId: 'psychological-safety', n: 6, total: 5.2, dimensions: { safety: 5.2 } },
        { instrumentId: 'abi-trustworthiness', n: 7, total: 4.1, dimensions: { ability: 4.1, benevolence: 3.9, integrity: 4.3 } },
        { instrumentId: 'tenant-pulse', n: 6, total: null, dimensions: {} },
      ],
      zone: { zone: 'learning', safety: 5.2, standards: 5.6 },
      closedAt: CLOSED_AT,
    });
    expect(readAssessmentFact(event('RoundClosed', { ...closedWithResults, zone: null }))).toMatchObject({ outcome: 'results', zone: null });
  });

  it('a round closed below its threshold: no results and no zone, even where the event carried some', () => {
    const nothing = { type: 'RoundClosed', roundId: 'r1', teamId: 't1', outcome: 'not-enough-answers', results: [], zone: null, closedAt: CLOSED_AT };
    expect(readAssessmentFact(event('RoundClosed', closedBelowThreshold))).toEqual(nothing);
    expect(readAssessmentFact(event('RoundClosed', { ...closedBelowThreshold, results: closedWithResults.results, zone: closedWithResults.zone }))).toEqual(nothing);
  });

  it('a team’s zone changed, from no zone or from another', () => {
    const changed = { teamId: 't1', roundId: 'r1', from: 'anxiety', to: 'learning', safety: 5.2, standards: 5.6, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedAt: CLOSED_AT };
    expect(readAssessmentFact(event('TeamZoneChanged', changed))).toEqual({ type: 'TeamZoneChanged', roundId: 'r1', teamId: 't1', from: 'anxiety', to: 'learning', changedAt: CLOSED_AT });
    expect(readAssessmentFact(event('TeamZoneChanged', { ...changed, from: null }))).toMatchObject({ from: null, to: 'learning' });
    expect(readAssessmentFact(event('TeamZoneChanged', { ...changed, from: undefined }))).toMatchObject({ from: null, to: 'learning' });
  });

  it('a tenant’s anonymity threshold', () => {
    expect(readAssessmentFact(event('AssessmentSettingsChanged', { tenantId: 'acme', anonymityThreshold: 7, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedBy: 'lead', changedAt: AT, reason: 'policy' }))).toEqual({
      type: 'AssessmentSettingsChanged',
      anonymityThreshold: 7,
    });
  });

  it('reads every type it lists, and only those', () => {
    expect([...ASSESSMENT_FACT_TYPES].sort()).toEqual(['AnonymityThresholdChanged', 'AssessmentSettingsChanged', 'RespondentsAdded', 'RoundClosed', 'RoundOpened', 'TeamZoneChanged']);
  });

  it('leaves every other type alone, whatever its version (answers and participation never reach it)', () => {
    for (const type of ['AnswerRecorded', 'RespondentCounted', 'FocusItemsChosen', 'ActionAgreed', 'InstrumentDefined']) {
      expect(readAssessmentFact(event(type, { roundId: 'r1' }, 1))).toBeUndefined();
      expect(readAssessmentFact(event(type, { roundId: 'r1' }, 4))).toBeUndefined();
    }
  });

  it('refuses a read type of another version', () => {
    for (const type of ASSESSMENT_FACT_TYPES) expect(refusal(event(type, opened, 2))).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
  });

  it('refuses an event without what it needs, naming the field by its path', () => {
    const cases: Array<[string, object, string]> = [
      ['RoundOpened', { ...opened, roundId: undefined }, 'data.roundId'],
      ['RoundOpened', { ...opened, teamId: '' }, 'data.teamId'],
      ['RoundOpened', { ...opened, instruments: [opened.instruments[0], { instrumentId: 'abi.trustworthiness' }] }, 'data.instruments[1].instrumentId'],
      ['RoundOpened', { ...opened, respondentIds: 6 }, 'data.respondentIds'],
      ['RoundOpened', { ...opened, anonymityThreshold: 4.5 }, 'data.anonymityThreshold'],
      ['RoundOpened', { ...opened, openedAt: '2026-03-02' }, 'data.openedAt'],
      ['AnonymityThresholdChanged', { roundId: 'r1', threshold: -1 }, 'data.threshold'],
      ['AnonymityThresholdChanged', { threshold: 7 }, 'data.roundId'],
      ['RespondentsAdded', { roundId: 'r1', memberIds: 'p7' }, 'data.memberIds'],
      ['RespondentsAdded', { memberIds: [] }, 'data.roundId'],
      ['RoundClosed', { ...closedWithResults, outcome: 'cancelled' }, 'data.outcome'],
      ['RoundClosed', { ...closedWithResults, roundId: null }, 'data.roundId'],
      ['RoundClosed', { ...closedWithResults, teamId: null }, 'data.teamId'],
      ['RoundClosed', { ...closedWithResults, results: null }, 'data.results'],
      ['RoundClosed', { ...closedWithResults, results: [closedWithResults.results[0], { ...closedWithResults.results[1], instrumentId: undefined }] }, 'data.results[1].instrumentId'],
      ['RoundClosed', { ...closedWithResults, results: [{ ...closedWithResults.results[0], n: -1 }] }, 'data.results[0].n'],
      ['RoundClosed', { ...closedWithResults, results: [{ ...closedWithResults.results[0], total: { n: 6 } }] }, 'data.results[0].total.mean'],
      ['RoundClosed', { ...closedWithResults, results: [{ ...closedWithResults.results[0], dimensions: null }] }, 'data.results[0].dimensions'],
      ['RoundClosed', { ...closedWithResults, results: [{ ...closedWithResults.results[0], dimensions: [dimension('safety', 5), { dimensionId: 'voice' }] }] }, 'data.results[0].dimensions[1].mean'],
      ['RoundClosed', { ...closedWithResults, results: [{ ...closedWithResults.results[0], dimensions: [{ mean: 5 }] }] }, 'data.results[0].dimensions[0].dimensionId'],
      ['RoundClosed', { ...closedWithResults, zone: { ...closedWithResults.zone, zone: 'panic' } }, 'data.zone.zone'],
      ['RoundClosed', { ...closedWithResults, zone: { ...closedWithResults.zone, safety: null } }, 'data.zone.safety'],
      ['RoundClosed', { ...closedWithResults, zone: { ...closedWithResults.zone, standards: '5.6' } }, 'data.zone.standards'],
      ['RoundClosed', { ...closedWithResults, closedAt: undefined }, 'data.closedAt'],
      ['TeamZoneChanged', { teamId: 't1', roundId: 'r1', from: 'calm', to: 'learning', changedAt: AT }, 'data.from'],
      ['TeamZoneChanged', { teamId: 't1', roundId: 'r1', from: null, to: null, changedAt: AT }, 'data.to'],
      ['TeamZoneChanged', { teamId: 't1', from: null, to: 'learning', changedAt: AT }, 'data.roundId'],
      ['TeamZoneChanged', { roundId: 'r1', from: null, to: 'learning', changedAt: AT }, 'data.teamId'],
      ['TeamZoneChanged', { teamId: 't1', roundId: 'r1', from: null, to: 'learning' }, 'data.changedAt'],
      ['AssessmentSettingsChanged', { tenantId: 'acme', anonymityThreshold: '5' }, 'data.anonymityThreshold'],
    ];
    for (const [type, data, field] of cases) expect([type, field, refusal(event(type, data))?.field]).toEqual([type, field, field]);
  });
});
