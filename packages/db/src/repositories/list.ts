import { asc, type Column, desc, type SQL } from 'drizzle-orm';

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

/**
 * Turns `sort` (`field` or `-field`) into ORDER BY terms, with the id as the stable last key
 * so that pages never overlap.
 */
export function orderByOf(
  sort: string | undefined,
  columns: Record<string, Column>,
  fallback: SQL,
  id: Column,
): SQL[] {
  if (!sort) return [fallback, asc(id)];
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (!column) return [fallback, asc(id)];
  return [descending ? desc(column) : asc(column), asc(id)];
}

/** LIMIT and OFFSET of a page. */
export function limitOffset(params: ListParams): { limit: number; offset: number } {
  return { limit: params.pageSize, offset: (params.page - 1) * params.pageSize };
}

/** Escapes LIKE wildcards so that a search for `50%` finds the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
