type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };

/** The tenant's own choices (the tenant is ctx.tenantId). They apply to rounds opened and closed from then on. Needs ctx.reason. */
export type ConfigureAssessment = Cmd<'ConfigureAssessment', { readonly anonymityThreshold: number; readonly zoneThresholds: unknown }>;

export type SettingsCommand = ConfigureAssessment;
