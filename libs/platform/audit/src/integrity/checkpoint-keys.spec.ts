import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointKeyError, CheckpointKeyRing, CheckpointSigner } from './checkpoint-keys';

describe('checkpoint keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates an Ed25519 key on first use (owner-only), keeps it, and verifies only its own signatures', () => {
    const file = join(dir, 'nested', 'audit.pem');
    const signer = CheckpointSigner.loadOrCreate(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(CheckpointSigner.loadOrCreate(file).keyId).toBe(signer.keyId);
    expect(readFileSync(file, 'utf8')).toContain('PRIVATE KEY');

    const ring = CheckpointKeyRing.of([signer.publicKeyPem]);
    const signature = signer.sign('payload');
    expect(ring.check(signer.keyId, 'payload', signature)).toBe('valid');
    expect(ring.check(signer.keyId, 'payload!', signature)).toBe('invalid');
    expect(ring.check(signer.keyId, 'payload', 'not base64 at all')).toBe('invalid');
    expect(ring.check('0000000000000000', 'payload', signature)).toBe('unknown-key');
  });

  it('refuses keys that are not Ed25519, with the field named', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => CheckpointSigner.fromPem(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(CheckpointKeyError);
    expect(() => CheckpointKeyRing.of([rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()])).toThrow(/Ed25519/);
    expect(() => CheckpointKeyRing.of(['garbage'])).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_KEY', field: 'publicKeys[0]' }));
  });
});
