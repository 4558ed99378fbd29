export * from './analytics.module';
export * from './teams/read-model/team-overview.projection';
export * from './trust/read-model/rounds.projection';
export * from './okr/read-model/objectives.projection';
export * from './failures/read-model/failure-reports.projection';
export * from './outcomes/read-model/outcomes.projection';
