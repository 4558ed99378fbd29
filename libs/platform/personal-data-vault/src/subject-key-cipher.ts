import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedValue } from '@leerzone/kernel';

/**
 * The cipher every vault uses, whatever keeps its keys: AES-256-GCM with a fresh 96-bit IV,
 * the subject and key id bound as additional data, so a sealed value cannot be moved to
 * another person or key.
 */
export function sealWithKey(subject: string, keyId: string, key: Buffer, value: unknown): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${subject}\u0000${keyId}`));
  const data = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final()]);
  return { $sealed: { subject, keyId, alg: 'A256GCM', iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') } };
}

/** Opens a value sealed with `key`; throws when it was altered, moved, or names another key. */
export function openWithKey(sealed: SealedValue, key: { readonly keyId: string; readonly key: Buffer }): unknown {
  const { subject, keyId, iv, data, tag } = sealed.$sealed;
  if (key.keyId !== keyId) throw new Error(`Sealed value names key ${keyId}, which is not ${subject}'s key: it was altered or moved.`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(`${subject}\u0000${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8'));
}

export const requireSubject = (subject: unknown): void => {
  if (typeof subject !== 'string' || subject.length === 0) throw new Error('Personal data needs the subject it is about.');
};

export const erasedError = (subject: string): Error => new Error(`Subject ${subject} has been erased: no new personal data can be sealed for them.`);
