import { InvalidMessagingArgumentError } from './errors';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './event-bus.port';

export function validateRetry(retry: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...retry };
  const check = (field: keyof RetryPolicy, min: number) => {
    const value = policy[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new InvalidMessagingArgumentError(`retry.${field}`, `retry.${field} must be an integer of at least ${min}, got ${String(value)}.`);
    }
  };
  check('maxAttempts', 1);
  check('initialBackoffMs', 0);
  check('maxBackoffMs', 0);
  if (policy.maxBackoffMs < policy.initialBackoffMs) {
    throw new InvalidMessagingArgumentError('retry.maxBackoffMs', 'retry.maxBackoffMs must not be less than retry.initialBackoffMs.');
  }
  return policy;
}
