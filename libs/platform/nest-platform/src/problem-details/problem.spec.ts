import { reject } from '@leerzone/kernel';
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
