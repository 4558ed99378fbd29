import { FactError } from './fact-reader';
import { UNIT_FACT_TYPES, readUnitFact } from './unit-facts';

const AT = '2026-03-02T09:00:00.000Z';
const event = (type: string, data: Record<string, unknown>, schemaVersion = 1) => ({ type, schemaVersion, data });
const refusal = (read: () => unknown): FactError => {
  try {
    read();
  } catch (error) {
    if (error instanceof FactError) return error;
    throw error;
  }
  throw new Error('expected a FactError');
};

describe('reading governance’s organisation events', () => {
  it('reads the four events of the unit tree', () => {
    expect(UNIT_FACT_TYPES).toEqual(['OrganisationCreated', 'UnitAdded', 'UnitRenamed', 'UnitMoved']);
  });

  it('reads an organisation created, ignoring the fields it does not use', () => {
    expect(readUnitFact(event('OrganisationCreated', { organisationId: 'o1', name: 'Zorggroep', createdBy: 'ada', createdAt: AT }))).toEqual({ type: 'OrganisationCreated', organisationId: 'o1', name: 'Zorggroep' });
  });

  it('reads a unit added under a parent and one added at the top', () => {
    expect(readUnitFact(event('UnitAdded', { organisationId: 'o1', unitId: 'u2', name: 'Wijkzorg', parentUnitId: 'u1', addedBy: 'ada', addedAt: AT }))).toEqual({
      type: 'UnitAdded',
      organisationId: 'o1',
      unitId: 'u2',
      name: 'Wijkzorg',
      parentUnitId: 'u1',
    });
    expect(readUnitFact(event('UnitAdded', { organisationId: 'o1', unitId: 'u1', name: 'Zorg', parentUnitId: null, addedBy: 'ada', addedAt: AT }))).toEqual({
      type: 'UnitAdded',
      organisationId: 'o1',
      unitId: 'u1',
      name: 'Zorg',
      parentUnitId: null,
    });
  });

  it('reads a unit renamed', () => {
    expect(readUnitFact(event('UnitRenamed', { organisationId: 'o1', unitId: 'u2', name: 'Thuiszorg', renamedBy: 'ada', renamedAt: AT }))).toEqual({ type: 'UnitRenamed', organisationId: 'o1', unitId: 'u2', name: 'Thuiszorg' });
  });

  it('reads a unit moved under another parent and one moved to the top', () => {
    expect(readUnitFact(event('UnitMoved', { organisationId: 'o1', unitId: 'u2', parentUnitId: 'u3', movedBy: 'ada', movedAt: AT }))).toEqual({ type: 'UnitMoved', organisationId: 'o1', unitId: 'u2', parentUnitId: 'u3' });
    expect(readUnitFact(event('UnitMoved', { organisationId: 'o1', unitId: 'u2', parentUnitId: null, movedBy: 'ada', movedAt: AT }))).toEqual({ type: 'UnitMoved', organisationId: 'o1', unitId: 'u2', parentUnitId: null });
  });

  it('passes over the events of the stream it does not read', () => {
    expect(readUnitFact(event('OrganisationRenamed', { organisationId: 'o1', name: 'x' }))).toBeUndefined();
    expect(readUnitFact(event('TeamCreated', { teamId: 't1', name: 'Noord' }, 7))).toBeUndefined();
  });

  it('refuses a version it does not know', () => {
    const error = refusal(() => readUnitFact(event('UnitAdded', { organisationId: 'o1', unitId: 'u2', name: 'Wijkzorg', parentUnitId: null }, 2)));
    expect(error).toMatchObject({ code: 'ANALYTICS.UNSUPPORTED_EVENT_VERSION', field: 'schemaVersion' });
    expect(error.message).toContain('UnitAdded');
  });

  it.each([
    ['OrganisationCreated', { name: 'Zorggroep' }, 'data.organisationId'],
    ['OrganisationCreated', { organisationId: 'o1' }, 'data.name'],
    ['UnitAdded', { organisationId: 'o1', name: 'Wijkzorg', parentUnitId: null }, 'data.unitId'],
    ['UnitAdded', { organisationId: 'o1', unitId: 'u2', parentUnitId: null }, 'data.name'],
    ['UnitAdded', { organisationId: 'o1', unitId: 'u2', name: 'Wijkzorg', parentUnitId: 7 }, 'data.parentUnitId'],
    ['UnitRenamed', { organisationId: 'o1', name: 'Thuiszorg' }, 'data.unitId'],
    ['UnitRenamed', { organisationId: 'o1', unitId: 'u2', name: '' }, 'data.name'],
    ['UnitMoved', { organisationId: 'o1', parentUnitId: 'u3' }, 'data.unitId'],
    ['UnitMoved', { organisationId: 'o1', unitId: 'u2', parentUnitId: '' }, 'data.parentUnitId'],
  ])('refuses %s data without a usable field (%j), naming %s', (type, data, field) => {
    const error = refusal(() => readUnitFact(event(type, data)));
    expect(error).toMatchObject({ code: 'ANALYTICS.INVALID_EVENT', field });
    expect(error.message).toContain(field.slice('data.'.length));
  });
});
