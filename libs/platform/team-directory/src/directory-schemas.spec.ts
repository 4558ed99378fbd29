import type { StoredEvent } from '@leerzone/kernel';
import { DirectorySchemas } from './directory-schemas';

const event = (type: string, schemaVersion: number) => ({ eventId: 'e1', type, schemaVersion, data: { teamId: 't1' } }) as unknown as StoredEvent;

describe('a team directory’s reading of governance’s schema versions', () => {
  const schemas = new DirectorySchemas();

  it('lets every governance event it does not read through untouched, whatever its version', () => {
    expect(schemas.currentVersion('DelegationLevelChanged')).toBeGreaterThan(2);
    const v2 = event('DelegationLevelChanged', 2);
    expect(schemas.upcast(v2)).toBe(v2);
  });

  it('takes the facts it reads at their version and refuses a newer one', () => {
    expect(schemas.currentVersion('TeamCreated')).toBe(1);
    expect(schemas.upcast(event('MemberAdded', 1))).toMatchObject({ type: 'MemberAdded', schemaVersion: 1 });
    expect(() => schemas.upcast(event('TeamCreated', 2))).toThrow(/schema version 2/);
  });
});
