import { CATALOGUES, pickLanguage, placeholders, translate } from './i18n';

describe('the message catalogues', () => {
  it('hold the same keys in English and Dutch, each with the same placeholders and no empty text', () => {
    const en = CATALOGUES.en;
    const nl = CATALOGUES.nl;
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(nl[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
      expect(en[key].trim()).not.toBe('');
      expect(nl[key].trim()).not.toBe('');
    }
  });

  it('really are two languages, not one copied', () => {
    const keys = Object.keys(CATALOGUES.en) as (keyof typeof CATALOGUES.en)[];
    const same = keys.filter((key) => CATALOGUES.en[key] === CATALOGUES.nl[key]);
    // Words that are the same in both (Team, Pilot, Coach, Audit, …) are allowed; most are not.
    expect(same.length / keys.length).toBeLessThan(0.1);
  });
});

describe('the language', () => {
  it('follows the browser until a choice is remembered', () => {
    expect(pickLanguage(null, ['nl-BE', 'en'])).toBe('nl');
    expect(pickLanguage(null, ['de-DE', 'en-US'])).toBe('en');
    expect(pickLanguage(null, ['fr'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage('en', ['nl-NL'])).toBe('en');
    expect(pickLanguage('nl', ['en-GB'])).toBe('nl');
    expect(pickLanguage('xx', ['nl'])).toBe('nl');
  });

  it('fills placeholders, and leaves a missing one visible', () => {
    expect(translate('en', 'team.memberCount', { n: 8 })).toBe('8 members');
    expect(translate('nl', 'team.memberCount', { n: 8 })).toBe('8 leden');
    expect(translate('en', 'nav.signedInAs', { user: 'anna' })).toBe('Signed in as anna ({tenant})');
  });
});
