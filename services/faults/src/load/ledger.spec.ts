import { accountFor, Ledger, type CommandRecord } from './ledger';

const ack = (correlationId: string, eventIds: string[], op = 'set-level'): CommandRecord => ({ correlationId, service: 'governance', op, tenant: 't', outcome: 'acknowledged', eventIds });

describe('the ledger against the store', () => {
  it('counts nothing lost and nothing twice when every acknowledged event is stored once', () => {
    expect(accountFor([ack('c1', ['e1']), ack('c2', ['e2', 'e3'])], [{ eventId: 'e1', correlationId: 'c1' }, { eventId: 'e2', correlationId: 'c2' }, { eventId: 'e3', correlationId: 'c2' }])).toEqual({ stored: 3, lost: 0, duplicated: 0, appliedUnanswered: 0 });
  });

  it('counts an acknowledged event that is missing as lost', () => {
    expect(accountFor([ack('c1', ['e1']), ack('c2', ['e2'])], [{ eventId: 'e1', correlationId: 'c1' }])).toMatchObject({ lost: 1, duplicated: 0 });
  });

  it('counts an event of an acknowledged command that its answer did not name as applied twice', () => {
    expect(accountFor([ack('c1', ['e1'])], [{ eventId: 'e1', correlationId: 'c1' }, { eventId: 'e9', correlationId: 'c1' }])).toMatchObject({ lost: 0, duplicated: 1 });
  });

  it('allows an unanswered command to have been applied once, not twice, and a refused one not at all', () => {
    const records: CommandRecord[] = [
      ack('c1', ['e1']),
      { correlationId: 'c2', service: 'governance', op: 'set-level', tenant: 't', outcome: 'unknown', eventIds: [] },
      { correlationId: 'c3', service: 'governance', op: 'set-level', tenant: 't', outcome: 'unknown', eventIds: [] },
      { correlationId: 'c4', service: 'governance', op: 'set-level', tenant: 't', outcome: 'unavailable', status: 503, eventIds: [] },
    ];
    const events = [
      { eventId: 'e1', correlationId: 'c1' },
      { eventId: 'e2', correlationId: 'c2' },
      { eventId: 'e3', correlationId: 'c3' },
      { eventId: 'e4', correlationId: 'c3' },
      { eventId: 'e5', correlationId: 'c4' },
    ];
    expect(accountFor(records, events)).toEqual({ stored: 5, lost: 0, duplicated: 2, appliedUnanswered: 2 });
  });

  it('mints one correlation id per command and sums the refusals by status and code', () => {
    const ledger = new Ledger('run');
    expect([ledger.correlationId(), ledger.correlationId()]).toEqual(['run.1', 'run.2']);
    ledger.record({ correlationId: 'run.1', service: 'okr', op: 'x', tenant: 't', outcome: 'unavailable', status: 503, code: 'UNAVAILABLE', eventIds: [] });
    ledger.record({ correlationId: 'run.2', service: 'okr', op: 'x', tenant: 't', outcome: 'unavailable', status: 503, code: 'UNAVAILABLE', eventIds: [] });
    ledger.record({ correlationId: 'run.3', service: 'okr', op: 'x', tenant: 't', outcome: 'unknown', eventIds: [] });
    expect(ledger.refusals()).toBe('503 UNAVAILABLE x2, unknown x1');
    expect(ledger.count('unavailable')).toBe(2);
  });
});
