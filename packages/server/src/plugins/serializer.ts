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
    try {
      const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' });
      return fastJsonStringify(json as Parameters<typeof fastJsonStringify>[0]);
    } catch {
      // not representable as JSON Schema: fall through to zod
    }
  }
  return zodSerializerCompiler(route);
};
