import {
  type ErrorCode,
  type ErrorIssue,
  errorCatalogue,
  type IssueReason,
  ruleReason,
  type ValidationRule,
} from '@kadr/contracts';

/**
 * An expected failure with a stable code from the catalogue in @kadr/contracts.
 * The error handler turns it into `{ error: { code, message, details } }` with the code's status.
 * @example throw new AppError('NOT_FOUND', { message: 'No organisation 7' });
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(options.message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** An issue with its machine reason: every 400 field error carries one, so that clients can translate it. */
export type ReasonedIssue = ErrorIssue & { reason: IssueReason };

/**
 * An issue of a rule the server checks itself (rules.ts VALIDATION_RULES), naming the field.
 * @example fieldIssue('body.labId', 'exists', `No lab ${id}`)
 */
export function fieldIssue(
  path: string,
  rule: ValidationRule,
  message: string,
  limits: { maximum?: number } = {},
): ReasonedIssue {
  return { path, message, reason: ruleReason(rule, limits) };
}

/**
 * A validation failure listing every issue (field path, or row and column of an import). Give each issue its
 * reason ({@link fieldIssue}): the web translates the reason, and shows an issue without one in English.
 */
export function validationError(issues: ReasonedIssue[], message?: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    message: message ?? issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    details: { issues },
  });
}

/** The PostgreSQL error code of a driver error (Drizzle wraps it in `cause`, STACK.md gotcha 7). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** True when the error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}

/**
 * Runs a write, answering a unique-constraint violation with `conflict()` (a 409 naming the field) instead of 500.
 * @example withUniqueCheck(() => insert(tx, body), () => new AppError('CONFLICT', { message: 'Code in use' }))
 */
export async function withUniqueCheck<T>(work: () => Promise<T>, conflict: () => AppError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** The NOT_FOUND error of a missing record. */
export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', { message: `No ${what} ${id}` });
}
