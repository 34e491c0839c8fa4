import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import pino from 'pino';

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

/** A request as a log line shows it: never its headers (the session cookie, a bearer token, the CSRF token). */
function requestOf(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** An answer as a log line shows it: its status, never its headers (a new session's Set-Cookie). */
function replyOf(reply: { statusCode: number }) {
  return { statusCode: reply.statusCode };
}

/**
 * Fastify logger options with the safe error serializer and request and answer serializers that leave out every
 * header, on top of the options given (`true`, a level, a stream). A caller's own `req` or `res` serializer is
 * replaced: these are what keeps credentials out of the line. (pino's `redact` did the same by copying each
 * line's `req` and `res` before writing them, about half of the line's cost; see docs/api-performance.md.)
 */
export function safeLoggerOptions(
  logger: FastifyServerOptions['logger'],
): Exclude<FastifyServerOptions['logger'], undefined> {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: {
      ...base.serializers,
      req: requestOf,
      res: replyOf,
      err: safeErrorOf,
      error: safeErrorOf,
    },
  };
}

/** pino's asynchronous destination (a SonicBoom stream). */
export type LogDestination = ReturnType<typeof pino.destination>;

/** How much a log destination gathers before it writes (pino's recommendation for asynchronous logging). */
const LOG_BUFFER_BYTES = 4096;
/** The longest a gathered line waits before it is written, on a server with little to log. */
const LOG_FLUSH_MS = 1000;
/**
 * The most a log destination holds while its reader does not keep up (a stalled pipe or terminal); lines past it
 * are dropped, so that logging cannot grow the server's memory without bound.
 */
export const LOG_MAX_BUFFER_BYTES = 16 * 1024 * 1024;

/**
 * The destination of the server's log lines (`kadr serve`: standard output, fd 1): pino's asynchronous
 * destination, which gathers lines and writes them about 4 KB at a time, at least once a second, instead of
 * a blocking write for every line. What is gathered is written on a clean shutdown (`flushSync` after the
 * app closes) and when the process exits, an uncaught exception included (pino flushes on `exit`); a kill
 * that skips `exit` (SIGKILL, the kernel's OOM killer, a V8 abort, a power cut) loses the lines of the last
 * second, at most about 4 KB. While the reader of the destination does not keep up, it holds at most
 * {@link LOG_MAX_BUFFER_BYTES} and drops the lines past it (a `drop` event each).
 * @example const destination = openLogDestination(); buildApp({ database, logger: { level: 'info', stream: destination } });
 */
export function openLogDestination(dest: number | string = 1): LogDestination {
  return pino.destination({
    dest,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    periodicFlush: LOG_FLUSH_MS,
    maxLength: LOG_MAX_BUFFER_BYTES,
  });
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
