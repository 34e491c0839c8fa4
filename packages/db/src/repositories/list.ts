import { and, asc, type Column, desc, eq, ilike, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';

/** Paging and sorting of a list query, already validated by the contracts. */
export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

/** A page of records. */
export interface RecordPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Set by a capped count (`ListQuery.countCap`): true when more than `total` records match. */
  totalCapped?: boolean;
}

/** LIMIT and OFFSET of a page. */
function limitOffset(params: ListParams): { limit: number; offset: number } {
  return { limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
}

/** Escapes LIKE wildcards so that a search for `50%` finds the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What a list reads: the rows of its tables, its filters, what `sort` may name. */
export interface ListQuery<Rows extends PgSelect, T> {
  /** The rows: a dynamic select (`.$dynamic()`) with its joins, not yet filtered. */
  rows: Rows;
  /** The conditions every listed record meets; undefined ones (filters not asked for) are left out. */
  filters: (SQL | undefined)[];
  /** The columns or expressions `sort` may name (`field` or `-field`). */
  sortable: Record<string, SQLWrapper>;
  /** The order when `sort` names nothing sortable. */
  fallback: SQL;
  /** The id, the last key of every order, so that pages never overlap. */
  id: SQLWrapper;
  /** Turns the page's rows into records. */
  present: (rows: Awaited<Rows>) => T[] | Promise<T[]>;
  /**
   * Count at most `cap` matching records, for a list too long to count on every page (the audit log): `rows`
   * selects from the same tables as the list (`select 1`, no filters yet), and the page says `totalCapped` when
   * more than `cap` match. Without it the count is exact.
   */
  countCap?: { rows: PgSelect; cap: number };
}

/** The extra column of a page's query that carries the count of every matching row. */
const TOTAL = '__listTotal';

/**
 * One page of a list: the rows that meet every filter, sorted and paged, presented, with the count of
 * all that match. Every repository's `list` is this pipeline with its own tables and filters.
 *
 * The count comes with the rows, in one query: `count(*) over ()` is computed over every matching row
 * before LIMIT and OFFSET apply, so it is the same number a separate `count(*)` with the same filter gives,
 * and a list costs one round trip instead of two (docs/api-performance.md). Only a page past the end (no
 * rows, page > 1) reads again, its first row, to learn the count.
 * @example listPage(params, { rows: selectLabs(db).$dynamic(),
 *   filters: [equalTo(l.building, params.building), search(params.q, l.code, l.room)],
 *   sortable: { code: l.code }, fallback: asc(l.code), id: l.id, present: (rows) => rows.map(toRecord) })
 */
export async function listPage<Rows extends PgSelect, T>(
  params: ListParams,
  query: ListQuery<Rows, T>,
): Promise<RecordPage<T>> {
  const { limit, offset } = limitOffset(params);
  // The selection is the builder's own (Drizzle's public `_.config`); the column is added after the joins,
  // at the top level, so every row, nested by table or flat, gets it beside its fields.
  const where = and(...query.filters);
  query.rows._.config.fields[TOTAL] = query.countCap
    ? cappedCount(query.countCap.rows, where, query.countCap.cap)
    : sql<number>`count(*) over ()`.mapWith(Number);
  const page = query.rows
    .where(where)
    .orderBy(...orderByExpression(params.sort, query.sortable, query.fallback, query.id));
  let rows = (await page.limit(limit).offset(offset)) as Record<string, unknown>[];
  let total = rows.length > 0 ? (rows[0]![TOTAL] as number) : 0;
  if (rows.length === 0 && offset > 0) {
    const [first] = (await page.limit(1).offset(0)) as Record<string, unknown>[];
    total = first ? (first[TOTAL] as number) : 0;
  }
  rows = rows.map(({ [TOTAL]: _total, ...row }) => row);
  const cap = query.countCap?.cap;
  return {
    items: await query.present(rows as Awaited<Rows>),
    total: cap === undefined ? total : Math.min(total, cap),
    page: params.page,
    pageSize: params.pageSize,
    ...(cap === undefined ? {} : { totalCapped: total > cap }),
  };
}

/**
 * The count of the rows that meet `where`, reading at most `cap + 1` of them: a scalar subquery that does not
 * depend on the page's row, so the database computes it once for the page (an InitPlan), and the page itself
 * reads only its own rows through an index on the sort, where `count(*) over ()` would read and sort every
 * matching row first (docs/api-performance.md, ADR 0015).
 */
function cappedCount(rows: PgSelect, where: SQL | undefined, cap: number): SQL<number> {
  return sql<number>`(select count(*) from (${rows.where(where).limit(cap + 1)}) as capped)`.mapWith(Number);
}

/** `column = value`, or no condition when the filter was not asked for (undefined or empty text). */
export function equalTo<T>(column: Column, value: T | undefined): SQL | undefined {
  return value === undefined || value === '' ? undefined : eq(column, value);
}

/** A case-insensitive search for `q` in any of the columns, or no condition without `q`. */
export function search(q: string | undefined, ...columns: (Column | SQL)[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = likePattern(q);
  return or(...columns.map((column) => ilike(column, pattern)));
}

/**
 * Turns `sort` (`field` or `-field`, a column or a computed expression such as a count) into ORDER BY
 * terms, with the id as the stable last key so that pages never overlap.
 */
function orderByExpression(
  sort: string | undefined,
  sortable: Record<string, SQLWrapper>,
  fallback: SQL,
  id: SQLWrapper,
): SQL[] {
  const descending = sort?.startsWith('-') ?? false;
  const expression = sort ? sortable[descending ? sort.slice(1) : sort] : undefined;
  if (!expression) return [fallback, asc(id)];
  return [descending ? desc(expression) : asc(expression), asc(id)];
}
