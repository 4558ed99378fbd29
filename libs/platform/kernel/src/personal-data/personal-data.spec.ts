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

describe('isSealed and isErased', () => {
  it('recognise only their own shapes', () => {
    expect(isSealed(sealed('person:4:acme:anna', 'x'))).toBe(true);
    for (const value of [{ $sealed: null }, { $sealed: {} }, { $sealed: { subject: 7 } }, {}, null, undefined, 'sealed', 1]) expect(isSealed(value)).toBe(false);
    expect(isErased({ $erased: { subject: 'person:4:acme:anna' } })).toBe(true);
    for (const value of [{}, { erased: true }, null, undefined, '$erased', 1, sealed('a', 'x')]) expect(isErased(value)).toBe(false);
  });
});

describe('tenant-scoped vault subjects, edges', () => {
  it('take tenant ids of ten characters and more', () => {
    for (const tenantId of ['acme-europe', 'a'.repeat(120)]) expect(parseTenantSubject(personSubject(tenantId, 'anna'))).toEqual({ kind: 'person', tenantId, id: 'anna' });
  });

  it('parse nothing whose tenant id is not followed by its separator, or whose form is not at the start', () => {
    expect(parseTenantSubject('person:4:acme-anna')).toBeNull();
    expect(parseTenantSubject('person:4:acmeXanna')).toBeNull();
    // `person:4:acm::x` one character in.
    expect(parseTenantSubject('Xperson:4:acm::x')).toBeNull();
  });

  it('refuse a kind with anything after its slug', () => {
    for (const kind of ['person:', 'person x', 'person/1', 'person\n']) expect(() => tenantSubject(kind, 'acme', 'anna')).toThrow(/slug/);
    expect(tenantSubject('assessment-round-2', 'acme', 'r')).toBe('assessment-round-2:4:acme:r');
  });
});

