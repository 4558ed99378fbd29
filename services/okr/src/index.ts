export * from './okr.module';
