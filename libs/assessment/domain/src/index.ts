export * from './shared/assessment.constants';
export { isShuffleSeed, seededShuffle } from './shared/seeded-shuffle';
export * from './instrument';
export * from './scoring';
export * from './round';
export * from './maturity';
export * from './settings';
