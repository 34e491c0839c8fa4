import { Column, getTableName, is, SQL } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';

/** One selected field of a prepared select, as Drizzle lists them (`orderSelectedFields`): its path and column. */
interface SelectedField {
  path: string[];
  field: unknown;
}

/** What a Drizzle prepared select holds to turn its array rows into objects (internal in Drizzle's types). */
interface PreparedSelect {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/** Turns a driver's value into the field's (a column, or an expression's `mapWith`). */
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/** A page's rows without the count column, and the count of the first row (0 without rows). */
export interface CountedRows {
  rows: Record<string, unknown>[];
  total: number;
}

/** How one key of a row object is filled: a value (its column and decoder) or a nested object. */
type Slot =
  | { key: string; index: number; decode: ((value: unknown) => unknown) | undefined }
  | { key: string; slots: Slot[]; nullWhenNull: number | undefined };

/**
 * Instants by the text the driver gave for them, one map for timestamps with a time zone and one without (the
 * same text is another instant there); emptied when full.
 */
const instants = [new Map<string, number>(), new Map<string, number>()] as const;
const MAX_INSTANTS = 4096;

/**
 * A timestamp column's decoding that parses each text once: a list's pages show the same rows' timestamps
 * again and again, and a Date made from a number costs a fraction of one parsed from text (two timestamps a
 * row were a tenth of the organisation list's own cost; docs/api-performance.md, ninth round). Answers the
 * same instant as the column's own `mapFromDriverValue`, as a new Date each time.
 */
function rememberedInstants(column: Decoder & { withTimezone: boolean }): (value: unknown) => unknown {
  const known = instants[column.withTimezone ? 1 : 0];
  return (value) => {
    if (typeof value !== 'string') return column.mapFromDriverValue(value);
    let time = known.get(value);
    if (time === undefined) {
      time = (column.mapFromDriverValue(value) as Date).getTime();
      if (known.size >= MAX_INSTANTS) known.clear();
      known.set(value, time);
    }
    return new Date(time);
  };
}

/** Column's own mapFromDriverValue, which answers the value unchanged: such columns are not called per row. */
const identity = Column.prototype.mapFromDriverValue;

/**
 * Makes the prepared select answer a page's rows as `CountedRows`: the same objects Drizzle's row mapping makes
 * (nested by table, a left-joined table's object null when its first column is null, each value decoded by its
 * column or `mapWith`), without the column `countKey`, whose value on the first row is the total. Drizzle's own
 * mapping walks every field's path and checks its kind for every row; this plan is made once per statement, and
 * written as one function (`filler`), so a named list's row costs one object literal (docs/api-performance.md).
 * Answers false, leaving the statement as it was, when it holds a field of another kind (an aliased expression, a
 * subquery) or not the expected parts.
 */
export function answerCountedRows(statement: unknown, countKey: string): boolean {
  const prepared = statement as PreparedSelect;
  if (!Array.isArray(prepared.fields) || !('customResultMapper' in prepared)) return false;
  const countIndex = prepared.fields.findIndex((f) => f.path.length === 1 && f.path[0] === countKey);
  const slots = planSlots(
    prepared.fields.map((f, index) => ({ ...f, index })).filter((f) => f.index !== countIndex),
    prepared.joinsNotNullableMap,
  );
  if (countIndex < 0 || !slots) return false;
  const fill = filler(slots);
  if (!fill) return false;
  prepared.customResultMapper = (rows): CountedRows => {
    const objects: Record<string, unknown>[] = new Array(rows.length);
    for (let n = 0; n < rows.length; n++) objects[n] = fill(rows[n]!);
    return { rows: objects, total: rows.length > 0 ? Number(rows[0]![countIndex]) : 0 };
  };
  return true;
}

/** The slots of the fields in Drizzle's order: a key's first field decides where it stands in the object. */
function planSlots(
  fields: (SelectedField & { index: number })[],
  notNullable: Record<string, boolean> | undefined,
): Slot[] | undefined {
  const top: Slot[] = [];
  for (const { path, field, index } of fields) {
    // An SQL field's decoder is its mapWith (Drizzle's own property, internal in its types).
    const decoder: Decoder | undefined = is(field, Column)
      ? field
      : is(field, SQL)
        ? (field as unknown as { decoder: Decoder }).decoder
        : undefined;
    if (!decoder) return undefined;
    let level = top;
    for (const key of path.slice(0, -1)) {
      let nested = level.find((s) => s.key === key);
      if (!nested) {
        nested = { key, slots: [], nullWhenNull: undefined };
        level.push(nested);
      }
      if (!('slots' in nested)) return undefined;
      level = nested.slots;
    }
    const decode =
      decoder.mapFromDriverValue === identity
        ? undefined
        : is(field, PgTimestamp)
          ? rememberedInstants(field as Decoder & { withTimezone: boolean })
          : decoder.mapFromDriverValue.bind(decoder);
    level.push({ key: path.at(-1)!, index, decode });
  }
  if (notNullable)
    for (const slot of top) if ('slots' in slot) slot.nullWhenNull = nullIndex(slot, fields, notNullable);
  return top;
}

/**
 * Drizzle's rule for a table's object in a row with joins: it is null when the first of its columns is null, all
 * of its columns are of that one table, and the table is joined so that it may be missing (a left join).
 */
function nullIndex(
  slot: { key: string },
  fields: (SelectedField & { index: number })[],
  notNullable: Record<string, boolean>,
): number | undefined {
  const columns = fields.filter((f) => f.path.length === 2 && f.path[0] === slot.key && is(f.field, Column));
  const tables = new Set(columns.map((f) => getTableName((f.field as Column).table)));
  const [first] = columns;
  if (!first || tables.size !== 1 || notNullable[[...tables][0]!]) return undefined;
  return first.index;
}

/**
 * A function that makes a row's object as the slots say, written for them once: one object literal (nested ones
 * for tables), whose shape V8 knows, where a loop over the slots added each key to an empty object in turn (a
 * store by a key read at run time, for every value of every row; docs/api-performance.md, tenth round). The keys
 * are the selection's own names, written as JSON strings; undefined for `__proto__`, which a literal would take
 * as the prototype.
 */
function filler(slots: Slot[]): ((row: unknown[]) => Record<string, unknown>) | undefined {
  const decoders: ((value: unknown) => unknown)[] = [];
  const literal = (level: Slot[]): string | undefined => {
    const parts: string[] = [];
    for (const slot of level) {
      if (slot.key === '__proto__') return undefined;
      const key = JSON.stringify(slot.key);
      if ('slots' in slot) {
        const nested = literal(slot.slots);
        if (nested === undefined) return undefined;
        parts.push(
          slot.nullWhenNull === undefined
            ? `${key}: ${nested}`
            : `${key}: row[${slot.nullWhenNull}] === null ? null : ${nested}`,
        );
        continue;
      }
      const value = `row[${slot.index}]`;
      if (slot.decode === undefined) {
        parts.push(`${key}: ${value}`);
        continue;
      }
      decoders.push(slot.decode);
      parts.push(`${key}: ${value} === null ? null : decoders[${decoders.length - 1}](${value})`);
    }
    return `{ ${parts.join(', ')} }`;
  };
  const body = literal(slots);
  if (body === undefined) return undefined;
  return new Function('decoders', `return function fill(row) { return ${body}; };`)(decoders) as (
    row: unknown[],
  ) => Record<string, unknown>;
}
