import { csvCell } from './export-stream';

describe('csvCell', () => {
  it('leaves plain cells alone and writes nothing for a missing value', () => {
    expect([csvCell('Harbour Crew'), csvCell(42), csvCell(null), csvCell(undefined)]).toEqual(['Harbour Crew', '42', '', '']);
  });

  it('quotes cells holding a quote, comma or line break (RFC 4180)', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd'].map(csvCell)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@cmd"]);
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes objects as JSON', () => {
    expect(csvCell({ level: 3 })).toBe('"{""level"":3}"');
  });
});
