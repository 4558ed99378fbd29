import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPersonalData } from '@leerzone/kernel';
import { describeWithServer } from '@leerzone/test-servers';
import { openPersonalDataVault, type ClosablePersonalDataVault } from './open-personal-data-vault';
import { PostgresPersonalDataVault } from './postgres-personal-data-vault';
import { SqlitePersonalDataVault } from './sqlite-personal-data-vault';

/**
 * The vault the services and the CLI share in a native stack or compose deployment: two
 * vaults on one database are two processes. What one seals the other opens; what one erases
 * is erased for the other at once (no key is cached); the first key of a subject is one key
 * even when both create it at the same moment.
 */
describeWithServer('postgres', 'PostgresPersonalDataVault (crypto-shredding across processes)', (postgres) => {
  const schema = `lz_vault_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  let admin: pg.Client;
  let a: ClosablePersonalDataVault;
  let b: ClosablePersonalDataVault;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: await postgres() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = `${await postgres()}${(await postgres()).includes('?') ? '&' : '?'}schema=${schema}`;
    a = openPersonalDataVault({ url, file: '/nonexistent/unused.db' });
    b = new PostgresPersonalDataVault({ connectionString: await postgres(), schema });
    expect(a).toBeInstanceOf(PostgresPersonalDataVault);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('opens in one process what another sealed, bound to its subject', async () => {
    const sealed = await a.seal('acme/ada', { name: 'Ada Lovelace' });
    expect(JSON.stringify(sealed)).not.toContain('Ada');
    await expect(b.open(sealed)).resolves.toEqual({ name: 'Ada Lovelace' });
    await b.seal('acme/bob', 'x');
    await expect(b.open({ $sealed: { ...sealed.$sealed, subject: 'acme/bob' } })).rejects.toThrow();
  });

  it('creates one key when two processes seal the first value of a subject at once', async () => {
    const [one, two] = await Promise.all([a.seal('acme/cleo', 'one'), b.seal('acme/cleo', 'two')]);
    expect(one.$sealed.keyId).toBe(two.$sealed.keyId);
    await expect(a.open(two)).resolves.toBe('two');
    await expect(b.open(one)).resolves.toBe('one');
  });

  it('erases in one process for every other at once, for good, with no key left in the table', async () => {
    const ada = await a.seal('acme/ada', 'Ada');
    const bob = await a.seal('acme/bob', 'Bob');
    await b.erase('acme/ada');
    await b.erase('acme/ada');
    await expect(a.open(ada)).resolves.toEqual({ $erased: { subject: 'acme/ada' } });
    expect(await openPersonalData({ who: ada, other: bob }, a)).toEqual({ who: { $erased: { subject: 'acme/ada' } }, other: 'Bob' });
    expect(await a.isErased('acme/ada')).toBe(true);
    await expect(a.seal('acme/ada', 'again')).rejects.toThrow(/erased/);
    await a.erase('acme/nobody-yet');
    await expect(b.seal('acme/nobody-yet', 'x')).rejects.toThrow(/erased/);
    const { rows } = await admin.query(`SELECT subject, key IS NULL AS gone, erased_at IS NOT NULL AS marked FROM ${schema}.personal_data_subject_keys WHERE subject IN ('acme/ada', 'acme/nobody-yet') ORDER BY subject`);
    expect(rows).toEqual([
      { subject: 'acme/ada', gone: true, marked: true },
      { subject: 'acme/nobody-yet', gone: true, marked: true },
    ]);
  });
});

describe('openPersonalDataVault', () => {
  it('opens the SQLite file when no URL is configured, and refuses a URL that is not PostgreSQL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leerzone-vault-open-'));
    try {
      const vault = openPersonalDataVault({ url: undefined, file: join(dir, 'keys.db') });
      expect(vault).toBeInstanceOf(SqlitePersonalDataVault);
      await expect(vault.open(await vault.seal('s', 'v'))).resolves.toBe('v');
      await vault.close();
      expect(() => openPersonalDataVault({ url: 'mysql://x', file: join(dir, 'keys.db') })).toThrow(/PERSONAL_DATA_VAULT_URL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
