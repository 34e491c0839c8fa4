import { z } from 'zod';
import { PASSWORD_PROBLEMS } from './password-limits.ts';
import { PATTERN_NAMES, VALIDATION_RULES } from './rules.ts';

/**
 * The one catalogue of API error codes. Every error the API answers carries one of these codes,
 * a human message and optional details (the field, row or column at fault).
 * The HTTP status belongs to the code, so clients may branch on either.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid' },
  BAD_REQUEST: { status: 400, message: 'The request cannot be processed' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password' },
  SESSION_EXPIRED: { status: 401, message: 'The session has expired; sign in again' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, message: 'Missing or wrong CSRF token' },
  ACCOUNT_DISABLED: { status: 403, message: 'This account is deactivated' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such API route' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state' },
  EMAIL_TAKEN: { status: 409, message: 'A user with this email already exists' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many attempts; try again later' },
  FILE_TOO_LARGE: { status: 413, message: 'The file is larger than the upload limit' },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: 'This type of file is not accepted here' },
  IMPORT_FAILED: {
    status: 400,
    message: 'The import was refused: some rows are not valid, nothing was written',
  },
  BOOKING_CONFLICT: { status: 409, message: 'The asset is already booked for an overlapping time' },
  INVALID_TRANSITION: { status: 409, message: 'This status change is not allowed from the current status' },
  ALLOCATION_CHECK_FAILED: {
    status: 409,
    message: 'The checker refused this allocation; it cannot be published',
  },
  ALLOCATION_STALE: {
    status: 409,
    message: 'Rankings changed since the allocation was run; run it again before publishing',
  },
  RESPONSE_CLOSED: { status: 409, message: 'The deadline to accept or decline this place has passed' },
  LINK_USED: { status: 410, message: 'This link has already been used; ask the university for a new one' },
  LINK_EXPIRED: { status: 410, message: 'This link has expired; ask the university for a new one' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; message: string }>;

/** A stable error code, such as `VALIDATION_FAILED`. */
export type ErrorCode = keyof typeof errorCatalogue;

/**
 * Why a value was refused, for clients to say in their own language (see `issueReasonOf` in rules.ts): the zod
 * issue code (`too_small`, `too_big`, `invalid_type`, `invalid_format`, `invalid_value`, `custom`, …) with the
 * contracts' rule, pattern or password problem it broke, the format it missed, and the limits of a size rule.
 */
export const issueReasonSchema = z.object({
  code: z.string(),
  rule: z.enum(VALIDATION_RULES).optional(),
  pattern: z.enum(PATTERN_NAMES as [string, ...string[]]).optional(),
  problem: z.enum(PASSWORD_PROBLEMS).optional(),
  format: z.string().optional(),
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});

/**
 * One problem inside a request: where (`path`, e.g. `body.email` or `row 4, column cost`), what (`message`, in
 * English) and why, as a stable machine `reason`.
 */
export const errorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  reason: issueReasonSchema.optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/** The body of every error answer: `{ "error": { "code", "message", "details" } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .object({ issues: z.array(errorIssueSchema).optional() })
      .catchall(z.unknown())
      .optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
