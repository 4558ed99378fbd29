import { DemoArgumentError, parseDemoArguments } from './demo-arguments';

describe('demo arguments', () => {
  it('defaults to standalone on port 3000, seed 1, 40 teams, tenant demo', () => {
    const args = parseDemoArguments([]);
    expect(Object.values(args.urls)).toEqual(Array(5).fill('http://127.0.0.1:3000'));
    expect(args).toMatchObject({ seed: 1, teams: 40, tenant: 'demo', parallelism: 8 });
  });

  it('takes one URL per service as processes, and the size and seed', () => {
    const args = parseDemoArguments(['--url', 'http://localhost:4000/', '--okr-url=http://localhost:3003', '--teams', '2000', '--seed', '9']);
    expect(args.urls).toMatchObject({ governance: 'http://localhost:4000', okr: 'http://localhost:3003' });
    expect(args).toMatchObject({ teams: 2000, seed: 9 });
  });

  it('refuses what it does not understand, saying which option', () => {
    expect(() => parseDemoArguments(['--teams', 'many'])).toThrow(new DemoArgumentError('--teams is a whole number from 4 to 5000.'));
    expect(() => parseDemoArguments(['--colour', 'red'])).toThrow('Unknown option --colour.');
    expect(() => parseDemoArguments(['--okr-url', 'ftp://x'])).toThrow('--okr-url must be an http(s) URL.');
    expect(() => parseDemoArguments(['--seed'])).toThrow('--seed needs a value.');
  });
});
