import type { AuditEntity } from '@kadr/contracts';
import {
  type ImportKind,
  type IssueLike,
  type IssueReason,
  issueReasonOf,
  ruleReason,
  type ValidationRule,
} from '@kadr/contracts';
import type { Db } from '@kadr/db';
import type { ZodType } from 'zod';
import type { ColumnSpec } from './columns.ts';

/** A problem in a cell of an import row: the column, the English message and the machine reason the web translates. */
export interface CellIssue {
  column: string;
  message: string;
  reason: IssueReason;
}

/** A problem in an import file: the row as in the file (header = 1), the column, and why. */
export interface RowIssue extends CellIssue {
  row: number;
}

/** The reason of an empty required cell (as zod says of a missing value). */
export const REQUIRED: IssueReason = { code: 'invalid_type' };

/**
 * An issue of a rule the server checks on a cell, with its reason (the contracts' VALIDATION_RULES).
 * @example cellIssue('iin', 'exists', 'No enrolled student with this IIN')
 */
export function cellIssue(
  column: string,
  rule: ValidationRule,
  message: string,
  limits: { maximum?: number } = {},
): CellIssue {
  return { column, message, reason: ruleReason(rule, limits) };
}

/** A row that passed its own checks, with its typed value. */
export interface ValidRow<T> {
  row: number;
  value: T;
}

/**
 * What an import kind provides: its columns, how a row becomes a value, the checks across rows and
 * against the database, and the writes (inside the import's one transaction).
 */
export interface Importer<T> {
  kind: ImportKind;
  /** The audit log's entity of the records it creates. */
  entity: AuditEntity;
  /** Data rows a file may hold (default MAX_IMPORT_ROWS). */
  maxRows?: number;
  columns: ColumnSpec[];
  /** Builds a row's value from its parsed cells; issues name the column at fault. */
  build(values: Record<string, unknown>): { value?: T; issues: CellIssue[] };
  /** Checks rows against each other (unique keys) and the database (existing keys, references). */
  check(db: Db, rows: ValidRow<T>[]): Promise<RowIssue[]>;
  /**
   * Writes every row at `at`; returns each new record's id and its audit snapshot. A record of another entity
   * written with it (a student's enrolment) names its `entity`; it is audited but not counted as created.
   */
  write(tx: Db, rows: T[], at: Date): Promise<{ id: number; after: unknown; entity?: AuditEntity }[]>;
}

/** Issues for repeated values of a key column within the file (each repeat after the first). */
export function duplicateIssues<T>(
  rows: ValidRow<T>[],
  key: (value: T) => string,
  column: string,
): RowIssue[] {
  const firstRow = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (const { row, value } of rows) {
    const k = key(value).toLowerCase();
    const first = firstRow.get(k);
    if (first !== undefined) issues.push({ row, ...cellIssue(column, 'noRepeats', `Repeats row ${first}`) });
    else firstRow.set(k, row);
  }
  return issues;
}

/**
 * Checks a row's body with a contract's schema, the one the API checks the same record with, and names
 * the file's column of each issue (`columnOf` maps a body path such as `name.kk` or its first segment).
 * @returns the parsed body (trimmed, defaults filled) when valid, and the issues by column
 * @example checkRow(createEquipmentBodySchema.omit({ labId: true }), body, { inventoryNumber: 'inventory_number' })
 */
export function checkRow<T>(
  schema: ZodType<T>,
  body: unknown,
  columnOf: Record<string, string>,
): { value?: T; issues: CellIssue[] } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { value: parsed.data, issues: [] };
  return {
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      return {
        column: columnOf[path.join('.')] ?? columnOf[path[0] ?? ''] ?? '',
        message: issue.message,
        reason: issueReasonOf(issue as IssueLike),
      };
    }),
  };
}
