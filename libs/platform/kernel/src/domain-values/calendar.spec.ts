import { addMonths, isIsoDate, MS_PER_DAY, parseInstant, periodKey, startOfIsoDate, wholeDaysBetween, wholeMonthsBetween } from './calendar';

const utc = (iso: string): Date => new Date(iso);

describe('isIsoDate', () => {
  it('accepts calendar dates that exist, leap days of leap years included', () => {
    for (const date of ['2026-01-15', '2026-12-31', '2028-02-29', '2000-02-29', '1999-01-01', '2026-04-30']) expect(isIsoDate(date)).toBe(true);
  });

  it('reads the years 0000-0099 as themselves, not as 1900-1999', () => {
    expect(isIsoDate('0050-01-01')).toBe(true);
    expect(isIsoDate('0004-02-29')).toBe(true);
    expect(isIsoDate('0001-02-29')).toBe(false);
    expect(parseInstant('0050-06-01T00:00Z')?.getUTCFullYear()).toBe(50);
  });

  it('refuses dates that do not exist, whichever part overflows', () => {
    // Day past the month's end (Date.UTC would roll them into the next month), month 13 (next
    // year, same day), month 0 and day 0.
    for (const date of ['2026-02-29', '2100-02-29', '2026-02-30', '2026-04-31', '2026-01-32', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect(isIsoDate(date)).toBe(false);
    }
  });

  it('refuses any other shape: no time, no padding left out, no surrounding text', () => {
    for (const value of ['2026-1-15', '2026-01-5', '26-01-15', '02026-01-15', '2026-01-15T00:00:00Z', ' 2026-01-15', '2026-01-15 ', 'x2026-01-15', '2026-01-15x', 'yyyy-mm-dd', '2026/01/15', '']) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('refuses what is not a string, even when it would read as a date', () => {
    for (const value of [undefined, null, 20260115, new Date('2026-01-15T00:00:00Z'), ['2026-01-15'], { toString: () => '2026-01-15' }]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });
});

describe('parseInstant', () => {
  it('parses instants with an explicit zone, with or without seconds and fractions', () => {
    expect(parseInstant('2026-01-15T10:30Z')).toEqual(utc('2026-01-15T10:30:00.000Z'));
    expect(parseInstant('2026-01-15T10:30:45Z')).toEqual(utc('2026-01-15T10:30:45.000Z'));
    expect(parseInstant('2026-01-15T10:30:45.123Z')).toEqual(utc('2026-01-15T10:30:45.123Z'));
    expect(parseInstant('2026-01-15T10:30:45.123456789Z')).toEqual(utc('2026-01-15T10:30:45.123Z'));
    expect(parseInstant('2026-01-15T10:30:45.5Z')).toEqual(utc('2026-01-15T10:30:45.500Z'));
  });

  it('honours a numeric offset', () => {
    expect(parseInstant('2026-01-15T10:30+01:00')).toEqual(utc('2026-01-15T09:30:00.000Z'));
    expect(parseInstant('2026-01-15T10:30:00-05:30')).toEqual(utc('2026-01-15T16:00:00.000Z'));
  });

  it('refuses an instant without a zone (it would be read in the server’s local time) and a bare date', () => {
    for (const value of ['2026-01-15T10:30', '2026-01-15T10:30:00', '2026-01-15T10:30:00.000', '2026-01-15']) expect(parseInstant(value)).toBeNull();
  });

  it('refuses other shapes and surrounding text', () => {
    for (const value of [
      '2026-01-15 10:30Z',
      '2026-1-15T10:30Z',
      '2026-01-5T10:30Z',
      '26-01-15T10:30Z',
      '2026-01-15T1:30Z',
      '2026-01-15T10:3Z',
      '2026-01-15T10:30:4Z',
      '2026-01-15T10:30:45.Z',
      '2026-01-15T10:30:45.1234567891Z',
      '2026-01-15T10:30+0100',
      '2026-01-15T10:30+1:00',
      '2026-01-15T10:30+01:0',
      '2026-01-15T10:30 +01:00',
      '+002026-01-15T10:30:00Z',
      'on 2026-01-15T10:30Z',
      '2026-01-15T10:30Z (UTC)',
      'Thu, 15 Jan 2026 10:30:00 GMT',
      '',
    ]) {
      expect(parseInstant(value)).toBeNull();
    }
  });

  it('refuses a day that does not exist instead of moving it into the next month', () => {
    for (const value of ['2026-04-31T10:00Z', '2026-02-29T10:00:00Z', '2026-02-30T10:00+01:00']) expect(parseInstant(value)).toBeNull();
    expect(parseInstant('2028-02-29T10:00Z')).toEqual(utc('2028-02-29T10:00:00.000Z'));
  });

  it('takes a valid Date as it is, and refuses an invalid one and anything else', () => {
    const date = utc('2026-01-15T10:30:00.000Z');
    expect(parseInstant(date)).toBe(date);
    expect(parseInstant(new Date('not a date'))).toBeNull();
    for (const value of [undefined, null, 0, 1768473000000, ['2026-01-15T10:30Z'], { toString: () => '2026-01-15T10:30Z' }]) expect(parseInstant(value)).toBeNull();
  });
});

describe('addMonths', () => {
  it('keeps the day of the month and the time of day', () => {
    expect(addMonths(utc('2026-01-15T09:45:10.250Z'), 1)).toEqual(utc('2026-02-15T09:45:10.250Z'));
    expect(addMonths(utc('2026-01-15T09:00:00Z'), 0)).toEqual(utc('2026-01-15T09:00:00Z'));
  });

  it("clamps to the end of a shorter month, leap years included", () => {
    expect(addMonths(utc('2026-01-31T12:00:00Z'), 1)).toEqual(utc('2026-02-28T12:00:00Z'));
    expect(addMonths(utc('2028-01-31T12:00:00Z'), 1)).toEqual(utc('2028-02-29T12:00:00Z'));
    expect(addMonths(utc('2026-03-31T00:00:00Z'), 1)).toEqual(utc('2026-04-30T00:00:00Z'));
    expect(addMonths(utc('2026-01-30T00:00:00Z'), 2)).toEqual(utc('2026-03-30T00:00:00Z'));
  });

  it('crosses year ends both ways and goes back with a negative count', () => {
    expect(addMonths(utc('2026-11-30T00:00:00Z'), 3)).toEqual(utc('2027-02-28T00:00:00Z'));
    expect(addMonths(utc('2026-10-15T00:00:00Z'), 27)).toEqual(utc('2029-01-15T00:00:00Z'));
    expect(addMonths(utc('2026-03-31T00:00:00Z'), -1)).toEqual(utc('2026-02-28T00:00:00Z'));
    expect(addMonths(utc('2026-01-15T00:00:00Z'), -1)).toEqual(utc('2025-12-15T00:00:00Z'));
  });

  it('does not change the date it was given', () => {
    const date = utc('2026-01-31T00:00:00Z');
    addMonths(date, 1);
    expect(date).toEqual(utc('2026-01-31T00:00:00Z'));
  });
});

describe('wholeMonthsBetween', () => {
  it('counts a month only once its day and time are reached', () => {
    expect(wholeMonthsBetween(utc('2026-01-15T09:00:00Z'), utc('2026-02-15T09:00:00Z'))).toBe(1);
    expect(wholeMonthsBetween(utc('2026-01-15T09:00:00Z'), utc('2026-02-15T08:59:59Z'))).toBe(0);
    expect(wholeMonthsBetween(utc('2026-01-15T09:00:00Z'), utc('2026-04-14T23:59:59Z'))).toBe(2);
    expect(wholeMonthsBetween(utc('2026-01-15T09:00:00Z'), utc('2026-04-16T00:00:00Z'))).toBe(3);
  });

  it('counts across years', () => {
    expect(wholeMonthsBetween(utc('2025-11-01T00:00:00Z'), utc('2027-02-01T00:00:00Z'))).toBe(15);
    expect(wholeMonthsBetween(utc('2025-03-10T00:00:00Z'), utc('2026-01-10T00:00:00Z'))).toBe(10);
    expect(wholeMonthsBetween(utc('2024-06-01T00:00:00Z'), utc('2026-06-01T00:00:00Z'))).toBe(24);
  });

  it('measures from a month end by the clamped date (31 January + 1 month is 28 February)', () => {
    expect(wholeMonthsBetween(utc('2026-01-31T00:00:00Z'), utc('2026-02-27T00:00:00Z'))).toBe(0);
    expect(wholeMonthsBetween(utc('2026-01-31T00:00:00Z'), utc('2026-02-28T00:00:00Z'))).toBe(1);
  });

  it('is 0 for the same instant and for an end before the start', () => {
    expect(wholeMonthsBetween(utc('2026-01-15T00:00:00Z'), utc('2026-01-15T00:00:00Z'))).toBe(0);
    expect(wholeMonthsBetween(utc('2026-05-15T00:00:00Z'), utc('2026-03-01T00:00:00Z'))).toBe(0);
    expect(wholeMonthsBetween(utc('2027-01-15T00:00:00Z'), utc('2026-01-15T00:00:00Z'))).toBe(0);
  });
});

describe('wholeDaysBetween', () => {
  it('counts whole days of 24 hours, rounding down', () => {
    expect(MS_PER_DAY).toBe(86_400_000);
    expect(wholeDaysBetween(utc('2026-01-01T00:00:00Z'), utc('2026-01-03T12:00:00Z'))).toBe(2);
    expect(wholeDaysBetween(utc('2026-01-01T12:00:00Z'), utc('2026-01-02T11:59:59Z'))).toBe(0);
    expect(wholeDaysBetween(utc('2026-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z'))).toBe(365);
  });

  it('is 0 when the end is before the start', () => {
    expect(wholeDaysBetween(utc('2026-01-10T00:00:00Z'), utc('2026-01-01T00:00:00Z'))).toBe(0);
  });
});

describe('startOfIsoDate', () => {
  it('is midnight UTC at the start of the date', () => {
    expect(startOfIsoDate('2026-03-29')).toEqual(utc('2026-03-29T00:00:00.000Z'));
  });
});

describe('periodKey', () => {
  it('names the year, the quarter and the zero-padded month the instant falls in, in UTC', () => {
    expect(periodKey('year', utc('2026-12-31T23:59:59Z'))).toBe('2026');
    expect(periodKey('month', utc('2026-03-05T00:00:00Z'))).toBe('2026-03');
    expect(periodKey('month', utc('2026-11-30T00:00:00Z'))).toBe('2026-11');
    // 23:30 at UTC−2 on 31 March is already 1 April in UTC.
    expect(periodKey('month', new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04');
    expect(periodKey('quarter', new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-Q2');
  });

  it('puts the quarter boundaries at January, April, July and October', () => {
    const quarters = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month) => periodKey('quarter', utc(`2026-${month}-15T00:00:00Z`)));
    expect(quarters).toEqual(['2026-Q1', '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q2', '2026-Q3', '2026-Q3', '2026-Q3', '2026-Q4', '2026-Q4', '2026-Q4']);
  });
});
