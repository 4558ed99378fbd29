export * from './performance-doc';
export * from './rounds';
