export * from './assessment.module';
// The answer slot and padding: the demo's scale generator holds its copy to these in a spec.
export { answerSlot, padAnswer, paddedLength } from './rounds/answer-round/answer-payload';
