export * from './projection-store.port';
export * from './projection-store.errors';
export * from './validation';
export * from './write-operations';
export * from './cursor';
export * from './query-guard';
export * from './in-memory-projection-store';
export * from './update-operators';
