export * from './in-memory-event-store';
export * from './team-roster.fixture';
