import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery, type OpenAPIObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { jsonSchemaOf } from '../validation/parse-request';

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };

const fieldsOf = (schema: z.ZodType) => {
  const json = jsonSchemaOf(schema) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string };
    return { name, required: required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
};

/** Declares a route's query parameters from the zod schema its controller parses them with. */
export const ApiQueryFrom = (schema: z.ZodType): MethodDecorator =>
  applyDecorators(...fieldsOf(schema).map(({ name, required, schema: s, ...rest }) => ApiQuery({ name, required, schema: s as never, ...rest })));

/** Declares a route's path parameters from the zod schema its controller parses them with. */
export const ApiParamsFrom = (schema: z.ZodType): MethodDecorator =>
  applyDecorators(...fieldsOf(schema).map(({ name, required: _required, schema: s, ...rest }) => ApiParam({ name, required: true, schema: s as never, ...rest })));

export const PUBLIC_EXTENSION = 'x-leerzone-public';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details. `code` is stable; `field` names the offending field; `errors` lists every field error.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    field: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } } },
  },
};

const PROBLEMS: Record<string, { readonly description: string; readonly code: string; readonly detail: string; readonly field?: string }> = {
  '400': { description: 'Bad input: the field and why.', code: 'VALIDATION.FAILED', detail: 'The request is invalid: name: Must not be empty.', field: 'name' },
  '401': { description: 'No valid bearer token.', code: 'AUTH.UNAUTHENTICATED', detail: 'This needs a bearer token.' },
  '403': { description: 'The caller may not do this.', code: 'AUTH.FORBIDDEN', detail: 'This needs one of the roles coach, admin.' },
  '404': { description: 'No such thing for this tenant (another tenant’s id answers the same).', code: 'TEAM.NOT_FOUND', detail: 'There is no team 0190….' },
  '409': { description: 'Conflicts with the current state, or lost a race after retries.', code: 'STREAM.CONCURRENT_MODIFICATION', detail: 'Someone else changed it at the same time; try again.' },
  '412': { description: 'If-Match did not match the current version.', code: 'STREAM.VERSION_MISMATCH', detail: 'If-Match expected version 7, but it is at version 8.', field: 'If-Match' },
  '413': { description: 'The body is larger than 1 MB.', code: 'HTTP.PAYLOAD_TOO_LARGE', detail: 'The request body is larger than this API accepts (1 MB).' },
  '415': { description: 'The body is not JSON.', code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', detail: 'This API reads JSON request bodies only; send Content-Type: application/json.', field: 'Content-Type' },
  '422': { description: 'Understood, but the domain refuses it in the current state.', code: 'TEAM.NOT_SELF_STEERING', detail: 'Not every member has said yes yet.' },
};

const WRITE_HEADERS = [
  { name: 'If-Match', in: 'header', required: false, description: 'The ETag of an earlier answer ("7"), or *: the write only happens while the resource is still at that version (else 412).', schema: { type: 'string' } },
  { name: 'X-Reason', in: 'header', required: false, description: 'Why, percent-encoded UTF-8 (encodeURIComponent); a `reason` in the body wins.', schema: { type: 'string' } },
];
const COMMON_HEADERS = [
  { name: 'X-Correlation-Id', in: 'header', required: false, description: 'Ties this request to others of one piece of work (1-100 letters, digits and . _ : -).', schema: { type: 'string' } },
  { name: 'traceparent', in: 'header', required: false, description: 'W3C trace context to continue.', schema: { type: 'string' } },
];

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * What every command answers (`commandAnswer` of the service kit), for write routes that
 * document nothing more specific: the ids it was about, the stream's new version (also the
 * ETag) and the events it recorded.
 */
const COMMAND_ANSWER = {
  schema: {
    type: 'object',
    description: 'The ids of what the command was about (e.g. `teamId`), the new version (also in `ETag`) and the events recorded (none when nothing changed).',
    required: ['version', 'events'],
    additionalProperties: true,
    properties: {
      version: { type: 'integer', minimum: 0 },
      events: {
        type: 'array',
        items: {
          type: 'object',
          properties: { eventId: { type: 'string' }, type: { type: 'string' }, streamPosition: { type: 'integer' }, globalPosition: { type: 'integer' }, occurredAt: { type: 'string', format: 'date-time' } },
        },
      },
    },
  },
  example: {
    teamId: '0190f5a4-0000-7000-8000-0000000000a1',
    version: 4,
    events: [{ eventId: '0190f5a4-7a1b-7c3e-9d2f-4b8e1c0a9f11', type: 'TeamRenamed', streamPosition: 4, globalPosition: 118, occurredAt: '2026-03-02T09:00:00.000Z' }],
  },
};
type Operation = { parameters?: Array<{ name: string; in: string }>; responses?: Record<string, unknown>; security?: unknown[]; requestBody?: unknown; [key: string]: unknown };

/**
 * Completes what decorators leave out, the same way for every route of every service:
 * path parameters, the headers every route reads, the problem-details responses it can
 * give, and no security requirement on public routes (health, the development issuer).
 */
export function completeOpenApi(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_SCHEMA as never } };
  for (const [path, item] of Object.entries(document.paths)) {
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value as Operation;
      const parameters = operation.parameters ?? [];
      const has = (name: string, where: string) => parameters.some((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase());
      for (const name of pathParams) if (!has(name, 'path')) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } } as never);
      const write = WRITES.has(method);
      for (const header of [...(write ? WRITE_HEADERS : []), ...COMMON_HEADERS]) if (!has(header.name, 'header')) parameters.push(header as never);
      operation.parameters = parameters;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      if (isPublic) operation.security = [];
      const statuses = ['400', ...(isPublic ? [] : ['401', '403']), ...(pathParams.length > 0 ? ['404'] : []), ...(write ? ['409', '412', '413', '415', '422'] : [])];
      const responses = (operation.responses ??= {});
      if (write) {
        // A command route that documents no body of its own answers the command answer.
        for (const [status, response] of Object.entries(responses) as Array<[string, { content?: unknown; description?: string }]>) {
          if (status.startsWith('2') && status !== '204' && response.content === undefined) {
            responses[status] = { ...response, description: response.description || 'Recorded.', content: { 'application/json': COMMAND_ANSWER } };
          }
        }
      }
      for (const status of statuses) {
        if (responses[status]) continue;
        const { description, code, detail, field } = PROBLEMS[status]!;
        responses[status] = {
          description,
          content: {
            'application/problem+json': {
              schema: { $ref: '#/components/schemas/ProblemDetails' },
              example: { type: `https://leerzone.dev/problems/${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, title: description, status: Number(status), detail, code, ...(field ? { field } : {}) },
            },
          },
        };
      }
    }
  }
  return document;
}
