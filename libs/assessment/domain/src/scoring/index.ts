export * from './statistics';
export * from './rwg';
export * from './score-instrument';
export * from './zones';
