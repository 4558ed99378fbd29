import { fold, type Decider, type DomainEvent, type StoredEvent } from '@leerzone/kernel';
import { InMemoryEventStore } from '@leerzone/kernel/testing';
import { SqlitePersonalDataVault } from '@leerzone/personal-data-vault';
import { organisationDecider, teamDecider } from '@leerzone/governance-domain';
import { cycleDecider, objectiveDecider } from '@leerzone/okr-domain';
import { resolveInstrument, roundDecider, type InstrumentDefinition } from '@leerzone/assessment-domain';
import { reportDecider } from '@leerzone/failure-learning-domain';
import { answerSlot as serviceSlot, padAnswer as servicePad, paddedLength as servicePadded } from '@leerzone/assessment-service';
import { answerSlot, padAnswer, paddedLength } from './answer-payload';
import { generateScaleHistory, scaleSchemas, type ScaleOptions } from './scale-history';

const OPTIONS: ScaleOptions = { seed: 3, teams: 6, tenant: 'scale-spec', endDay: '2026-12-01', years: 1 };

async function generate(options: ScaleOptions = OPTIONS) {
  const store = new InMemoryEventStore();
  const vault = new SqlitePersonalDataVault({ filename: ':memory:' });
  const result = await generateScaleHistory(options, store, vault);
  const events: StoredEvent[] = [];
  for (let batch = await store.readAll({ limit: 10_000 }); batch.length > 0; batch = await store.readAll({ after: batch.at(-1)!.globalPosition, limit: 10_000 })) events.push(...batch);
  return { result, events, vault };
}

/** Which decider owns a stream, by the prefixes the services give their streams. */
const DECIDERS: readonly [string, Decider<unknown, DomainEvent, unknown>][] = [
  ['organisation-', organisationDecider as never],
  ['team-', teamDecider as never],
  ['okr-cycle-', cycleDecider as never],
  ['okr-objective-', objectiveDecider as never],
  ['assessment-round-', roundDecider as never],
  ['failure-learning-report-', reportDecider as never],
];

/** The events without what is random by design: sealed ciphertexts (fresh IVs) and the store's clock. */
const comparable = (events: readonly StoredEvent[]) =>
  events.map((e) => JSON.stringify({ ...e, recordedAt: null, hash: null, data: JSON.parse(JSON.stringify(e.data, (key, value) => (key === '$sealed' ? { subject: value.subject } : value))) }));

describe('the scale generator', () => {
  it('is deterministic by seed: the same seed gives the same events, another seed others', async () => {
    const [a, b, c] = await Promise.all([generate(), generate(), generate({ ...OPTIONS, seed: 4 })]);
    expect(comparable(a.events)).toEqual(comparable(b.events));
    expect(comparable(c.events)).not.toEqual(comparable(a.events));
  });

  it("appends only events each stream's decider folds, at the schema versions the services write", async () => {
    const { events } = await generate();
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    const schemas = scaleSchemas();
    for (const [streamId, stream] of byStream) {
      const owner = DECIDERS.find(([prefix]) => streamId.startsWith(prefix));
      expect(owner).toBeDefined();
      expect(() => fold(owner![1], stream.map((e) => ({ type: e.type, data: e.data })))).not.toThrow();
      for (const e of stream) expect(e.schemaVersion).toBe(schemas.currentVersion(e.type));
      expect(stream.map((e) => e.streamPosition)).toEqual(stream.map((_, i) => i + 1));
      // Times never run backwards within a stream.
      expect([...stream.map((e) => e.occurredAt)].sort()).toEqual(stream.map((e) => e.occurredAt));
    }
  });

  it('holds what the plan says: every team, a cycle a quarter, rounds opened and closed, answers as counted', async () => {
    const { result, events } = await generate();
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(result.events).toBe(events.length);
    expect(count('TeamCreated')).toBe(OPTIONS.teams);
    expect(count('CyclePlanned')).toBe(4);
    expect(count('CycleClosed')).toBe(4);
    expect(count('ObjectiveDefined')).toBe(count('ObjectiveGraded'));
    expect(count('KeyResultAdded')).toBe(3 * count('ObjectiveDefined'));
    expect(count('RoundOpened')).toBe(count('RoundClosed'));
    expect(count('AnswerRecorded')).toBe(count('RespondentCounted'));
    expect(count('FailureReported')).toBe(count('FailureClassified'));
    expect(count('KeyResultCheckedIn')).toBeGreaterThan(count('DecisionRecorded'));
    expect(result.byType).toEqual(Object.fromEntries([...new Set(events.map((e) => e.type))].map((type) => [type, count(type)])));
  });

  it('seals personal data as the services do: answers under the round key (erased at close), comments and anonymous reporters under their own subjects', async () => {
    const { events, vault } = await generate();
    const answer = events.find((e) => e.type === 'AnswerRecorded')!;
    const sealed = (answer.data as { sealed: { $sealed: { subject: string } } }).sealed;
    expect(sealed.$sealed.subject).toContain('assessment-round');
    expect(await vault.isErased(sealed.$sealed.subject)).toBe(true);
    expect(answer.actor).toEqual({ id: 'assessment-answer-service', kind: 'service' });
    const comment = events.map((e) => (e.type === 'KeyResultCheckedIn' ? (e.data as { comment: unknown }).comment : null)).find((c) => c !== null) as { $sealed: { subject: string } };
    expect(comment.$sealed.subject).toContain('person');
    expect(typeof (await vault.open(comment as never))).toBe('string');
    const anonymous = events.find((e) => e.type === 'FailureReported' && (e.data as { reporter?: { anonymous: boolean } }).reporter?.anonymous);
    if (anonymous) expect(anonymous.actor.kind).toBe('service');
    expect(JSON.stringify(events.filter((e) => e.type === 'AnswerRecorded').map((e) => e.data))).not.toMatch(/"respondentId"/);
  });

  it('slots and pads answers exactly as the assessment service does', () => {
    const instruments = ['psychological-safety', 'abi-trustworthiness', 'leerzone-standards'].map((instrumentId) => resolveInstrument({ instrumentId, version: 1 }, null) as InstrumentDefinition);
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(answerSlot(secret, 't', 'p')).toBe(serviceSlot(secret, 't', 'p'));
    expect(paddedLength(instruments)).toBe(servicePadded(instruments));
    const payload = { answers: [], comment: null };
    expect(padAnswer(payload, 2048)).toEqual(servicePad(payload, 2048));
  });
});
