import type { PersonalDataVault } from '@leerzone/kernel';
import { PostgresPersonalDataVault } from './postgres-personal-data-vault';
import { SqlitePersonalDataVault } from './sqlite-personal-data-vault';

export type ClosablePersonalDataVault = PersonalDataVault & { close(): void | Promise<void> };

/**
 * The vault a process is configured with: PostgreSQL when `url` is a postgres:// URL (shared
 * by every service and the CLI), else the SQLite file (one process, or processes on one host
 * sharing the file). SERVICE_CONFIGURATION: PERSONAL_DATA_VAULT_URL, PERSONAL_DATA_VAULT_FILE.
 */
export function openPersonalDataVault(options: { readonly url?: string | undefined; readonly file: string }): ClosablePersonalDataVault {
  const url = options.url?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('PERSONAL_DATA_VAULT_URL must be a postgres:// URL (or unset for the SQLite file PERSONAL_DATA_VAULT_FILE).');
    const schema = new URL(url).searchParams.get('schema') ?? undefined;
    const connectionString = url.replace(/([?&])schema=[^&]*&?/, '$1').replace(/[?&]$/, '');
    return new PostgresPersonalDataVault({ connectionString, ...(schema ? { schema } : {}) });
  }
  return new SqlitePersonalDataVault({ filename: options.file });
}
