export * from './analytics.module';
export * from './teams/read-model/team-overview.projection';
