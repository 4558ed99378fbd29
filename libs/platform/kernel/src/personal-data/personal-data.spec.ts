import { isErased, isSealed, legacyPersonSubject, openPersonalData, parseTenantSubject, personSubject, tenantSubject, type SealedValue } from './personal-data';

const sealed = (subject: string, data: string): SealedValue => ({ $sealed: { subject, keyId: 'k', alg: 'A256GCM', iv: '', data, tag: '' } });

describe('openPersonalData', () => {
  // A vault double that "opens" by echoing the payload, or reports the subject erased.
  const vault = { open: async (s: SealedValue) => (s.$sealed.subject === 'gone' ? { $erased: { subject: 'gone' } } : `opened:${s.$sealed.data}`) };

  it('opens sealed values at any depth and leaves everything else as it is', async () => {
    const data = { teamId: 't', members: [{ id: 'a', name: sealed('a', 'Ada') }, { id: 'g', name: sealed('gone', 'x') }], count: 2, note: null };
    const opened = await openPersonalData(data, vault);
    expect(opened).toEqual({ teamId: 't', members: [{ id: 'a', name: 'opened:Ada' }, { id: 'g', name: { $erased: { subject: 'gone' } } }], count: 2, note: null });
    expect(isErased(opened.members[1]!.name)).toBe(true);
    expect(isSealed(data.members[0]!.name)).toBe(true);
    expect(isSealed({ $sealed: 'nope' })).toBe(false);
  });
});

describe('tenant-scoped vault subjects', () => {
  it('gives the same person id in two tenants two subjects, and a person apart from a round of the same id', () => {
    expect(personSubject('acme', 'anna')).toBe('person:4:acme:anna');
    expect(personSubject('acme', 'anna')).not.toBe(personSubject('globex', 'anna'));
    expect(tenantSubject('assessment-round', 'acme', 'anna')).not.toBe(personSubject('acme', 'anna'));
    expect(legacyPersonSubject('anna')).toBe('anna');
  });

  it('is unambiguous whatever the tenant id and the id contain', () => {
    const pairs: [string, string][] = [
      ['a', 'b:c'],
      ['a:b', 'c'],
      ['a:4:b', 'c'],
      ['1:a', 'b'],
      ['acme', '4:acme:anna'],
    ];
    const subjects = pairs.map(([tenant, id]) => personSubject(tenant, id));
    expect(new Set(subjects).size).toBe(pairs.length);
    pairs.forEach(([tenantId, id], i) => expect(parseTenantSubject(subjects[i]!)).toEqual({ kind: 'person', tenantId, id }));
  });

  it('parses only its own form: a legacy subject is not tenant-scoped', () => {
    expect(parseTenantSubject('anna')).toBeNull();
    expect(parseTenantSubject('assessment-round-r-1')).toBeNull();
    expect(parseTenantSubject('governance-coaching-notes:acme/t-1/s-1')).toBeNull();
    expect(parseTenantSubject('person:9:acme:anna')).toBeNull();
    expect(parseTenantSubject('person:4:acme:')).toBeNull();
  });

  it('refuses a kind that is not a slug and empty parts', () => {
    expect(() => tenantSubject('Person', 'acme', 'anna')).toThrow(/slug/);
    expect(() => tenantSubject('person', '', 'anna')).toThrow(/tenant/);
    expect(() => personSubject('acme', '')).toThrow(/tenant id and an id/);
  });
});
