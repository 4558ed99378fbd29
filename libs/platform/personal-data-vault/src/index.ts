export * from './sqlite-personal-data-vault';
export * from './postgres-personal-data-vault';
export * from './open-personal-data-vault';
