import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.0 flavour, dereferenced) the documented API uses. */
export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly example?: unknown;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/**
 * Where `value` departs from `schema` ([] when it matches): types, required members, enums,
 * items, nested objects, and the combinators. Deliberately small: it checks the structure a
 * client relies on, not every keyword (formats and lengths are the server's to refuse).
 */
export function mismatches(schema: Schema | undefined, value: unknown, at = '$'): string[] {
  if (schema === undefined) return [];
  if (value === null && schema.nullable) return [];
  if (schema.allOf) return schema.allOf.flatMap((s) => mismatches(s, value, at));
  if (schema.oneOf || schema.anyOf) {
    const options = (schema.oneOf ?? schema.anyOf)!;
    return options.some((s) => mismatches(s, value, at).length === 0) ? [] : [`${at}: matches none of ${options.length} alternatives`];
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return [`${at}: ${JSON.stringify(value)} not in enum`];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const fits = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!fits) return [`${at}: expected ${schema.type}${schema.nullable ? ' or null' : ''}, got ${actual}`];
  }
  if (actual === 'object' && (schema.properties || schema.required)) {
    const object = value as Record<string, unknown>;
    const problems = (schema.required ?? []).filter((name) => !(name in object)).map((name) => `${at}.${name}: required, missing`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) if (name in object) problems.push(...mismatches(property, object[name], `${at}.${name}`));
    return problems;
  }
  if (actual === 'array' && schema.items) return (value as unknown[]).flatMap((item, i) => mismatches(schema.items, item, `${at}[${i}]`));
  return [];
}

/** Text that often trips parsers: empty, blank, long, control and formula characters, look-alike numbers and dates. */
const nastyText = fc.constantFrom('', ' ', 'a'.repeat(10_000), '\u0000', '=cmd|"/c calc"!A1', '../../etc/passwd', '{"$gt":""}', '1e309', '-0', '2026-02-30', 'NaN', '<script>', '𝔘ñí©ødé', '\n\t');

/** Values valid by the schema's structure (not necessarily by the domain's rules). */
export function valid(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined) return fc.jsonValue({ maxDepth: 2 });
  if (schema.allOf) return valid(Object.assign({}, ...schema.allOf) as Schema, depth);
  if (schema.oneOf || schema.anyOf) return fc.oneof(...(schema.oneOf ?? schema.anyOf)!.map((s) => valid(s, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const withNull = (a: fc.Arbitrary<unknown>) => (schema.nullable ? fc.oneof({ weight: 4, arbitrary: a }, fc.constant(null)) : a);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return withNull(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()));
      if (schema.format === 'date') return withNull(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
      if (schema.example !== undefined && typeof schema.example === 'string') return withNull(fc.oneof(fc.constant(schema.example), fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) })));
      return withNull(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }));
    case 'integer':
      return withNull(fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000 }));
    case 'number':
      return withNull(fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return withNull(fc.boolean());
    case 'array':
      return withNull(fc.array(depth > 3 ? fc.constant(null) : valid(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) }));
    default: {
      if (!schema.properties) return withNull(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties).filter(() => depth < 5);
      const record = fc.record(Object.fromEntries(entries.map(([name, s]) => [name, valid(s, depth + 1)])), { requiredKeys: entries.map(([n]) => n).filter((n) => required.has(n)) });
      return withNull(record);
    }
  }
}

/** Values that break the schema somewhere: a wrong type, a missing required member, nasty text, a whole wrong body. */
export function invalid(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.anything({ maxDepth: 2 }), nastyText, fc.constantFrom(null, [], {}, 0, -1, 1e21, true, 'x'));
  if (schema?.properties === undefined) return anything;
  const names = Object.keys(schema.properties);
  if (names.length === 0) return anything;
  return fc.oneof(
    anything,
    // One member replaced by a value of another kind, or by nasty text.
    fc.tuple(valid(schema), fc.constantFrom(...names), fc.oneof(fc.anything({ maxDepth: 1 }), nastyText)).map(([body, name, value]) => (typeof body === 'object' && body !== null ? { ...body, [name]: value } : body)),
    // One required member left out.
    fc.tuple(valid(schema), fc.constantFrom(...names)).map(([body, name]) => {
      if (typeof body !== 'object' || body === null) return body;
      const { [name]: _left, ...rest } = body as Record<string, unknown>;
      return rest;
    }),
  );
}
