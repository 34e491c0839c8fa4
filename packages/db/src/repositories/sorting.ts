import { asc, desc, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Like `orderByOf`, for lists that also sort on computed expressions (counts, sums): `sort` is
 * `field` or `-field`, and the id comes last so that pages never overlap.
 */
export function orderByExpr(
  sort: string | undefined,
  expressions: Record<string, SQLWrapper>,
  fallback: SQL,
  id: SQLWrapper,
): SQL[] {
  const descending = sort?.startsWith('-') ?? false;
  const expression = sort ? expressions[descending ? sort.slice(1) : sort] : undefined;
  if (!expression) return [fallback, asc(id)];
  return [descending ? desc(expression) : asc(expression), asc(id)];
}

/** A numeric SQL value (count, sum, numeric column) read back as a JS number. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
