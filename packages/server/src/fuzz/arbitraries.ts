/**
 * fast-check arbitraries built from the JSON schemas of the OpenAPI document (what app.swagger() answers), with
 * the values an attacker or a careless user sends mixed in: NUL, years 0000, 9999 and +10000, ids past 2^31 - 1,
 * huge strings, wrong types, arrays for scalars, odd Unicode. Used by openapi.fuzz.ts.
 */
import fc from 'fast-check';

/** The part of a JSON schema the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  const?: unknown;
}

const HUGE = 'x'.repeat(200_000);
/** Strings no field should store as they are. */
export const nastyStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  HUGE,
  '\ud800',
  '😀👍🏽🇰🇿',
  'مرحبا',
  'Ж'.repeat(301),
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '+010000-01-01',
  '2024-02-30',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '+010000-01-01T00:00:00Z',
  '2147483648',
  '-1',
  'NaN',
  '1e309',
];
/** Numbers past the ranges of ids, amounts and JavaScript. */
export const nastyNumbers = [0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -0];
const nastyValue = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers),
  fc.constantFrom(null, true, false, [], {}, [1, 2], ['a'], { a: 1 }, [null]),
);

const validDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validInstant = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return validDate;
  if (schema.format === 'date-time') return validInstant;
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.pattern && schema.pattern.length < 80) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({
    unit: 'grapheme',
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 40, 40),
  });
}

/** Values that fit `schema` (as far as a JSON schema says). */
export function validOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => validOf(v, depth + 1)));
  if (schema.allOf?.length) return validOf(schema.allOf[0]!, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let arbitrary: fc.Arbitrary<unknown>;
  switch (type) {
    case 'integer':
      arbitrary = fc.integer({
        min: Math.max(schema.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 100_000, 2 ** 31 - 1),
      });
      break;
    case 'number':
      arbitrary = fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
      break;
    case 'boolean':
      arbitrary = fc.boolean();
      break;
    case 'string':
      arbitrary = stringOf(schema);
      break;
    case 'array':
      arbitrary = fc.array(depth > 4 ? fc.constant(null) : anyOf(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
      break;
    case 'object':
      arbitrary = objectOf(schema, depth);
      break;
    default:
      arbitrary = nastyValue;
  }
  return schema.nullable ? fc.oneof(arbitrary, fc.constant(null)) : arbitrary;
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties))
    fields[name] = depth > 4 ? fc.constant(null) : anyOf(property, depth + 1);
  // Required fields are mostly present; optional ones come and go; sometimes a field nobody declared.
  return fc
    .record(fields, { requiredKeys: (schema.required ?? []).filter(() => true) })
    .chain((value) =>
      fc.oneof(
        { arbitrary: fc.constant(value), weight: 8 },
        { arbitrary: fc.constant(dropOne(value)), weight: 1 },
        { arbitrary: fc.constant({ ...(value as object), unexpected: 'field' }), weight: 1 },
      ),
    );
}

function dropOne(value: unknown): unknown {
  const keys = Object.keys(value as object);
  if (keys.length === 0) return value;
  const { [keys[0]!]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** Mostly values that fit `schema`, sometimes a nasty value in their place (weights 4 : 1). */
export function anyOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validOf(schema, depth), weight: 4 }, { arbitrary: nastyValue, weight: 1 });
}

/** A query-string value: a scalar as text, or (an array for a scalar) the parameter repeated. */
export function queryValueOf(schema: JsonSchema): fc.Arbitrary<string | string[] | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: validOf(schema).map(String), weight: 4 },
    { arbitrary: fc.constantFrom(...nastyStrings, ...nastyNumbers.map(String)), weight: 2 },
    { arbitrary: fc.array(validOf(schema).map(String), { minLength: 2, maxLength: 3 }), weight: 1 },
  );
}

/** A path segment for an `{id}`: mostly ids of records that exist, sometimes ones no integer column holds. */
export function pathIdOf(ids: number[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...ids).map(String), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '2147483647',
        '2147483648',
        '99999999999999999999',
        '1.5',
        'abc',
        '%00',
        '1e3',
      ),
      weight: 2,
    },
  );
}
