export * from './team-facts';
export * from './team-directory.projection';
export * from './team-directory';
export * from './directory-schemas';
