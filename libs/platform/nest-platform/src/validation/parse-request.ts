import { z } from 'zod';
import { ProblemException, type FieldError } from '../problem-details/problem';

export const validationProblem = (errors: readonly FieldError[]): ProblemException =>
  ProblemException.of(400, 'VALIDATION.FAILED', `The request is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, {
    ...(errors[0] ? { field: errors[0].field } : {}),
    errors,
  });

/**
 * Validates a request part against a zod schema. On failure nothing has happened yet:
 * the caller gets a 400 naming every offending field.
 */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown, part: 'body' | 'query' | 'params' = 'body'): z.output<Schema> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw validationProblem(
    result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : part,
      message: issue.message,
      code: `VALIDATION.${issue.code.toUpperCase()}`,
    })),
  );
}

/** The JSON schema of a zod schema, for OpenAPI. */
export const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
