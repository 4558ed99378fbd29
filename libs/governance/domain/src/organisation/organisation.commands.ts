type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type InOrganisation<Data = object> = { readonly organisationId: string } & Data;

export type CreateOrganisation = Cmd<'CreateOrganisation', { readonly organisationId: string; readonly name: string }>;
export type AddUnit = Cmd<'AddUnit', InOrganisation<{ readonly unitId: string; readonly name: string; readonly parentUnitId?: string | null }>>;
export type RenameUnit = Cmd<'RenameUnit', InOrganisation<{ readonly unitId: string; readonly name: string }>>;
/** Needs ctx.reason. */
export type MoveUnit = Cmd<'MoveUnit', InOrganisation<{ readonly unitId: string; readonly parentUnitId: string | null }>>;
/** Needs ctx.reason. `boundary` is validated by the decider. */
export type SetUnitBoundary = Cmd<'SetUnitBoundary', InOrganisation<{ readonly unitId: string; readonly boundary: unknown }>>;
/** Needs ctx.reason. */
export type RemoveUnitBoundary = Cmd<'RemoveUnitBoundary', InOrganisation<{ readonly unitId: string; readonly boundaryId: string }>>;

/** Needs ctx.reason. `contactId` null takes the naming back. */
export type NameUnitEscalationContact = Cmd<'NameUnitEscalationContact', InOrganisation<{ readonly unitId: string; readonly contactId: string | null }>>;

/** Needs ctx.reason. */
export type SetUnitBoundaryReviewDate = Cmd<'SetUnitBoundaryReviewDate', InOrganisation<{ readonly unitId: string; readonly boundaryId: string; readonly reviewBy: string | null }>>;
/** Needs ctx.reason. `boundary` (without id) for `changed`. */
export type ReviewUnitBoundary = Cmd<
  'ReviewUnitBoundary',
  InOrganisation<{ readonly unitId: string; readonly boundaryId: string; readonly outcome: 'kept' | 'changed' | 'dropped'; readonly nextReviewBy?: string | null; readonly boundary?: unknown }>
>;

export type OrganisationCommand =
  | CreateOrganisation
  | AddUnit
  | RenameUnit
  | MoveUnit
  | SetUnitBoundary
  | RemoveUnitBoundary
  | NameUnitEscalationContact
  | SetUnitBoundaryReviewDate
  | ReviewUnitBoundary;
