export * from './sqlite-checkpoint-store';
export * from './sqlite-inbox';
