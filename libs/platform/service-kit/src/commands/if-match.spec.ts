import { ProblemException } from '@leerzone/nest-platform';
import { etagOf, parseIfMatch } from './if-match';

describe('If-Match', () => {
  it('reads strong tags, lists of them and *', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
    expect(parseIfMatch('*')).toEqual({ any: true });
    expect(parseIfMatch('"7"')).toEqual({ any: false, versions: [7] });
    expect(parseIfMatch('"6", "7"')).toEqual({ any: false, versions: [6, 7] });
    expect(parseIfMatch(['"6"', '"8"'])).toEqual({ any: false, versions: [6, 8] });
    expect(parseIfMatch(etagOf(12))).toEqual({ any: false, versions: [12] });
  });

  it.each(['7', 'W/"7"', '"seven"', '"7', '"-1"', '"1", x'])('refuses %s with a 400 on If-Match', (header) => {
    let thrown: unknown;
    try {
      parseIfMatch(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problem).toMatchObject({ status: 400, code: 'REQUEST.INVALID_IF_MATCH', field: 'If-Match' });
  });
});
