import { FreeText, NameText } from './fields';

describe('human text fields', () => {
  const name = NameText(10);
  const free = FreeText(20);
  const refusal = (schema: typeof name, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? null : parsed.error.issues[0]!.message;
  };

  it('normalises to NFC and trims', () => {
    // "é" as e + combining acute (2 code units) becomes the single precomposed character.
    expect(name.parse('  Cafe\u0301 ')).toBe('Café');
    expect(name.parse('Café')).toHaveLength(4);
  });

  it('counts the limit after normalising and trimming', () => {
    expect(name.parse(` ${'a'.repeat(10)} `)).toBe('a'.repeat(10));
    expect(refusal(name, 'a'.repeat(11))).toBe('May be at most 10 characters (got 11).');
  });

  it.each([
    ['NUL', 'Team\u0000A'],
    ['a C0 control', 'Team\u0007'],
    ['a C1 control', 'Team\u0085A'],
    ['DEL', 'Team\u007F'],
  ])('refuses %s', (_, value) => {
    expect(refusal(name, value)).toBe('Must not contain control characters.');
  });

  it.each(['\u202EevilTeam', 'a\u2066b\u2069', 'x\u202Ay'])('refuses bidi overrides and isolates (%j)', (value) => {
    expect(refusal(name, value)).toBe('Must not contain bidirectional override characters.');
  });

  it('refuses lone surrogates', () => {
    expect(refusal(name, 'ab\uD800')).toBe('Contains a broken character (a lone UTF-16 surrogate).');
    expect(refusal(name, '\uDC00')).toBe('Contains a broken character (a lone UTF-16 surrogate).');
    // A real astral character (a surrogate pair) is fine.
    expect(name.parse('Team 🚀')).toBe('Team 🚀');
  });

  it.each(['', '   ', '\u200B\u200B', '\u2800', '\u3164', ' \u034F ', '\u2060\uFEFF'])('refuses text with nothing visible (%j)', (value) => {
    expect(refusal(name, value)).toBe('Must not be empty (or made only of invisible characters).');
  });

  it('keeps invisible characters that sit inside visible text (joiners in emoji and scripts)', () => {
    expect(name.parse('👩\u200D💻 dev')).toBe('👩\u200D💻 dev');
  });

  it('allows line breaks only in free text', () => {
    expect(refusal(name, 'one\ntwo')).toBe('Must not contain line breaks or tabs.');
    expect(free.parse('one\ntwo\ttabbed')).toBe('one\ntwo\ttabbed');
    expect(refusal(free, 'one\u0000two')).toBe('Must not contain control characters.');
  });

  it('refuses what is not a string', () => {
    expect(name.safeParse(42).success).toBe(false);
    expect(name.safeParse(null).success).toBe(false);
  });
});
