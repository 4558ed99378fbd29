/**
 * Personal data in events, erasable although the store is immutable (crypto-shredding):
 * a value about a person is sealed with a key of that person's own before it enters an
 * event; erasing the person destroys the key, after which every sealed value about them
 * is unreadable noise. The event, its hash chain and the audit trail stay intact, because
 * the chain covers the ciphertext, which never changes.
 *
 * The kernel defines the shape and the port; `@leerzone/personal-data-vault` implements it.
 */
export interface SealedValue {
  readonly $sealed: {
    /** Whose key sealed it: the person the value is about. */
    readonly subject: string;
    readonly keyId: string;
    readonly alg: 'A256GCM';
    /** Base64 of IV, ciphertext and authentication tag. */
    readonly iv: string;
    readonly data: string;
    readonly tag: string;
  };
}

/** What an opened value becomes once its subject has been erased. */
export interface ErasedValue {
  readonly $erased: { readonly subject: string };
}

export interface PersonalDataVault {
  /** Seals any JSON value with the subject's key (created on first use). */
  seal(subject: string, value: unknown): Promise<SealedValue>;
  /** The original value, or an `ErasedValue` when the subject's key was destroyed. */
  open(sealed: SealedValue): Promise<unknown>;
  /** Destroys the subject's key for good. Idempotent. */
  erase(subject: string): Promise<void>;
  isErased(subject: string): Promise<boolean>;
}

export const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && '$sealed' in value && typeof (value as SealedValue).$sealed?.subject === 'string';

export const isErased = (value: unknown): value is ErasedValue => typeof value === 'object' && value !== null && '$erased' in value;

/**
 * Replaces every sealed value inside `data` (at any depth) with what the vault opens it
 * to: the original, or an `ErasedValue`. Readers (projections, APIs) call this; the stored
 * event keeps its ciphertext.
 */
export async function openPersonalData<T>(data: T, vault: Pick<PersonalDataVault, 'open'>): Promise<T> {
  if (isSealed(data)) return (await vault.open(data)) as T;
  if (Array.isArray(data)) return (await Promise.all(data.map((item) => openPersonalData(item, vault)))) as T;
  if (typeof data === 'object' && data !== null) {
    const entries = await Promise.all(Object.entries(data).map(async ([key, value]) => [key, await openPersonalData(value, vault)] as const));
    return Object.fromEntries(entries) as T;
  }
  return data;
}

/**
 * Vault subjects are per tenant: `<kind>:<length of the tenant id>:<tenant id>:<id>`, e.g.
 * `person:4:acme:anna`. Ids are unique only within a tenant — person `anna` of acme and `anna`
 * of globex are two people — so a subject named by the bare id would give both one key, and
 * erasing one would erase (or opening one would open) the other's data. The length prefix
 * makes the form unambiguous whatever the tenant id and the id contain (both may hold `:`),
 * like `tenantStreamId`; the kind keeps a person apart from a round or a report of the same id.
 *
 * Every service builds its subjects with this helper. Data sealed before subjects were
 * scoped names its legacy subject in its own seal (`$sealed.subject`), so it still opens
 * with that key, and erasure (the CLI) finds a legacy subject in the tenant's own events and
 * erases it too — see {@link legacyPersonSubject}.
 */
export const tenantSubject = (kind: string, tenantId: string, id: string): string => {
  if (!/^[a-z][a-z0-9-]*$/.test(kind)) throw new Error(`A vault subject kind is a lower-case slug, not ${JSON.stringify(kind)}.`);
  if (tenantId === '' || id === '') throw new Error('A vault subject needs a tenant id and an id.');
  return `${kind}:${tenantId.length}:${tenantId}:${id}`;
};

/** The subject of everything sealed about one person of one tenant: task-maturity notes, confidential cases, their own words. */
export const personSubject = (tenantId: string, personId: string): string => tenantSubject('person', tenantId, personId);

/**
 * The subject person data was sealed under before subjects were tenant-scoped: the bare
 * person id. Such seals are only ever found in the tenant's own events, so an erasure of
 * `anna` in acme erases the legacy subject `anna` only when acme's events hold a seal under it
 * (a limit remains: a legacy key shared by two tenants is one key — docs/privacy.md).
 */
export const legacyPersonSubject = (personId: string): string => personId;

/** The parts of a subject made by {@link tenantSubject}; null for any other (a legacy subject). */
export const parseTenantSubject = (subject: string): { readonly kind: string; readonly tenantId: string; readonly id: string } | null => {
  const match = /^([a-z][a-z0-9-]*):(\d+):/.exec(subject);
  if (!match) return null;
  const length = Number(match[2]);
  const start = match[0].length;
  const tenantId = subject.slice(start, start + length);
  if (tenantId.length !== length || subject[start + length] !== ':') return null;
  const id = subject.slice(start + length + 1);
  return id === '' ? null : { kind: match[1]!, tenantId, id };
};
