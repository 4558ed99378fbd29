import { EventStoreError, reject } from '@leerzone/kernel';
import { InvalidQueryError } from '@leerzone/projection-store';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem';

describe('ProblemException.fromRejection', () => {
  it.each([
    ['invalid', 400],
    ['forbidden', 403],
    ['not-found', 404],
    ['conflict', 409],
    ['precondition', 422],
  ] as const)('maps a %s rejection to %i with its code and field', (category, status) => {
    const problem = ProblemException.fromRejection(reject(category, 'TEAM.SOMETHING', 'A sentence.', { field: 'name' })).problem;
    expect(problem).toMatchObject({ status, code: 'TEAM.SOMETHING', detail: 'A sentence.', field: 'name', type: 'https://leerzone.dev/problems/team-something' });
    expect(problem.errors).toEqual([{ field: 'name', message: 'A sentence.', code: 'TEAM.SOMETHING' }]);
  });
});

describe('ProblemDetailsFilter', () => {
  const render = (exception: unknown) => {
    const sent: { status?: number; body?: string; type?: string } = {};
    const response = {
      status: (status: number) => ((sent.status = status), response),
      type: (type: string) => ((sent.type = type), response),
      send: (body: string) => ((sent.body = body), response),
    };
    const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/x' }), getResponse: () => response }) };
    new ProblemDetailsFilter().catch(exception, host as never);
    return { ...sent, problem: JSON.parse(sent.body!) as Record<string, unknown> };
  };

  it('renders a query guard refusal as 400 naming the field', () => {
    const out = render(new InvalidQueryError('sort', 'sort may only name indexed fields.'));
    expect(out).toMatchObject({ status: 400, type: 'application/problem+json', problem: { code: 'PROJECTION.INVALID_QUERY', field: 'sort', instance: '/x' } });
  });

  it('answers a store that cannot write now (disk full, read-only) with 503, saying nothing was written', () => {
    const out = render(new EventStoreError('EVENT_STORE.UNAVAILABLE', 'The event store cannot write right now (SQLITE_FULL) at /data/events.db'));
    expect(out).toMatchObject({ status: 503, problem: { status: 503, code: 'STORE.UNAVAILABLE' } });
    expect(out.problem['detail']).toContain('nothing was written');
    expect(out.body).not.toContain('/data/events.db');
  });

  it('hides the internals of unknown errors behind a 500', () => {
    const out = render(new Error('connection string postgres://secret'));
    expect(out.status).toBe(500);
    expect(out.body).not.toContain('secret');
  });
});
