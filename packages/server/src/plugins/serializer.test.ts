import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { serializerCompiler, writtenBy } from './serializer.ts';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (data: unknown) => string;

describe('answer serializer', () => {
  it('writes a nullable value by a type list, not by an anyOf validated for each value', () => {
    const json = z.toJSONSchema(
      z.object({ id: z.number().int().nullable(), original: z.object({ rate: z.string() }).nullable() }),
      { target: 'draft-7', io: 'output' },
    );
    const written = writtenBy(json) as { properties: Record<string, Record<string, unknown>> };
    expect(written.properties.id).toMatchObject({ type: ['integer', 'null'] });
    expect(written.properties.id).not.toHaveProperty('anyOf');
    expect(written.properties.original).toMatchObject({
      type: ['object', 'null'],
      properties: { rate: { type: 'string' } },
    });
    // The contract's own schema is left as it was.
    expect((json as { properties: Record<string, object> }).properties.id).toHaveProperty('anyOf');
  });

  it('leaves an anyOf of two values, or a branch with its own rules, as it is', () => {
    const two = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    const constant = { anyOf: [{ const: 'x', type: 'string' }, { type: 'null' }] };
    const beside = { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'a note' };
    expect(writtenBy(two)).toEqual(two);
    expect(writtenBy(constant)).toEqual(constant);
    expect(writtenBy(beside)).toEqual(beside);
  });

  it('answers the same text for nullable values, and drops undeclared fields of a nullable object', () => {
    const serialize = compile(
      z.object({
        id: z.number().int().min(0).nullable(),
        code: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .nullable(),
        original: z.object({ currency: z.string().regex(/^[A-Z]{3}$/), amount: z.string() }).nullable(),
        items: z.array(z.object({ labId: z.number().int().nullable() })),
      }),
    );
    const data = {
      id: 7,
      code: null,
      original: { currency: 'USD', amount: '10.50' },
      items: [{ labId: 1 }, { labId: null }],
    };
    expect(serialize(data)).toBe(JSON.stringify(data));
    expect(serialize({ ...data, id: null, original: null })).toBe(
      JSON.stringify({ ...data, id: null, original: null }),
    );
    // A field the contract does not declare is never written, inside a nullable object as anywhere else (by an
    // anyOf, the object failed its branch and the answer was an error).
    expect(serialize({ ...data, original: { ...data.original, secret: 'hash' } })).toBe(JSON.stringify(data));
    expect(() => serialize({ ...data, id: 1.5 })).toThrow();
  });
});
