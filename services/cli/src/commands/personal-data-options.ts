import { existsSync } from 'node:fs';
import { openPersonalDataVault, type ClosablePersonalDataVault } from '@leerzone/personal-data-vault';
import type { EventStore } from '@leerzone/kernel';
import { redactUrl } from '@leerzone/event-store';
import { UsageError, type CliIo } from '../command';
import { parseProjectionArgs } from './projections-options';
import { openExistingStore } from './store-options';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

export const PERSONAL_DATA_USAGE = '<personId> --tenant <tenantId> [--store <event-store-url>[,<url>…]] [--vault <postgres-url | sqlite-file>]';
export const PERSONAL_DATA_HELP = [
  '  <personId>   the person’s (pseudonymous) user id, as in tokens and events',
  '  --tenant     the tenant whose data is meant; other tenants are not read',
  '  --store      every event store holding the tenant’s events, comma-separated (default: EVENT_STORE_URL)',
  '  --vault      the personal-data vault: a postgres:// URL or the SQLite file (default: PERSONAL_DATA_VAULT_URL, else PERSONAL_DATA_VAULT_FILE)',
].join('\n');

export const ERASE_USAGE = `${PERSONAL_DATA_USAGE} --by <operatorId> --reason <why>`;
export const ERASE_HELP = [
  PERSONAL_DATA_HELP,
  '  --by         who erases: the operator’s user id, recorded in the PersonalDataErased event',
  '  --reason     why (e.g. the request’s ticket): recorded with it, never the erased data',
].join('\n');

export interface PersonalDataTarget {
  readonly personId: string;
  readonly tenantId: string;
  readonly stores: readonly { readonly url: string; readonly store: EventStore }[];
  readonly vault: ClosablePersonalDataVault;
  readonly vaultLabel: string;
  /** `--by` and `--reason`, for `erase person` only. */
  readonly flags: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/** Parses and opens what `erase person` and `subject-access` work on; nothing is opened when an argument is wrong. */
export async function openPersonalDataTarget(args: readonly string[], io: CliIo, extraFlags: readonly string[] = []): Promise<PersonalDataTarget> {
  const { positional, flags } = parseProjectionArgs(args, ['tenant', 'store', 'vault', ...extraFlags]);
  if (positional.length !== 1) throw new UsageError('Name exactly one person.');
  const personId = positional[0]!;
  if (!ID.test(personId)) throw new UsageError(`personId ${JSON.stringify(personId)} is not an id (letters, digits, . _ : @ -).`);
  const tenantId = flags.get('tenant');
  if (tenantId === undefined) throw new UsageError('--tenant is required: erasure and export are per tenant.');
  if (!ID.test(tenantId)) throw new UsageError(`--tenant ${JSON.stringify(tenantId)} is not a tenant id.`);
  for (const name of extraFlags) {
    const value = flags.get(name)?.trim();
    if (value === undefined || value === '') throw new UsageError(`--${name} is required: an erasure is recorded with who did it and why.`);
    if (value.length > 500) throw new UsageError(`--${name} is at most 500 characters.`);
  }
  const erasedBy = flags.get('by');
  if (erasedBy !== undefined && !ID.test(erasedBy)) throw new UsageError(`--by ${JSON.stringify(erasedBy)} is not a user id (letters, digits, . _ : @ -).`);
  const storeUrls = (flags.get('store') ?? io.env['EVENT_STORE_URL'] ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  if (storeUrls.length === 0) throw new UsageError('Name the event stores with --store (or set EVENT_STORE_URL).');
  const vaultArg = flags.get('vault') ?? io.env['PERSONAL_DATA_VAULT_URL'] ?? io.env['PERSONAL_DATA_VAULT_FILE'];
  if (vaultArg === undefined || vaultArg.trim() === '') throw new UsageError('Name the personal-data vault with --vault (or set PERSONAL_DATA_VAULT_URL or PERSONAL_DATA_VAULT_FILE).');
  const isUrl = /^postgres(ql)?:\/\//.test(vaultArg.trim());
  // A missing file would be a new, empty vault: erasing "into" it would erase nothing that exists.
  if (!isUrl && !existsSync(vaultArg)) throw new UsageError(`There is no personal-data vault at ${vaultArg}.`);

  const stores: { url: string; store: EventStore }[] = [];
  const vault = isUrl ? openPersonalDataVault({ url: vaultArg, file: '' }) : openPersonalDataVault({ url: undefined, file: vaultArg });
  const close = async () => {
    for (const { store } of stores) await store.close().catch(() => undefined);
    await vault.close();
  };
  try {
    for (const url of storeUrls) stores.push({ url: redactUrl(url), store: await openExistingStore(url) });
  } catch (error) {
    await close();
    throw error;
  }
  return { personId, tenantId, stores, vault, vaultLabel: isUrl ? redactUrl(vaultArg) : vaultArg, flags, close };
}
