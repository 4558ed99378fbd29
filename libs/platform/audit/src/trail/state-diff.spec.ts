import { diffJson, toPlainJson } from './state-diff';

describe('state as JSON and its diff', () => {
  it('turns Maps, Sets and Dates into plain JSON, keys sorted, undefined dropped', () => {
    const state = { members: new Map([['zoe', { role: 'lead' }], ['ada', { role: 'member', left: undefined }]]), tags: new Set(['a', 'b']), at: new Date('2026-01-01T00:00:00Z'), gone: undefined };
    expect(JSON.stringify(toPlainJson(state))).toBe('{"members":{"ada":{"role":"member"},"zoe":{"role":"lead"}},"tags":["a","b"],"at":"2026-01-01T00:00:00.000Z"}');
  });

  it('lists leaf changes with JSON-pointer paths', () => {
    expect(diffJson({ name: 'Noord', members: { ada: 'member' }, tags: ['a'] }, { name: 'Noord-Oost', members: { bob: 'lead' }, tags: ['a', 'b'] })).toEqual([
      { path: '/members/ada', kind: 'removed', before: 'member' },
      { path: '/members/bob', kind: 'added', after: 'lead' },
      { path: '/name', kind: 'changed', before: 'Noord', after: 'Noord-Oost' },
      { path: '/tags/1', kind: 'added', after: 'b' },
    ]);
    expect(diffJson({ a: { 'x/y': 1 } }, { a: { 'x/y': 2 } })).toEqual([{ path: '/a/x~1y', kind: 'changed', before: 1, after: 2 }]);
    expect(diffJson({ same: [1, { b: 2 }] }, { same: [1, { b: 2 }] })).toEqual([]);
    expect(diffJson(null, { created: true })).toEqual([{ path: '', kind: 'changed', before: null, after: { created: true } }]);
  });
});
