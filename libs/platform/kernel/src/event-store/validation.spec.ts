import { InvalidArgumentError } from './errors';
import { assertStreamId } from './validation';

describe('assertStreamId', () => {
  it('accepts every id an API field can put in a stream id, e-mail-like user ids included', () => {
    for (const id of ['team-0193e1c2-aaaa', 'assessment-maturity-4:acme:t-1-ada@acme.nl', 'settings.v1:acme_eu', 'a'.repeat(200)]) expect(() => assertStreamId(id)).not.toThrow();
  });

  it('refuses anything else on the streamId field', () => {
    for (const id of ['', '-team', 'team one', 'team/1', 'team$1', '$all', 'a'.repeat(201), 42, undefined]) {
      expect(() => assertStreamId(id)).toThrow(InvalidArgumentError);
    }
    expect(() => assertStreamId('team one')).toThrow(expect.objectContaining({ field: 'streamId' }));
  });
});
