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
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' });
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
