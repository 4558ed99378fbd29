export * from './failure-learning.module';
