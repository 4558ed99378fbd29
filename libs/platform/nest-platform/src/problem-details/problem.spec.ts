import { reject } from '@leerzone/kernel';
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

  it('hides the internals of unknown errors behind a 500', () => {
    const out = render(new Error('connection string postgres://secret'));
    expect(out.status).toBe(500);
    expect(out.body).not.toContain('secret');
  });
});
