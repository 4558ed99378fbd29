export * from './team-facts';
export * from './team-overview';
