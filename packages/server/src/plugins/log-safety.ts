import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/**
 * What never reaches a log line: the values bound to a failed query (Drizzle writes them into the error's
 * message after `params:`), password hashes, personal API tokens and session cookies.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\nparams: [^\n]*/g, '\nparams: [redacted]'],
  [/\$argon2[a-z]*\$[^\s,'")\]]*/g, '[redacted hash]'],
  [/\bkadr_[A-Za-z0-9_-]{8,}/g, '[redacted token]'],
];

/** Removes bound query values, password hashes and tokens from a text meant for a log or a terminal. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** An error as logged. */
export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/**
 * An error as a log may show it: type, code, message and stack with secrets removed, and its causes the same
 * way. The driver's own fields (`params`, `query`, `detail`, which can quote a value) are left out.
 */
export function safeErrorOf(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error))
    return { type: typeof error, message: redactSecrets(String(error)), stack: '' };
  const safe: SafeError = {
    type: error.constructor?.name ?? error.name,
    message: redactSecrets(error.message),
    stack: redactSecrets(error.stack ?? ''),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') safe.code = code;
  if (error.cause !== undefined && depth < 4) safe.cause = safeErrorOf(error.cause, depth + 1);
  return safe;
}

/**
 * Fastify logger options with the safe error serializer and the credentials of a request redacted, on top of
 * the options given (`true`, a level, a stream).
 */
export function safeLoggerOptions(
  logger: FastifyServerOptions['logger'],
): Exclude<FastifyServerOptions['logger'], undefined> {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: { ...base.serializers, err: safeErrorOf, error: safeErrorOf },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
}

/**
 * One log line per request instead of Fastify's two ("incoming request", then "request completed"): the
 * request, its answer and the time it took, written when it is answered. Half the logging cost of a request
 * (docs/api-performance.md); errors are still logged as Fastify logs them.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
