/** One line of a before/after comparison. */
export interface DiffRow {
  field: string;
  before: string | undefined;
  after: string | undefined;
  changed: boolean;
}

function toRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === null || value === undefined ? {} : { value };
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Compares two JSON snapshots field by field (top level), listing changed fields first.
 * @example diffSnapshots({ a: 1 }, { a: 2, b: 3 }) // a and b changed
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = toRecord(before);
  const a = toRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = fields.map((field) => {
    const beforeText = show(b[field]);
    const afterText = show(a[field]);
    return { field, before: beforeText, after: afterText, changed: beforeText !== afterText };
  });
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed));
}
