import { EventSchemaRegistry, isRejection, personSubject, type CommandContext, type EventStore, type PersonalDataVault } from '@leerzone/kernel';
import { TEAM_UPCASTERS, organisationDecider, organisationStreamId, teamDecider, teamStreamId } from '@leerzone/governance-domain';
import { DEFAULT_STATUS_THRESHOLDS, cycleDecider, cycleFacts, cycleStreamId, objectiveDecider, objectiveStreamId, type CycleState, type NewBlocker } from '@leerzone/okr-domain';
import { DEFAULT_ANONYMITY_THRESHOLD, DEFAULT_ZONE_THRESHOLDS, resolveInstrument, roundDecider, roundKeySubject, roundStreamId, type InstrumentDefinition, type RoundState } from '@leerzone/assessment-domain';
import { ANONYMOUS_REPORTER_ACTOR, anonymousReporterSubject, reportDecider, reportStreamId } from '@leerzone/failure-learning-domain';
import { answerSlot, padAnswer, paddedLength } from './answer-payload';
import { DECISION_AREAS, ZONES, type Zone } from '../plan/demo-plan';
import { SeededRandom, derivedId, derivedUuid } from '../plan/seeded-random';
import { EventSink, ScaleCommandRefused } from './event-sink';

/**
 * The demo organisation at scale, lived week by week over several years: every team's
 * decisions, OKR check-ins, survey rounds and failure reports, decided by the domains' own
 * deciders with the look-ups and seals their services' handlers make, and appended straight
 * into one event store (standalone's layout). The volume per team per year follows how the
 * article's teams work: a decision most weeks, two objectives a quarter with three key
 * results checked in weekly, a survey round every half-year, a failure report every month
 * or so.
 */
export interface ScaleOptions {
  readonly seed: number;
  readonly teams: number;
  readonly tenant: string;
  /** The last day of the history (YYYY-MM-DD). */
  readonly endDay: string;
  readonly years: number;
}

export interface ScaleProgress {
  (week: number, weeks: number, events: number): void;
}

export interface ScaleResult {
  readonly events: number;
  readonly appends: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly teams: number;
  readonly people: number;
  readonly elapsedMs: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const QUARTER_WEEKS = 13;
const OBJECTIVES_PER_QUARTER = 2;
const KEY_RESULTS = 3;
const INSTRUMENT_REFS = [
  { instrumentId: 'psychological-safety', version: 1 },
  { instrumentId: 'abi-trustworthiness', version: 1 },
  { instrumentId: 'leerzone-standards', version: 1 },
] as const;
const ZONE_PROFILE: Readonly<Record<Zone, { readonly safety: number; readonly standards: number }>> = {
  learning: { safety: 6.0, standards: 6.0 },
  comfort: { safety: 6.0, standards: 3.4 },
  anxiety: { safety: 3.2, standards: 6.0 },
  apathy: { safety: 3.2, standards: 3.2 },
};
const FAILURE_AREAS = ['deployments', 'invoicing', 'scheduling', 'onboarding', 'reporting', 'procurement', 'support'];
const KINDS = [
  { kind: 'basic', cause: 'inattention' },
  { kind: 'basic', cause: 'process-inadequacy' },
  { kind: 'complex', cause: 'process-complexity' },
  { kind: 'intelligent', cause: 'hypothesis-testing' },
] as const;
const INTELLIGENT = { newTerritory: true, credibleOpportunity: true, hypothesis: 'A smaller batch size shortens lead time', asSmallAsPossible: true };
const COMMENTS = ['Good progress this week', 'Blocked on a supplier, catching up next week', 'Ahead of plan', 'Slower than hoped: two people were ill'];

interface Team {
  readonly index: number;
  readonly teamId: string;
  readonly unitId: string;
  readonly coachId: string;
  readonly memberIds: readonly string[];
  readonly zone: Zone;
  readonly startWeek: number;
  readonly levels: Map<string, number>;
  lastZone: string | null;
  openRound: { roundId: string; secret: string; subject: string; sheets: unknown[] } | null;
  objectives: { objectiveId: string; keyResults: { keyResultId: string; target: number }[] }[];
}

/** The schema registry governance's process runs with: commands write the current versions. */
export function scaleSchemas(): EventSchemaRegistry {
  const schemas = new EventSchemaRegistry();
  for (const upcaster of TEAM_UPCASTERS) schemas.register(upcaster);
  return schemas;
}

const quarterOf = (time: number): string => {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
};

export async function generateScaleHistory(options: ScaleOptions, store: EventStore, vault: PersonalDataVault, onProgress?: ScaleProgress): Promise<ScaleResult> {
  const started = Date.now();
  const { seed, tenant } = options;
  if (!Number.isSafeInteger(options.teams) || options.teams < 4) throw new RangeError('teams is a whole number of at least 4.');
  const random = new SeededRandom(seed);
  let counter = 0;
  // Deterministic ids in the UUID layout: the same seed gives the same store, byte for byte but recorded-at.
  const newId = () => derivedUuid(seed, `scale-id-${counter++}`);
  const sink = new EventSink(store, scaleSchemas(), newId);
  const weeks = Math.round(options.years * 52);
  // Monday of the first week; the history ends on endDay.
  const end = Date.parse(`${options.endDay}T17:00:00.000Z`);
  const first = end - weeks * WEEK;
  const ctx = (actorId: string, now: number, reason?: string, kind: 'user' | 'service' = 'user'): CommandContext => {
    const id = newId();
    return { tenantId: tenant, actor: { id: actorId, kind }, correlationId: id, causationId: id, now: new Date(now), ...(reason ? { reason } : {}) };
  };
  const leadId = derivedId(seed, 'lead', 'transformation-lead');
  const organisationId = derivedUuid(seed, 'organisation');
  const orgStream = organisationStreamId(tenant, organisationId);
  await sink.run(organisationDecider, orgStream, { type: 'CreateOrganisation', data: { organisationId, name: `Demo organisation ${seed}` } }, ctx(leadId, first));
  const unitCount = Math.max(2, Math.round(options.teams / 8));
  const unitIds = Array.from({ length: unitCount }, (_, i) => derivedId(seed, 'unit', `unit-${i}`));
  for (const [i, unitId] of unitIds.entries()) {
    await sink.run(organisationDecider, orgStream, { type: 'AddUnit', data: { organisationId, unitId, name: `Unit ${i + 1}` } }, ctx(leadId, first + i * 1_000));
  }

  const instruments: InstrumentDefinition[] = INSTRUMENT_REFS.map((ref) => {
    const definition = resolveInstrument(ref, null);
    if (isRejection(definition)) throw new Error(definition.message);
    return definition;
  });
  const padTo = paddedLength(instruments);

  let people = 0;
  const teams: Team[] = Array.from({ length: options.teams }, (_, index) => {
    const size = random.int(5, 10);
    const person = () => derivedId(seed, 'person', `person-${people++}`);
    const coachId = person();
    // The rollout: a tenth start as pilots in the first weeks, the rest in waves over the first year.
    const startWeek = index < Math.max(1, Math.round(options.teams / 10)) ? random.int(0, 3) : random.int(4, Math.min(52, weeks - 14));
    return {
      index,
      teamId: derivedUuid(seed, `team-${index}`),
      unitId: unitIds[index % unitCount]!,
      coachId,
      memberIds: Array.from({ length: size }, person),
      zone: index < 4 ? ZONES[index]! : random.pick(ZONES),
      startWeek,
      levels: new Map(),
      lastZone: null,
      openRound: null,
      objectives: [],
    };
  });

  const cycles = new Map<string, string>();
  const cycleState = (cycleId: string) => {
    const facts = cycleFacts(sink.state<CycleState>(cycleStreamId(tenant, cycleId))!);
    if (!facts) throw new Error(`cycle ${cycleId} has no facts`);
    return facts;
  };

  for (let week = 0; week < weeks; week++) {
    const weekStart = first + week * WEEK;
    const quarterWeek = week % QUARTER_WEEKS;
    // A cycle per quarter of thirteen weeks, planned and started on its first Monday.
    const quarterIndex = Math.floor(week / QUARTER_WEEKS);
    const cycleKey = `cycle-${quarterIndex}`;
    if (quarterWeek === 0) {
      const cycleId = derivedUuid(seed, cycleKey);
      cycles.set(cycleKey, cycleId);
      const startsOn = new Date(weekStart).toISOString().slice(0, 10);
      const endsOn = new Date(weekStart + QUARTER_WEEKS * WEEK - DAY).toISOString().slice(0, 10);
      const stream = cycleStreamId(tenant, cycleId);
      await sink.run(cycleDecider, stream, { type: 'PlanCycle', data: { cycleId, name: `${quarterOf(weekStart)} (${quarterIndex + 1})`, startsOn, endsOn } }, ctx(leadId, weekStart));
      await sink.run(cycleDecider, stream, { type: 'StartCycle', data: { cycleId } }, ctx(leadId, weekStart + 60_000));
    }
    const cycleId = cycles.get(cycleKey)!;

    for (const team of teams) {
      if (week < team.startWeek) continue;
      // Each team's week is spread over the working week, so times never run backwards within a stream.
      let clock = weekStart + DAY / 3 + Math.floor((team.index / teams.length) * 3 * DAY);
      const tick = () => (clock += 37_000);
      const stream = teamStreamId(tenant, team.teamId);
      const age = week - team.startWeek;
      const member = team.memberIds[age % team.memberIds.length]!;

      if (age === 0) await startTeam(team, tick);
      if (age === 6) await sink.run(teamDecider, stream, { type: 'MoveTeamToPhase', data: { teamId: team.teamId, phase: 'forming' } }, ctx(team.coachId, tick()));
      if (age === 30) await sink.run(teamDecider, stream, { type: 'MoveTeamToPhase', data: { teamId: team.teamId, phase: 'performing' } }, ctx(team.coachId, tick()));

      // A decision most weeks, under the level the board gives that area.
      if (random.chance(0.85)) {
        const area = random.pick(DECISION_AREAS.filter((a) => a !== 'budget-spend'));
        const decisionId = newId();
        await sink.run(
          teamDecider,
          stream,
          {
            type: 'RecordDecision',
            data: {
              teamId: team.teamId,
              decisionId,
              area,
              title: `Decide on ${area.replace('-', ' ')} (week ${week + 1})`,
              actedUnderLevel: team.levels.get(area)!,
              rationale: 'We weighed cost against what it brings the customer.',
              optionsConsidered: ['Do it now', 'Wait a quarter'],
              unitBoundaries: [],
              onOutsideMandate: 'reject',
            },
          },
          ctx(member, tick()),
        );
      }
      // Once a quarter the board is revisited: one area moves a level, with the reason.
      if (quarterWeek === 12 && age > 8) {
        const area = random.pick(DECISION_AREAS.filter((a) => a !== 'budget-spend'));
        const current = team.levels.get(area)!;
        const level = Math.min(7, Math.max(1, current + (random.chance(team.zone === 'learning' || team.zone === 'comfort' ? 0.7 : 0.3) ? 1 : -1)));
        if (level !== current) {
          team.levels.set(area, level);
          await sink.run(teamDecider, stream, { type: 'SetDelegationLevel', data: { teamId: team.teamId, area, level } }, ctx(team.coachId, tick(), 'Agreed at the quarterly delegation poker session'));
        }
      }

      await okrWeek(team, quarterWeek, quarterIndex, cycleId, tick);

      // A survey round every half-year: opened in week 4 of the half, closed a week later.
      const half = week % 26;
      if (age >= 8 && half === 4) await openRound(team, week, tick);
      else if (team.openRound && half === 5) await closeRound(team, tick);

      // Failures, blamelessly reported: about one a month, more where people feel safe to speak up.
      if (age >= 2 && random.chance(team.zone === 'learning' || team.zone === 'comfort' ? 0.3 : 0.18)) await reportFailure(team, tick);
    }

    // The quarter's last week: grading starts, every team grades, the cycle closes.
    if (quarterWeek === QUARTER_WEEKS - 1) {
      const stream = cycleStreamId(tenant, cycleId);
      const late = weekStart + 4 * DAY + DAY / 2;
      await sink.run(cycleDecider, stream, { type: 'StartGrading', data: { cycleId } }, ctx(leadId, late));
      const cycle = cycleState(cycleId);
      let at = late + 60_000;
      for (const team of teams) {
        for (const objective of team.objectives) {
          const objectiveStream = objectiveStreamId(tenant, objective.objectiveId);
          await sink.run(objectiveDecider, objectiveStream, { type: 'GradeObjective', data: { objectiveId: objective.objectiveId, cycle } }, ctx(team.coachId, (at += 1_000)));
          sink.forget(objectiveStream);
        }
        team.objectives = [];
      }
      await sink.run(cycleDecider, stream, { type: 'CloseCycle', data: { cycleId, ungradedObjectiveIds: [] } }, ctx(leadId, at + 60_000));
      sink.forget(stream);
    }
    onProgress?.(week + 1, weeks, sink.counts.events);
  }
  await sink.flush();
  return { events: sink.counts.events, appends: sink.counts.appends, byType: sink.counts.byType, teams: teams.length, people, elapsedMs: Date.now() - started };

  async function startTeam(team: Team, tick: () => number): Promise<void> {
    const stream = teamStreamId(tenant, team.teamId);
    const { teamId } = team;
    await sink.run(teamDecider, stream, { type: 'CreateTeam', data: { teamId, name: `Team ${team.index + 1}`, unitId: team.unitId, purpose: 'Serve our customers end to end' } }, ctx(leadId, tick()));
    await sink.run(teamDecider, stream, { type: 'AddMember', data: { teamId, memberId: team.coachId, roles: ['coach'] } }, ctx(leadId, tick()));
    for (const memberId of team.memberIds) await sink.run(teamDecider, stream, { type: 'AddMember', data: { teamId, memberId, roles: ['member'] } }, ctx(team.coachId, tick()));
    for (const memberId of team.memberIds) {
      if (random.chance(team.zone === 'learning' || team.zone === 'comfort' ? 0.9 : 0.6)) await sink.run(teamDecider, stream, { type: 'SayYes', data: { teamId, memberId } }, ctx(memberId, tick()));
    }
    const base = team.zone === 'learning' ? 6 : team.zone === 'comfort' ? 5 : team.zone === 'anxiety' ? 3 : 2;
    for (const area of DECISION_AREAS) {
      const level = Math.min(7, Math.max(1, base + random.int(-1, 1)));
      team.levels.set(area, level);
      await sink.run(teamDecider, stream, { type: 'SetDelegationLevel', data: { teamId, area, level } }, ctx(team.coachId, tick(), 'Agreed at the delegation poker session'));
    }
  }

  async function okrWeek(team: Team, quarterWeek: number, quarterIndex: number, cycleId: string, tick: () => number): Promise<void> {
    if (quarterWeek === 0 || (team.objectives.length === 0 && quarterWeek < 4 && quarterWeek > 0)) {
      const cycle = cycleState(cycleId);
      for (let o = 0; o < OBJECTIVES_PER_QUARTER; o++) {
        const objectiveId = derivedUuid(seed, `objective-${team.index}-${quarterIndex}-${o}`);
        const stream = objectiveStreamId(tenant, objectiveId);
        const commitment = o === 0 ? 'committed' : 'aspirational';
        await sink.run(objectiveDecider, stream, { type: 'DefineObjective', data: { objectiveId, cycle, level: 'team', owner: { kind: 'team', id: team.teamId }, title: `Objective ${o + 1} of quarter ${quarterIndex + 1}`, commitment } }, ctx(team.coachId, tick()));
        const keyResults = [];
        for (let k = 0; k < KEY_RESULTS; k++) {
          const keyResultId = derivedId(seed, 'kr', `kr-${team.index}-${quarterIndex}-${o}-${k}`);
          const target = 10 * random.int(2, 10);
          await sink.run(
            objectiveDecider,
            stream,
            { type: 'AddKeyResult', data: { objectiveId, cycle, keyResultId, title: `Key result ${k + 1}`, measure: { kind: 'numeric', start: 0, target, unit: 'points', direction: 'increase-to' } } },
            ctx(team.coachId, tick()),
          );
          keyResults.push({ keyResultId, target });
        }
        await sink.run(objectiveDecider, stream, { type: 'CommitObjectiveToCycle', data: { objectiveId, cycle } }, ctx(team.coachId, tick()));
        team.objectives.push({ objectiveId, keyResults });
      }
      return;
    }
    if (quarterWeek === QUARTER_WEEKS - 1 || team.objectives.length === 0) return;
    // Weekly check-ins on every key result, progress climbing towards where the team's safety lets it aim.
    const cycle = cycleState(cycleId);
    const reach = team.zone === 'learning' ? 0.85 : team.zone === 'comfort' ? 1 : team.zone === 'anxiety' ? 1 : 0.6;
    for (const objective of team.objectives) {
      const stream = objectiveStreamId(tenant, objective.objectiveId);
      for (const kr of objective.keyResults) {
        const author = team.memberIds[random.int(0, team.memberIds.length - 1)]!;
        const value = Math.round(kr.target * reach * Math.min(1, quarterWeek / 11) * (0.8 + 0.2 * random.next()));
        // One check-in in five carries a comment: the author's own text, sealed under their key.
        const comment = random.chance(0.2) ? await vault.seal(personSubject(tenant, author), random.pick(COMMENTS)) : null;
        const checkIn = (blockers: readonly NewBlocker[]) => ({
          type: 'CheckInOnKeyResult' as const,
          data: { objectiveId: objective.objectiveId, cycle, checkInId: newId(), keyResultId: kr.keyResultId, value, confidence: random.int(5, 9), comment, blockers, stillBlockedBy: [], thresholds: DEFAULT_STATUS_THRESHOLDS, actorRelation: 'member' as const },
        });
        const at = tick();
        try {
          await sink.run(objectiveDecider, stream, checkIn([]), ctx(author, at));
        } catch (error) {
          if (!(error instanceof ScaleCommandRefused) || error.code !== 'OKR.BLOCKER_REQUIRED') throw error;
          // Behind the cycle's pace: as the author would, name what stands in the way (sealed like any text of theirs).
          const description = await vault.seal(personSubject(tenant, author), 'Waiting on a dependency of another team');
          await sink.run(objectiveDecider, stream, checkIn([{ blockerId: newId(), description, removableBy: { kind: 'coach' } }]), ctx(author, at));
        }
      }
    }
  }

  async function openRound(team: Team, week: number, tick: () => number): Promise<void> {
    const roundId = derivedUuid(seed, `round-${team.index}-${week}`);
    const subject = roundKeySubject(tenant, roundId);
    const secret = randomSecret(random);
    const slotKey = await vault.seal(subject, secret);
    await sink.run(
      roundDecider,
      roundStreamId(tenant, roundId),
      { type: 'OpenRound', data: { roundId, teamId: team.teamId, instruments, respondentIds: [...team.memberIds], anonymityThreshold: DEFAULT_ANONYMITY_THRESHOLD, previousRoundId: null, slotKey } },
      ctx(team.coachId, tick()),
    );
    const sheets: unknown[] = [];
    team.openRound = { roundId, secret, subject, sheets };
    const profile = ZONE_PROFILE[team.zone];
    const drift = random.normal(0, 0.3);
    for (const [m, memberId] of team.memberIds.entries()) {
      if (m >= 5 && !random.chance(0.85)) continue;
      const stream = roundStreamId(tenant, roundId);
      await sink.run(roundDecider, stream, { type: 'RecordParticipation', data: { roundId, respondentId: memberId } }, ctx(memberId, tick()));
      const sheet = instruments.map((definition) => {
        const level = definition.instrumentId === 'leerzone-standards' ? profile.standards : definition.instrumentId === 'abi-trustworthiness' ? 1 + ((profile.safety + drift - 1) * 4) / 6 : profile.safety + drift;
        return {
          instrumentId: definition.instrumentId,
          version: definition.version,
          responses: definition.items.map((item) => {
            const value = Math.min(definition.scale.points, Math.max(1, Math.round(random.normal(level, 0.7))));
            return { itemId: item.itemId, value: item.reverse ? definition.scale.points + 1 - value : value };
          }),
        };
      });
      sheets.push(sheet);
      const sealed = await vault.seal(subject, padAnswer({ answers: sheet, comment: null }, padTo));
      // As the answer service: its own actor and a fresh correlation, nothing pointing back at the respondent.
      await sink.run(roundDecider, stream, { type: 'RecordAnswer', data: { roundId, slot: answerSlot(secret, tenant, memberId), answers: sheet, comment: null, sealed } }, ctx('assessment-answer-service', tick(), undefined, 'service'));
    }
  }

  async function closeRound(team: Team, tick: () => number): Promise<void> {
    const open = team.openRound!;
    const stream = roundStreamId(tenant, open.roundId);
    // The sheets as the close handler opens them: every slot's answer, in a shuffled order.
    const sheets = random.shuffle(open.sheets);
    await sink.run(
      roundDecider,
      stream,
      { type: 'CloseRound', data: { roundId: open.roundId, sheets, comments: [], shuffleSeed: random.int(0, 2 ** 31), previousZone: team.lastZone as never, zoneThresholds: DEFAULT_ZONE_THRESHOLDS } },
      ctx(team.coachId, tick()),
    );
    const closed = sink.state<RoundState>(stream)!;
    team.lastZone = (closed.zone as { zone?: string } | null)?.zone ?? team.lastZone;
    await vault.erase(open.subject);
    team.openRound = null;
    sink.forget(stream);
  }

  async function reportFailure(team: Team, tick: () => number): Promise<void> {
    const reportId = newId();
    const stream = reportStreamId(tenant, reportId);
    const reporterId = random.pick(team.memberIds);
    const anonymous = random.chance(team.zone === 'anxiety' || team.zone === 'apathy' ? 0.5 : 0.1);
    const area = random.pick(FAILURE_AREAS);
    const occurred = tick() - random.int(1, 20) * DAY;
    const reporter = anonymous ? { anonymous: true as const, identity: await vault.seal(anonymousReporterSubject(tenant, reportId), reporterId) } : { anonymous: false as const };
    const at = tick();
    await sink.run(
      reportDecider,
      stream,
      {
        type: 'ReportFailure',
        data: {
          reportId,
          teamId: team.teamId,
          expected: `The ${area} work to go as agreed`,
          happened: `The ${area} work went wrong`,
          context: 'A normal week with the usual load',
          impact: { description: 'Customers waited longer than promised', cost: null },
          severity: random.pick(['low', 'medium', 'medium', 'high']),
          occurredAt: new Date(occurred).toISOString(),
          noticedAt: new Date(occurred + random.int(5, 60 * 24) * 60_000).toISOString(),
          area,
          tags: [random.pick(['checklist', 'handover', 'four-eyes', 'release', 'data', 'supplier'])],
          reporter,
          knownLessons: [],
        },
      },
      anonymous ? { ...ctx(reporterId, at), actor: ANONYMOUS_REPORTER_ACTOR } : ctx(reporterId, at),
    );
    const { kind, cause } = random.pick(KINDS);
    await sink.run(reportDecider, stream, { type: 'ClassifyFailure', data: { reportId, kind, cause, ...(kind === 'intelligent' ? { attributes: INTELLIGENT } : {}), knownLessons: [] } }, ctx(team.coachId, tick()));
    sink.forget(stream);
  }
}

/** The round's slot secret: from the seed, so the same seed gives the same slots. */
function randomSecret(random: SeededRandom): string {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) bytes[i] = random.int(0, 255);
  return bytes.toString('base64');
}

