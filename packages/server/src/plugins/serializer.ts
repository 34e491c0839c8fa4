import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type Compile = FastifySerializerCompiler<ZodType>;

/**
 * Compiles each route's zod response schema once, through its JSON Schema, into a fast-json-stringify
 * function: the answer keeps only the declared fields, as with zod, but is written without parsing it again
 * (zod's encoder cost about five times JSON.stringify on a 25-row page; see docs/api-performance.md).
 * Handlers' return types are still checked against the zod types by the type provider at compile time.
 * Schemas that JSON Schema cannot express (dates, transforms) keep zod's own serializer.
 */
export const serializerCompiler: Compile = (route) => {
  const schema = route.schema as ZodType | undefined;
  if (schema && typeof schema === 'object' && '_zod' in schema) {
    const known = compiled.get(schema);
    if (known) return known;
    try {
      const json = writtenBy(z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }));
      const serialize = fastJsonStringify(json as Parameters<typeof fastJsonStringify>[0]);
      compiled.set(schema, serialize);
      return serialize;
    } catch {
      // not representable as JSON Schema: fall through to zod
    }
  }
  return zodSerializerCompiler(route);
};

/**
 * The serializer of each zod schema, made once per process: the contracts' schemas are module constants, so an app
 * built again in the same process (the tests build one per suite or per test) reuses what the first compiled
 * (about a quarter of a second of CPU per app). A serializer depends on its schema alone.
 */
const compiled = new WeakMap<ZodType, (data: unknown) => string>();

/** The types a nullable branch may have to be written by a type list instead of an anyOf. */
const LISTABLE = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
/** What makes a branch more than its type: fast-json-stringify writes these by their own rules. */
const COMBINING = ['anyOf', 'oneOf', 'allOf', 'not', 'if', '$ref', 'const'];

/**
 * The JSON Schema fast-json-stringify writes an answer by: the contract's, with each nullable value (zod writes
 * `.nullable()` as `anyOf: [X, { type: 'null' }]`) as X with `type: [X's type, 'null']`. fast-json-stringify
 * chooses an anyOf branch by validating the value against each branch with ajv, for every value written: the
 * range of every nullable id, the required fields and patterns of a nullable object (the investment page's
 * serialization 31.4 µs with them, 26.2 without; docs/api-performance.md, tenth round). A type list is one `typeof` test, and it writes the
 * same text. Where the branch had more to check, its keywords stay and are ignored by the writer, as everywhere
 * else in an answer: a nullable object then drops undeclared fields like any other object, instead of failing the
 * branch (an error answer).
 */
export function writtenBy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(writtenBy);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  const listed = nullableBranch(node);
  if (listed) return writtenBy({ ...listed, type: [listed.type, 'null'] });
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = writtenBy(value);
  return copy;
}

/** The non-null branch of `{ anyOf: [X, { type: 'null' }] }` (either order, nothing beside it), when X is one plain type. */
function nullableBranch(node: Record<string, unknown>): Record<string, unknown> | undefined {
  const branches = node.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2 || Object.keys(node).length !== 1) return undefined;
  const isNull = (b: unknown) =>
    b !== null &&
    typeof b === 'object' &&
    Object.keys(b).length === 1 &&
    (b as { type?: unknown }).type === 'null';
  const other = isNull(branches[0]) ? branches[1] : isNull(branches[1]) ? branches[0] : undefined;
  if (other === null || typeof other !== 'object') return undefined;
  const branch = other as Record<string, unknown>;
  if (typeof branch.type !== 'string' || !LISTABLE.has(branch.type)) return undefined;
  if (COMBINING.some((key) => key in branch)) return undefined;
  return branch;
}
