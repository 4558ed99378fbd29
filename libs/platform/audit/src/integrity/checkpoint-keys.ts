import { LeerzoneError } from '@leerzone/kernel';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHECKPOINT_ALGORITHM = 'Ed25519';

/** The first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo, DER): names the key in each checkpoint. */
export const keyIdOf = (publicKey: KeyObject): string => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

export class CheckpointKeyError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('AUDIT.INVALID_KEY', message, field);
  }
}

/** Signs checkpoints with an Ed25519 private key kept in a PEM file (PKCS#8, mode 0600). */
export class CheckpointSigner {
  readonly keyId: string;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {
    this.keyId = keyIdOf(publicKey);
  }

  /** Loads the key, or generates one on first use (as the development token issuer does). */
  static loadOrCreate(keyFile: string): CheckpointSigner {
    if (existsSync(keyFile)) return CheckpointSigner.fromPem(readFileSync(keyFile, 'utf8'), keyFile);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    return new CheckpointSigner(privateKey, publicKey);
  }

  static fromPem(pem: string, source = 'key'): CheckpointSigner {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(pem);
    } catch (error) {
      throw new CheckpointKeyError('keyFile', `${source} is not a PEM private key: ${(error as Error).message}`);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new CheckpointKeyError('keyFile', `${source} holds a ${privateKey.asymmetricKeyType} key; checkpoints are signed with Ed25519.`);
    return new CheckpointSigner(privateKey, createPublicKey(privateKey));
  }

  /** The public key auditors verify with (SubjectPublicKeyInfo PEM). */
  get publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(payload: string): string {
    return sign(null, Buffer.from(payload, 'utf8'), this.privateKey).toString('base64');
  }

  verify(payload: string, signature: string): boolean {
    try {
      return verify(null, Buffer.from(payload, 'utf8'), this.publicKey, Buffer.from(String(signature), 'base64'));
    } catch {
      return false;
    }
  }
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key';

/** The public keys a verifier trusts, by key id. A checkpoint signed by any other key is not trusted. */
export class CheckpointKeyRing {
  private readonly keys = new Map<string, KeyObject>();

  static of(publicKeyPems: readonly string[]): CheckpointKeyRing {
    const ring = new CheckpointKeyRing();
    publicKeyPems.forEach((pem, index) => ring.add(pem, `publicKeys[${index}]`));
    return ring;
  }

  add(pem: string, field = 'publicKey'): string {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (error) {
      throw new CheckpointKeyError(field, `Not a PEM public (or private) key: ${(error as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointKeyError(field, `Checkpoint keys are Ed25519, not ${key.asymmetricKeyType}.`);
    const id = keyIdOf(key);
    this.keys.set(id, key);
    return id;
  }

  get size(): number {
    return this.keys.size;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  check(keyId: string, payload: string, signature: string): SignatureCheck {
    const key = this.keys.get(keyId);
    if (!key) return 'unknown-key';
    try {
      return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64')) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }
}
