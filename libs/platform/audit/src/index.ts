export * from './integrity/hash-chain';
export * from './integrity/checkpoint-keys';
export * from './integrity/audit-checkpoints';
export * from './integrity/verify-event-store';
