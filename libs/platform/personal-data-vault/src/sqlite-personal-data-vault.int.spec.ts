import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { isSealed, openPersonalData, type NewEvent } from '@leerzone/kernel';
import { SqlitePersonalDataVault } from './sqlite-personal-data-vault';

describe('SqlitePersonalDataVault (crypto-shredding)', () => {
  let dir: string;
  let vault: SqlitePersonalDataVault;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-vault-'));
    vault = new SqlitePersonalDataVault({ filename: join(dir, 'keys.db') });
  });
  afterEach(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals a value so that only its subject’s key opens it', async () => {
    const sealed = await vault.seal('user-ada', { name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    await expect(vault.open(sealed)).resolves.toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
    // Bound to its subject: relabelled for another person, it does not open.
    await vault.seal('user-bob', 'x');
    await expect(vault.open({ $sealed: { ...sealed.$sealed, subject: 'user-bob' } })).rejects.toThrow();
  });

  it('makes every sealed value of an erased person unreadable, for good, while others stay readable', async () => {
    const ada = await vault.seal('user-ada', 'Ada');
    const bob = await vault.seal('user-bob', 'Bob');
    await vault.erase('user-ada');
    await vault.erase('user-ada');
    await expect(vault.open(ada)).resolves.toEqual({ $erased: { subject: 'user-ada' } });
    await expect(vault.open(bob)).resolves.toBe('Bob');
    expect(await vault.isErased('user-ada')).toBe(true);
    await expect(vault.seal('user-ada', 'again')).rejects.toThrow(/erased/);
    // Erasing someone never seen blocks sealing data about them later too.
    await vault.erase('user-carol');
    await expect(vault.seal('user-carol', 'x')).rejects.toThrow(/erased/);
    // The key bytes are gone from the file, not only unlinked (secure_delete).
    vault.close();
    vault = new SqlitePersonalDataVault({ filename: join(dir, 'keys.db') });
    await expect(vault.open(ada)).resolves.toEqual({ $erased: { subject: 'user-ada' } });
  });

  it('erases personal data from events while the immutable store and its hash chains stay intact', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    try {
      const event: NewEvent = {
        eventId: 'e-1',
        type: 'MemberAdded',
        schemaVersion: 1,
        tenantId: 'acme',
        occurredAt: '2026-03-01T10:00:00.000Z',
        actor: { id: 'user-coach', kind: 'user' },
        correlationId: 'c',
        causationId: 'c',
        data: { teamId: 't-1', memberId: 'user-ada', profile: await vault.seal('user-ada', { name: 'Ada Lovelace' }) },
        metadata: {},
      };
      await store.append('team-t-1', [event], { expectedVersion: 0 });
      const [before] = await store.readStream('team-t-1');
      expect(await openPersonalData(before!.data, vault)).toEqual({ teamId: 't-1', memberId: 'user-ada', profile: { name: 'Ada Lovelace' } });

      await vault.erase('user-ada');

      const [after] = await store.readStream('team-t-1');
      expect(after).toEqual(before); // nothing in the store changed
      expect(await openPersonalData(after!.data, vault)).toEqual({ teamId: 't-1', memberId: 'user-ada', profile: { $erased: { subject: 'user-ada' } } });
      expect(readFileSync(join(dir, 'events.db')).includes(Buffer.from('Ada Lovelace'))).toBe(false);
      const report = await verifyEventStore(store, { keys: new CheckpointKeyRing() });
      expect(report.status).toBe('intact');
    } finally {
      await store.close();
    }
  });
});
