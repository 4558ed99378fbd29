export * from './performance-doc';
export * from './rounds';
export * from './bench-run';
export * from './ratio-chart';
