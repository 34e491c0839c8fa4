import { z } from 'zod';
import { textSchema } from './common.ts';
import { DEFAULT_PAGE_SIZE } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { DEFAULT_PAGE_SIZE };

/** The largest page a list endpoint answers. */
export const MAX_PAGE_SIZE = 200;

/**
 * The one list convention: `?page=1&pageSize=25&sort=-createdAt&q=text` plus resource filters.
 * `sort` names one sortable field; a leading `-` sorts descending.
 * @param sortable the fields a resource allows sorting on
 * @example listQuery(['email', 'createdAt']).extend({ role: roleSchema.optional() })
 */
export function listQuery<const F extends readonly [string, ...string[]]>(sortable: F) {
  const sortValues = sortable.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    sort: z.enum(sortValues).optional(),
    q: textSchema().max(200).optional(),
  });
}

/** The shape of every list answer. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** A page of items, as answered by list endpoints. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A list counted up to a cap (the audit log): true when more items match than `total`. */
  totalCapped?: boolean;
}
