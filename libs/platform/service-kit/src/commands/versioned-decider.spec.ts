import { fold, reject, type Decider } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { guardedDecider } from './versioned-decider';

type Event = { type: 'Counted'; data: { by: number } };
const counter: Decider<{ type: 'Count'; data: { by: number } }, Event, number> = {
  initialState: 0,
  decide: (command) => (command.data.by > 0 ? [{ type: 'Counted', data: { by: command.data.by } }] : reject('invalid', 'COUNT.INVALID', 'Count up.')),
  evolve: (state, event) => state + event.data.by,
};

describe('guardedDecider', () => {
  const events: Event[] = [
    { type: 'Counted', data: { by: 2 } },
    { type: 'Counted', data: { by: 3 } },
  ];

  it('folds the inner state and counts the version (one event, one stream position)', () => {
    expect(fold(guardedDecider(counter, () => null), events)).toEqual({ state: 5, version: 2 });
  });

  it('runs the check before the inner decision, on the state and version the append would be made on', () => {
    const seen: unknown[] = [];
    const guarded = guardedDecider(counter, (current) => {
      seen.push(current);
      return current.version === 2 ? null : reject('precondition', 'STREAM.VERSION_MISMATCH', 'stale');
    });
    const current = fold(guarded, events);
    expect(guarded.decide({ type: 'Count', data: { by: 1 } }, current, testContext())).toEqual([{ type: 'Counted', data: { by: 1 } }]);
    expect(guarded.decide({ type: 'Count', data: { by: 1 } }, fold(guarded, events.slice(0, 1)), testContext())).toMatchObject({ code: 'STREAM.VERSION_MISMATCH' });
    // The check wins over the inner rule; the inner rule still applies when the check passes.
    expect(guarded.decide({ type: 'Count', data: { by: 0 } }, current, testContext())).toMatchObject({ code: 'COUNT.INVALID' });
    expect(seen).toEqual([{ state: 5, version: 2 }, { state: 2, version: 1 }, { state: 5, version: 2 }]);
  });
});
