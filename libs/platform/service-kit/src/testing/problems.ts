import { expect } from '@jest/globals';
import type { Response } from 'supertest';

const summary = (response: Response): string => {
  const req = (response as unknown as { req?: { method?: string; path?: string } }).req;
  return `${req?.method ?? ''} ${req?.path ?? ''} → ${response.status} ${JSON.stringify(response.body)}`;
};

/** Asserts an RFC 9457 problem with a status and stable code (and the field, when given). */
export function expectProblem(response: Response, status: number, code: string, field?: string): void {
  const context = summary(response);
  expect({ context, status: response.status }).toEqual({ context, status });
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, code, ...(field !== undefined ? { field } : {}) });
}

/** Asserts a 2xx with the given status, showing the body when it is not. */
export function expectStatus(response: Response, status: number): void {
  const context = summary(response);
  expect({ context, status: response.status }).toEqual({ context, status });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the clock has moved past `instant` (ISO string or epoch milliseconds), so what
 * happens next carries a later timestamp. It waits for that condition, not for a fixed time.
 */
export async function clockPast(instant: string | number): Promise<void> {
  const after = typeof instant === 'number' ? instant : Date.parse(instant);
  while (Date.now() <= after) await new Promise((resolve) => setImmediate(resolve));
}
