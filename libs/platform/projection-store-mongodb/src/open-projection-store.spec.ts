import { InMemoryProjectionStore, InvalidArgumentError } from '@leerzone/projection-store';
import { openProjectionStore, projectionStoreUrlFromEnv, redactProjectionStoreUrl } from './open-projection-store';

describe('openProjectionStore', () => {
  it('opens the in-memory store for memory: and defaults to it', async () => {
    expect(await openProjectionStore('memory:')).toBeInstanceOf(InMemoryProjectionStore);
    expect(projectionStoreUrlFromEnv({})).toBe('memory:');
    expect(projectionStoreUrlFromEnv({ PROJECTION_STORE_URL: ' mongodb://h:1/db ' })).toBe('mongodb://h:1/db');
  });

  it('refuses other schemes with the variable as the field, without echoing a password', async () => {
    const error = await openProjectionStore('postgres://u:secret@h/db').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field: 'PROJECTION_STORE_URL' });
    expect((error as Error).message).not.toContain('secret');
    expect(redactProjectionStoreUrl('mongodb://u:pw@h:1/db')).toBe('mongodb://u:***@h:1/db');
  });
});
