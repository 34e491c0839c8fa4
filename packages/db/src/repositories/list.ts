import { and, asc, type Column, desc, eq, ilike, or, type SQL, type SQLWrapper } from 'drizzle-orm';
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
}

/** LIMIT and OFFSET of a page. */
function limitOffset(params: ListParams): { limit: number; offset: number } {
  return { limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
}

/** Escapes LIKE wildcards so that a search for `50%` finds the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What a list reads: the two queries over the same tables, its filters, what `sort` may name. */
export interface ListQuery<Rows extends PgSelect, Total extends PgSelect, T> {
  /** The rows: a dynamic select (`.$dynamic()`) with its joins, not yet filtered. */
  rows: Rows;
  /** The count: `select({ n: count() })` over the same tables and joins, as a dynamic select. */
  count: Total;
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
}

/**
 * One page of a list: the rows that meet every filter, sorted and paged, presented, with the count of
 * all that match. Every repository's `list` is this pipeline with its own tables and filters.
 * @example listPage(params, { rows: selectLabs(db).$dynamic(), count: db.select({ n: count() }).from(l).$dynamic(),
 *   filters: [equalTo(l.building, params.building), search(params.q, l.code, l.room)],
 *   sortable: { code: l.code }, fallback: asc(l.code), id: l.id, present: (rows) => rows.map(toRecord) })
 */
export async function listPage<Rows extends PgSelect, Total extends PgSelect, T>(
  params: ListParams,
  query: ListQuery<Rows, Total, T>,
): Promise<RecordPage<T>> {
  const where = and(...query.filters);
  const order = orderByExpression(params.sort, query.sortable, query.fallback, query.id);
  const { limit, offset } = limitOffset(params);
  const rows = (await query.rows
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)) as Awaited<Rows>;
  const [total] = (await query.count.where(where)) as { n: number }[];
  return {
    items: await query.present(rows),
    total: total?.n ?? 0,
    page: params.page,
    pageSize: params.pageSize,
  };
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
