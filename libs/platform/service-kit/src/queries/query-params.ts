import { z } from 'zod';
import { InvalidArgumentError, InvalidQueryError } from '@leerzone/projection-store';
import { ProblemException, validationProblem } from '@leerzone/nest-platform';
import { Instant } from '../fields/fields';

/** `?asOf=<ISO instant>`: what held at that moment, rebuilt from the events. */
export const AsOfQuery = z.strictObject({ asOf: Instant.optional() });

/** `?limit=&after=`: a page size (default 50, at most 200 unless the endpoint says otherwise) and the cursor from the previous page. */
export const pageQuery = ({ max = 200, defaultLimit = 50 }: { readonly max?: number; readonly defaultLimit?: number } = {}) => ({
  limit: z.coerce.number().int().min(1).max(max).default(defaultLimit),
  after: z.string().max(2000).optional(),
});

export const PageQuery = pageQuery();

/** A comma-separated list in a query string (`?topic=boundaries,delegation`); a repeated parameter works too. */
export const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value),
    z.array(item).min(1).max(20),
  );

/**
 * Runs a read-model query built from user input. The query guard's refusals (unknown field,
 * operator, wrong type) and a foreign cursor become 400s naming the parameter.
 */
export async function guardedQuery<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof InvalidQueryError) {
      throw ProblemException.of(400, error.code, error.message, { field: error.field, errors: [{ field: error.field, message: error.message, code: error.code }] });
    }
    if (error instanceof InvalidArgumentError && error.field === 'after') throw validationProblem([{ field: 'after', message: error.message, code: error.code }]);
    throw error;
  }
}
