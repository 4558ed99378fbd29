export * from './sqlite-personal-data-vault';
