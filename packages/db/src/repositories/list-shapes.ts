import { Column, getTableName, is, Param, Placeholder, SQL, StringChunk, sql, Table } from 'drizzle-orm';

/**
 * What a list's query binds and how it is built, read from Drizzle's SQL objects without building any text:
 * `shape` names everything but the bound values (the same shape gives the same SQL text), `values` are the
 * bound values in the order of the walk, already mapped for the driver (as Drizzle maps a Param).
 */
export interface Bindings {
  shape: string[];
  values: unknown[];
}

/** A part of a query the walk does not know how to read: such a list is built by Drizzle on every call. */
export const UNKNOWN = Symbol('unknown part');

/** What joins a shape's parts into the key of its statement. */
export const SHAPE_SEPARATOR = '\u0001';

/**
 * The shape of each part walked that binds no value (a column, a list's count column and order terms, which are
 * module constants: list.ts), as its parts joined: the same key as walking it again, at a lookup instead of a
 * walk of its chunks on every call (the organisation list's call 2.2-2.3 µs walked, 0.3 looked up: `npm run
 * bench:api:walk`, docs/api-performance.md, twelfth round). A part that binds a value is walked every time. Kadr
 * does not change a SQL part once made (Drizzle's `append` and `inlineParams` are not used on them), so a
 * remembered shape stays its own.
 */
const bindsNothing = new WeakMap<object, string>();

/**
 * Walks one part of a query (a condition, an order term, a computed column) in the order Drizzle builds it,
 * adding its shape and bound values to `into`. With `clone`, answers a copy in which every bound value is a
 * placeholder named by its index in `into.values` (`v0`, `v1`...), for building the query once per shape;
 * without it, answers the part itself. A named placeholder (`sql.placeholder('today')`, whose value the list
 * passes on every call) stays as it is. UNKNOWN for parts it cannot read: SQL with inlined values, subqueries,
 * views, enums, a placeholder wrapped in a column's Param, values Drizzle maps to SQL.
 */
export function walk(node: unknown, into: Bindings, clone: boolean): unknown {
  if (!clone) {
    const known = bindsNothing.get(node as object);
    if (known !== undefined) {
      into.shape.push(known);
      return node;
    }
  }
  if (node === undefined) {
    into.shape.push('~');
    return node;
  }
  if (is(node, StringChunk)) {
    into.shape.push(node.value.join(''));
    return node;
  }
  if (is(node, SQL)) {
    // Drizzle's own flags and decoder, internal in its types.
    const inner = node as unknown as { shouldInlineParams: boolean; decoder: unknown };
    if (inner.shouldInlineParams) return UNKNOWN;
    const shapeStart = into.shape.length;
    const valuesStart = into.values.length;
    into.shape.push('(');
    const chunks: unknown[] = [];
    for (const chunk of node.queryChunks) {
      const walked = walk(chunk, into, clone);
      if (walked === UNKNOWN) return UNKNOWN;
      chunks.push(walked);
    }
    into.shape.push(')');
    if (!clone) {
      if (into.values.length === valuesStart)
        bindsNothing.set(node, into.shape.slice(shapeStart).join(SHAPE_SEPARATOR));
      return node;
    }
    const copy = new SQL(chunks as SQL['queryChunks']);
    (copy as unknown as { decoder: unknown }).decoder = inner.decoder;
    return copy;
  }
  if (is(node, Column)) {
    const name = `${getTableName(node.table)}.${node.name}`;
    bindsNothing.set(node, name);
    into.shape.push(name);
    return node;
  }
  if (is(node, Table)) {
    into.shape.push(getTableName(node));
    return node;
  }
  if (Array.isArray(node)) {
    into.shape.push(`[${node.length}`);
    const items: unknown[] = [];
    for (const item of node) {
      const walked = walk(item, into, clone);
      if (walked === UNKNOWN) return UNKNOWN;
      items.push(walked);
    }
    return clone ? items : node;
  }
  if (is(node, Placeholder)) {
    // A value the list names (ListQuery.placeholders), passed on every call: part of the shape by its name.
    into.shape.push(`:${node.name}`);
    return node;
  }
  if (is(node, Param)) {
    if (is(node.value, Placeholder)) return UNKNOWN;
    const mapped = node.value === null ? null : node.encoder.mapToDriverValue(node.value);
    if (is(mapped, SQL)) return UNKNOWN;
    return bind(mapped, into, clone);
  }
  if (node !== null && typeof node === 'object' && !(node instanceof Date) && !Buffer.isBuffer(node)) {
    // Placeholders, names, views, subqueries, aliased SQL, enums, builders: not read here.
    return UNKNOWN;
  }
  return bind(node, into, clone);
}

function bind(value: unknown, into: Bindings, clone: boolean): unknown {
  into.shape.push('?');
  into.values.push(value);
  return clone ? sql.placeholder(`v${into.values.length - 1}`) : value;
}

/** Names the walk and the page give their own placeholders, which a list's named placeholders may not take. */
export const RESERVED_PLACEHOLDER = /^(v\d+|limit|offset)$/;

/**
 * The placeholder values of a shape's statement: `v0`, `v1`... in the walk's order, the list's named ones, and
 * the page's limits.
 */
export function placeholderValues(
  values: unknown[],
  limit: number,
  offset: number,
  placeholders: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const named: Record<string, unknown> = { ...placeholders, limit, offset };
  for (let n = 0; n < values.length; n++) named[`v${n}`] = values[n];
  return named;
}
