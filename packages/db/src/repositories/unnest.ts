/** Many-row inserts as one `INSERT ... SELECT FROM unnest(arrays)` per batch (fast on PGlite, STACK.md 2g). */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** Rows per statement. */
const BATCH = 5000;

/** Splits `items` into batches of `size`. */
export function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** One array parameter of an `unnest(...)` insert, cast to its element type. */
export function column<T>(rows: T[], pick: (row: T) => unknown, type: string): SQL {
  return sql`${sql.param(rows.map(pick))}::${sql.raw(type)}[]`;
}

/** Inserts rows given as one array per column in a single statement; returns the new ids in input order. */
export async function insertUnnest(
  db: Db,
  table: SQL,
  names: string,
  columns: SQL[],
  returnId: boolean,
): Promise<number[]> {
  const returning = returnId ? sql` returning id` : sql``;
  const result = await db.execute(
    sql`insert into ${table} (${sql.raw(names)}) select * from unnest(${sql.join(columns, sql`, `)})${returning}`,
  );
  // One INSERT ... SELECT takes ids from the sequence in the order of the unnest rows.
  const rows = (result as unknown as { rows: { id: number }[] }).rows ?? [];
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
