import { type IssueReason, parseKzt, ruleReason } from '@kadr/contracts';
import { type CellIssue, REQUIRED } from './importer.ts';

/** The result of reading one cell: its value, or why not (the English message and the machine reason). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; reason: IssueReason };

/** One column of an import file: its documentation and how its text becomes a value. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  format: string;
  example: string;
  /** Reads a non-empty cell. Empty optional cells give `undefined` without calling it. */
  parse: (text: string) => Parsed<unknown>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string, reason: IssueReason): Parsed<never> => ({ ok: false, message, reason });
const KNOWN_VALUE = ruleReason('knownValue');
const DATE: IssueReason = { code: 'invalid_format', format: 'date' };

/** The cell's text as it is, for columns whose rules the row's contract schema checks (see `checkRow`). */
export function asText(t: string): Parsed<string> {
  return ok(t);
}

/** One of a fixed list of codes (case-insensitive). */
export function oneOf(values: readonly string[]): ColumnSpec['parse'] {
  return (t) => {
    const value = t.toLowerCase();
    return values.includes(value) ? ok(value) : fail(`Use one of: ${values.join(', ')}`, KNOWN_VALUE);
  };
}

/** A list of codes separated by `;`, `,`, `|` or spaces. */
export function listOf(values: readonly string[]): ColumnSpec['parse'] {
  return (t) => {
    const items = [
      ...new Set(
        t
          .toLowerCase()
          .split(/[;,|\s]+/)
          .filter(Boolean),
      ),
    ];
    const bad = items.filter((i) => !values.includes(i));
    return bad.length === 0
      ? ok(items)
      : fail(`Unknown: ${bad.join(', ')}; use ${values.join(', ')}`, KNOWN_VALUE);
  };
}

/** A tenge amount with at most 2 decimals (`1500000`, `1 500 000,50`), as tiyn; more than zero. */
export function kzt(t: string): Parsed<number> {
  const tiyn = parseKzt(t);
  if (tiyn === undefined)
    return fail('Write a tenge amount with at most 2 decimals, e.g. 1500000.50', {
      code: 'invalid_format',
      format: 'regex',
      pattern: 'decimalAmount',
    });
  return tiyn > 0 ? ok(tiyn) : fail('Must be more than zero', ruleReason('positive'));
}

/** A whole number from `min` to `max` (`2024`, `87`). */
export function wholeNumber(min: number, max: number): ColumnSpec['parse'] {
  return (t) => {
    const value = /^[+-]?\d{1,9}$/.test(t) ? Number(t) : Number.NaN;
    if (!Number.isInteger(value)) return fail('Write a whole number', ruleReason('wholeNumber'));
    if (value < min)
      return fail(`Use a whole number from ${min} to ${max}`, {
        code: 'too_small',
        origin: 'number',
        minimum: min,
      });
    return value <= max
      ? ok(value)
      : fail(`Use a whole number from ${min} to ${max}`, { code: 'too_big', origin: 'number', maximum: max });
  };
}

/** A calendar date: `YYYY-MM-DD` or `DD.MM.YYYY`, and a real day. */
export function date(t: string): Parsed<string> {
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
  const iso = dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return fail('Write a date as YYYY-MM-DD or DD.MM.YYYY', DATE);
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso)
    ? ok(iso)
    : fail('No such date', DATE);
}

/** Reads the cells of one row by the specs: required cells present, every cell parsed. */
export function readCells(
  specs: ColumnSpec[],
  cells: Record<string, string>,
): { values: Record<string, unknown>; issues: CellIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  for (const spec of specs) {
    const raw = cells[spec.name] ?? '';
    if (raw === '') {
      if (spec.required) issues.push({ column: spec.name, message: 'Required', reason: REQUIRED });
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed.ok) values[spec.name] = parsed.value;
    else issues.push({ column: spec.name, message: parsed.message, reason: parsed.reason });
  }
  return { values, issues };
}
