import { addDays, daysBetween, median, monthOf, periodEnd, periodOf, periodsBetween, quarterOf, round } from './periods';

describe('calendar periods in UTC', () => {
  it('names the month and the quarter of an instant or a day', () => {
    expect(monthOf('2026-03-31T23:59:59.999Z')).toBe('2026-03');
    expect(periodOf('month', '2026-03-31T23:59:59.999Z')).toBe('2026-03');
    expect(periodOf('month', '2026-12-01')).toBe('2026-12');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(periodOf('quarter', '2026-03-31T23:59:59.999Z')).toBe('2026-Q1');
    expect(periodOf('quarter', '2026-04-01T00:00:00.000Z')).toBe('2026-Q2');
    expect(periodOf('quarter', '2026-12-31')).toBe('2026-Q4');
  });

  it('ends a period at the first instant after it, across the year’s end', () => {
    expect(periodEnd('2026-03')).toBe('2026-04-01T00:00:00.000Z');
    expect(periodEnd('2026-12')).toBe('2027-01-01T00:00:00.000Z');
    expect(periodEnd('2026-Q1')).toBe('2026-04-01T00:00:00.000Z');
    expect(periodEnd('2026-Q4')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('lists every period from the one holding `from` to the one holding `to`', () => {
    expect(periodsBetween('month', '2026-11-15T10:00:00.000Z', '2027-02-01T00:00:00.000Z')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('quarter', '2026-03-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodsBetween('month', '2026-03-10T00:00:00.000Z', '2026-03-20T00:00:00.000Z')).toEqual(['2026-03']);
    expect(periodsBetween('month', '2026-04-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toEqual([]);
  });

  it('stops at 1,200 periods (a hundred years of months), however far apart from and to are', () => {
    const periods = periodsBetween('month', '1900-01-01T00:00:00.000Z', '2200-01-01T00:00:00.000Z');
    expect(periods).toHaveLength(1200);
    expect(periods.at(-1)).toBe('1999-12');
  });

  it('counts whole and fractional days, and adds them', () => {
    expect(daysBetween('2026-03-01T00:00:00.000Z', '2026-03-02T12:00:00.000Z')).toBe(1.5);
    expect(daysBetween('2026-03-02T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toBe(-1);
    expect(addDays('2026-02-27T06:00:00.000Z', 2.5)).toBe('2026-03-01T18:00:00.000Z');
  });
});

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([30, 600, 10])).toBe(30);
    expect(median([7])).toBe(7);
  });

  it('is the mean of the two middle values of an even count, whatever the order', () => {
    expect(median([600, 20, 10, 30])).toBe(25);
    expect(median([4, 2])).toBe(3);
  });

  it('does not reorder the values it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('round', () => {
  it('keeps three places unless told otherwise', () => {
    expect(round(2 / 3)).toBe(0.667);
    expect(round(2 / 3, 1)).toBe(0.7);
    expect(round(5)).toBe(5);
  });
});
