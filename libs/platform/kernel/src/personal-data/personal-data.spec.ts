import { isErased, isSealed, openPersonalData, type SealedValue } from './personal-data';

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
