/** What analytics reads of governance's organisation stream: the unit tree, for roll-ups per unit. */
import { Fields, checkVersion, type PublishedEvent } from './fact-reader';

export type UnitFact =
  | { readonly type: 'OrganisationCreated'; readonly organisationId: string; readonly name: string }
  | { readonly type: 'UnitAdded'; readonly organisationId: string; readonly unitId: string; readonly name: string; readonly parentUnitId: string | null }
  | { readonly type: 'UnitRenamed'; readonly organisationId: string; readonly unitId: string; readonly name: string }
  | { readonly type: 'UnitMoved'; readonly organisationId: string; readonly unitId: string; readonly parentUnitId: string | null };

export type UnitFactType = UnitFact['type'];

export const UNIT_FACT_TYPES: readonly UnitFactType[] = ['OrganisationCreated', 'UnitAdded', 'UnitRenamed', 'UnitMoved'];

export function readUnitFact(event: PublishedEvent): UnitFact | undefined {
  const type = event.type as UnitFactType;
  if (!UNIT_FACT_TYPES.includes(type)) return undefined;
  checkVersion(event, [1]);
  const data = new Fields(type, event.data);
  const organisationId = data.text('organisationId');
  switch (type) {
    case 'OrganisationCreated':
      return { type, organisationId, name: data.text('name') };
    case 'UnitAdded':
      return { type, organisationId, unitId: data.text('unitId'), name: data.text('name'), parentUnitId: data.optionalText('parentUnitId') };
    case 'UnitRenamed':
      return { type, organisationId, unitId: data.text('unitId'), name: data.text('name') };
    case 'UnitMoved':
      return { type, organisationId, unitId: data.text('unitId'), parentUnitId: data.optionalText('parentUnitId') };
  }
}
