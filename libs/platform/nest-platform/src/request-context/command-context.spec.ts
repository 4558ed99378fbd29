import { ProblemException } from '../problem-details/problem';
import { commandContextOf } from './command-context';

const request = (headers: Record<string, string> = {}) => ({
  headers,
  principal: { tenantId: 'acme', userId: 'ada', roles: ['coach' as const] },
  requestId: 'req-1',
  receivedAt: new Date('2026-05-01T12:00:00.000Z'),
});

describe('commandContextOf', () => {
  it('takes tenant and actor from the token, causation from the request, and correlation, trace and reason from headers', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(commandContextOf(request({ 'x-correlation-id': 'corr-9', traceparent, 'x-reason': encodeURIComponent('budget year 2027') }))).toEqual({
      tenantId: 'acme',
      actor: { id: 'ada', kind: 'user' },
      correlationId: 'corr-9',
      causationId: 'req-1',
      now: new Date('2026-05-01T12:00:00.000Z'),
      traceparent,
      reason: 'budget year 2027',
    });
  });

  it('starts a new correlation at this request, ignores malformed trace headers, and prefers a reason from the body', () => {
    const ctx = commandContextOf(request({ traceparent: 'garbage', 'x-reason': 'header' }), 'body reason');
    expect(ctx).toMatchObject({ correlationId: 'req-1', reason: 'body reason' });
    expect(ctx.traceparent).toBeUndefined();
  });

  it('rejects a malformed correlation id with a 400 naming the header', () => {
    expect(() => commandContextOf(request({ 'x-correlation-id': 'a b' }))).toThrow(ProblemException);
    try {
      commandContextOf(request({ 'x-correlation-id': 'a b' }));
    } catch (error) {
      expect((error as ProblemException).problem).toMatchObject({ status: 400, field: 'X-Correlation-Id' });
    }
  });
});
