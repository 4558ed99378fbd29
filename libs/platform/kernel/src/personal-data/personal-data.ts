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
