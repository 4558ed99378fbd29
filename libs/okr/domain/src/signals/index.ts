export * from './okr.signals';
