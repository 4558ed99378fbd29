import { coachingSubjectsOf } from '@leerzone/governance-domain';
import { isSealed, legacyPersonSubject, personSubject, type EventStore, type PersonalDataVault, type SealedValue, type StoredEvent } from '@leerzone/kernel';

/**
 * What the stores and the vault hold about one person of one tenant — found, not guessed:
 * every event of the tenant that the person acted in or that names them, and every vault
 * subject their personal data is sealed under:
 * - their own subject of the tenant, `personSubject(tenant, id)`: task-maturity notes (sealed
 *   under the member) and confidential-case accounts and consequences (under the person concerned);
 * - the legacy subject, their bare id, for data sealed before subjects were tenant-scoped — only
 *   when a seal under it is in this tenant's own events (another tenant's are never read);
 * - the notes of every coaching session they coached or attended (`coachingSubjectsOf`);
 * - the identity of every failure they reported anonymously (the seal opens to their id).
 */
export interface PersonalDataFindings {
  readonly tenantId: string;
  readonly personId: string;
  /** Vault subjects holding data about the person, each once, in the order found. */
  readonly subjects: readonly string[];
  /** The tenant's events that the person acted in, that name them, or that carry a seal of one of their subjects. */
  readonly events: readonly StoredEvent[];
  /** How many events of the tenant were read, across every store. */
  readonly eventsRead: number;
}

const BATCH = 1000;

async function* eventsOf(store: EventStore): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const batch = await store.readAll({ after, limit: BATCH });
    if (batch.length === 0) return;
    yield* batch;
    after = batch.at(-1)!.globalPosition;
  }
}

/** Every sealed value inside `data`, at any depth. */
export function sealsIn(data: unknown, found: SealedValue[] = []): SealedValue[] {
  if (isSealed(data)) found.push(data);
  else if (Array.isArray(data)) for (const item of data) sealsIn(item, found);
  else if (typeof data === 'object' && data !== null) for (const value of Object.values(data)) sealsIn(value, found);
  return found;
}

/** Whether `data` holds the exact string `id` anywhere (ids are pseudonymous strings in the clear). */
function names(data: unknown, id: string): boolean {
  if (data === id) return true;
  if (isSealed(data)) return false;
  if (Array.isArray(data)) return data.some((item) => names(item, id));
  if (typeof data === 'object' && data !== null) return Object.values(data).some((value) => names(value, id));
  return false;
}

interface CoachingSession {
  readonly teamId: string;
  readonly sessionId: string;
  readonly coachId: string;
  readonly attendeeIds: readonly string[];
}

export async function findPersonalData(stores: readonly EventStore[], vault: Pick<PersonalDataVault, 'open'>, tenantId: string, personId: string): Promise<PersonalDataFindings> {
  const subjects = new Set<string>();
  const own = personSubject(tenantId, personId);
  const legacy = legacyPersonSubject(personId);
  const candidates: StoredEvent[] = [];
  const sessions: CoachingSession[] = [];
  let eventsRead = 0;
  for (const store of stores) {
    for await (const event of eventsOf(store)) {
      if (event.tenantId !== tenantId) continue;
      eventsRead++;
      const data = event.data as Record<string, unknown>;
      if (event.type === 'CoachingSessionHeld') sessions.push(data as unknown as CoachingSession);
      const seals = sealsIn(data);
      for (const seal of seals) if (seal.$sealed.subject === own || seal.$sealed.subject === legacy) subjects.add(seal.$sealed.subject);
      // An anonymous report names nobody in the clear: its sealed identity says whose it is.
      const reporter = data['reporter'] as { anonymous?: boolean; identity?: unknown } | undefined;
      if (event.type === 'FailureReported' && reporter?.anonymous && isSealed(reporter.identity) && (await vault.open(reporter.identity)) === personId) {
        subjects.add(reporter.identity.$sealed.subject);
      }
      if (event.actor.id === personId || names(data, personId) || seals.length > 0) candidates.push(event);
    }
  }
  for (const subject of coachingSubjectsOf(tenantId, personId, sessions)) subjects.add(subject);
  const events = candidates.filter((event) => event.actor.id === personId || names(event.data, personId) || sealsIn(event.data).some((seal) => subjects.has(seal.$sealed.subject)));
  return { tenantId, personId, subjects: [...subjects], events, eventsRead };
}

/**
 * The subject-access export: every event about the person with the seals of their own
 * subjects opened (`$erased` once erased); a seal of anyone else's stays closed and is shown
 * as `{ $sealed: 'another subject' }`, so the export gives nobody else's personal data away.
 */
export async function subjectAccessExport(findings: PersonalDataFindings, vault: Pick<PersonalDataVault, 'open' | 'isErased'>, exportedAt: Date) {
  const open = async (data: unknown): Promise<unknown> => {
    if (isSealed(data)) return findings.subjects.includes(data.$sealed.subject) ? vault.open(data) : { $sealed: 'another subject' };
    if (Array.isArray(data)) return Promise.all(data.map(open));
    if (typeof data === 'object' && data !== null) return Object.fromEntries(await Promise.all(Object.entries(data).map(async ([key, value]) => [key, await open(value)] as const)));
    return data;
  };
  return {
    personId: findings.personId,
    tenantId: findings.tenantId,
    exportedAt: exportedAt.toISOString(),
    subjects: await Promise.all(findings.subjects.map(async (subject) => ({ subject, erased: await vault.isErased(subject) }))),
    events: await Promise.all(
      findings.events.map(async (event) => ({
        streamId: event.streamId,
        streamPosition: event.streamPosition,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt: event.occurredAt,
        actor: event.actor,
        ...(event.reason !== undefined ? { reason: event.reason } : {}),
        data: await open(event.data),
      })),
    ),
  };
}
