import { FactError, Fields, checkVersion } from './fact-reader';

const TYPE = 'SomethingHappened';
const of = (data: unknown) => new Fields(TYPE, data);

/** What a reader refused with, or undefined when it read; anything but a FactError fails the test. */
function refusal(read: () => unknown): { code: string; field: string; message: string } | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof FactError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  return undefined;
}

/** A refusal of a field of `data`: the invalid-event code, the field's path, and a message naming the type, the field and what it should be. */
function expectInvalid(read: () => unknown, field: string, why: RegExp): void {
  const refused = refusal(read);
  expect(refused).toMatchObject({ code: 'ANALYTICS.INVALID_EVENT', field });
  expect(refused!.message).toContain(TYPE);
  expect(refused!.message).toContain(field.split('.').at(-1)!);
  expect(refused!.message).toMatch(why);
}

describe('checking an event’s schema version', () => {
  it('passes a version it understands', () => {
    expect(refusal(() => checkVersion({ type: TYPE, schemaVersion: 2, data: {} }, [1, 2]))).toBeUndefined();
  });

  it('refuses another, naming the type, its version and the versions understood', () => {
    const refused = refusal(() => checkVersion({ type: TYPE, schemaVersion: 3, data: {} }, [1, 2]));
    expect(refused).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
    expect(refused!.message).toContain(TYPE);
    expect(refused!.message).toMatch(/version 3\b/);
    expect(refused!.message).toMatch(/1 or 2/);
  });

  it('a refusal is an Error named FactError, with its code, field and message', () => {
    const error = new FactError('ANALYTICS.INVALID_EVENT', 'data.teamId', 'X needs teamId.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FactError');
    expect([error.code, error.field, error.message]).toEqual(['ANALYTICS.INVALID_EVENT', 'data.teamId', 'X needs teamId.']);
  });
});

describe('reading the fields of an event’s data', () => {
  it('text: a non-empty string', () => {
    expect(of({ name: 'Noord' }).text('name')).toBe('Noord');
    for (const name of ['', 7, null, undefined, ['Noord']]) expectInvalid(() => of({ name }).text('name'), 'data.name', /non-empty string/);
    expectInvalid(() => of({}).text('name'), 'data.name', /non-empty string/);
  });

  it('data that is not an object has no fields', () => {
    for (const data of [null, 'teamId', ['t1'], 7]) expectInvalid(() => of(data).text('teamId'), 'data.teamId', /non-empty string/);
  });

  it('optional text: null when null or missing, else a non-empty string', () => {
    expect(of({ unitId: null }).optionalText('unitId')).toBeNull();
    expect(of({}).optionalText('unitId')).toBeNull();
    expect(of({ unitId: 'u1' }).optionalText('unitId')).toBe('u1');
    expectInvalid(() => of({ unitId: '' }).optionalText('unitId'), 'data.unitId', /non-empty string/);
    expectInvalid(() => of({ unitId: 7 }).optionalText('unitId'), 'data.unitId', /non-empty string/);
  });

  it('key: text without dots or a leading "$", since it becomes a field name', () => {
    expect(of({ area: 'tooling-2026' }).key('area')).toBe('tooling-2026');
    expect(of({ area: 'budget$' }).key('area')).toBe('budget$');
    expectInvalid(() => of({ area: 'tools.paid' }).key('area'), 'data.area', /dots/);
    expectInvalid(() => of({ area: '$where' }).key('area'), 'data.area', /leading "\$"/);
    expectInvalid(() => of({ area: '' }).key('area'), 'data.area', /non-empty string/);
  });

  it('instant: a canonical ISO-8601 UTC instant, as every service writes it', () => {
    expect(of({ at: '2026-03-02T09:00:00.000Z' }).instant('at')).toBe('2026-03-02T09:00:00.000Z');
    for (const at of ['not a date', '2026-03-02', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00.000+01:00', '2026-02-30T09:00:00.000Z']) {
      expectInvalid(() => of({ at }).instant('at'), 'data.at', /ISO-8601/);
    }
    expectInvalid(() => of({ at: 1_772_442_000_000 }).instant('at'), 'data.at', /non-empty string/);
  });

  it('day: a date YYYY-MM-DD and nothing around it', () => {
    expect(of({ dueOn: '2026-03-02' }).day('dueOn')).toBe('2026-03-02');
    for (const dueOn of ['2026-3-02', '2026-03-2', '26-03-02', 'x2026-03-02', '2026-03-02x', '2026-03-02T00:00:00.000Z', 'abcd-ef-gh']) {
      expectInvalid(() => of({ dueOn }).day('dueOn'), 'data.dueOn', /YYYY-MM-DD/);
    }
  });

  it('number: a finite number', () => {
    expect([4.5, 0, -3].map((mean) => of({ mean }).number('mean'))).toEqual([4.5, 0, -3]);
    for (const mean of ['5', NaN, Infinity, -Infinity, null, true]) expectInvalid(() => of({ mean }).number('mean'), 'data.mean', /as a number/);
    expectInvalid(() => of({}).number('mean'), 'data.mean', /as a number/);
  });

  it('number in a range: both ends included', () => {
    expect([0, 0.5, 1].map((score) => of({ score }).numberIn('score', 0, 1))).toEqual([0, 0.5, 1]);
    expectInvalid(() => of({ score: -0.01 }).numberIn('score', 0, 1), 'data.score', /between 0 and 1 \(not -0\.01\)/);
    expectInvalid(() => of({ score: 1.01 }).numberIn('score', 0, 1), 'data.score', /between 0 and 1 \(not 1\.01\)/);
    expectInvalid(() => of({ score: '1' }).numberIn('score', 0, 1), 'data.score', /as a number/);
  });

  it('integer: a whole number, at least 0 unless told', () => {
    expect([0, 12].map((n) => of({ n }).integer('n'))).toEqual([0, 12]);
    expect(of({ n: 3 }).integer('n', 3)).toBe(3);
    expectInvalid(() => of({ n: -1 }).integer('n'), 'data.n', /whole number of at least 0 \(not -1\)/);
    expectInvalid(() => of({ n: 1.5 }).integer('n'), 'data.n', /whole number of at least 0 \(not 1\.5\)/);
    expectInvalid(() => of({ n: 2 }).integer('n', 3), 'data.n', /whole number of at least 3 \(not 2\)/);
    expectInvalid(() => of({ n: '3' }).integer('n'), 'data.n', /as a number/);
  });

  it('boolean: true or false, nothing that reads like one', () => {
    expect([true, false].map((done) => of({ done }).boolean('done'))).toEqual([true, false]);
    for (const done of ['true', 1, 0, null]) expectInvalid(() => of({ done }).boolean('done'), 'data.done', /true or false/);
  });

  it('one of: a value of the list, the refusal naming the list and the value', () => {
    const phases = ['preparing', 'pilot', 'forming'] as const;
    expect(of({ phase: 'pilot' }).oneOf('phase', phases)).toBe('pilot');
    expectInvalid(() => of({ phase: 'done' }).oneOf('phase', phases), 'data.phase', /one of preparing, pilot, forming \(not "done"\)/);
    expectInvalid(() => of({ phase: '' }).oneOf('phase', phases), 'data.phase', /non-empty string/);
  });

  it('has: present unless null or missing, whatever the value', () => {
    expect([of({ from: 'anxiety' }), of({ from: 0 }), of({ from: false }), of({ from: '' })].map((f) => f.has('from'))).toEqual([true, true, true, true]);
    expect([of({ from: null }), of({})].map((f) => f.has('from'))).toEqual([false, false]);
  });

  it('object: a nested object, whose own refusals name their whole path', () => {
    const boundary = of({ boundary: { kind: 'financial', limit: { currency: 'EUR' } } }).object('boundary');
    expect(boundary.text('kind')).toBe('financial');
    expectInvalid(() => boundary.object('limit').number('amount'), 'data.boundary.limit.amount', /as a number/);
    expectInvalid(() => boundary.text('boundaryId'), 'data.boundary.boundaryId', /non-empty string/);
    for (const value of ['financial', ['financial'], null, 7]) expectInvalid(() => of({ boundary: value }).object('boundary'), 'data.boundary', /as an object/);
    expectInvalid(() => of({}).object('boundary'), 'data.boundary', /as an object/);
  });

  it('optional object: null when null or missing, else an object', () => {
    expect(of({ previous: null }).optionalObject('previous')).toBeNull();
    expect(of({}).optionalObject('previous')).toBeNull();
    expect(of({ previous: { kind: 'legal' } }).optionalObject('previous')!.text('kind')).toBe('legal');
    expectInvalid(() => of({ previous: 'legal' }).optionalObject('previous'), 'data.previous', /as an object/);
  });

  it('array: a list, of anything', () => {
    expect(of({ ids: [] }).array('ids')).toEqual([]);
    expect(of({ ids: ['a', 2] }).array('ids')).toEqual(['a', 2]);
    for (const ids of ['a,b', { 0: 'a' }, null]) expectInvalid(() => of({ ids }).array('ids'), 'data.ids', /as a list/);
  });
});
