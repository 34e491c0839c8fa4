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
 * {@link LOG_MAX_BUFFER_BYTES} and drops the lines past it (a `drop` event for each 4 KB handed over).
 *
 * The lines are gathered in front of SonicBoom and handed to it 4 KB at a time: its `write` measures the UTF-8
 * length of everything it has gathered for every line it is given (a rope of the lines, flattened each time),
 * about 3 µs a line at 4 KB against under 1 µs gathered here (docs/api-performance.md, twelfth round).
 * @example const destination = openLogDestination(); buildApp({ database, logger: { level: 'info', stream: destination } });
 */
export function openLogDestination(dest: number | string = 1): LogDestination {
  const sonic = pino.destination({
    dest,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    maxLength: LOG_MAX_BUFFER_BYTES,
  });
  const write = sonic.write.bind(sonic);
  const flush = sonic.flush.bind(sonic);
  const flushSync = sonic.flushSync.bind(sonic);
  const end = sonic.end.bind(sonic);
  let gathered = '';
  const handOver = () => {
    if (gathered === '') return;
    const lines = gathered;
    gathered = '';
    write(lines);
  };
  // The instance's own methods, so that pino's exit handler and EPIPE filter, which call and replace them on
  // the stream, see the gathered lines too.
  Object.assign(sonic, {
    write(line: string): boolean {
      // A closed stream refuses the line itself, as SonicBoom does, instead of gathering it.
      if ((sonic as { destroyed?: boolean }).destroyed) return write(line);
      gathered += line;
      // A length in UTF-16 units: at most the UTF-8 bytes, so a hand-over is 4 KB or more.
      if (gathered.length >= LOG_BUFFER_BYTES) handOver();
      return true;
    },
    flush(callback?: (error?: Error) => void): void {
      handOver();
      flush(callback);
    },
    flushSync(): void {
      handOver();
      flushSync();
    },
    end(): void {
      handOver();
      end();
    },
  });
  // Lines of a quiet server wait at most LOG_FLUSH_MS: SonicBoom's own periodicFlush, which would not see the
  // gathered lines, made here (a stream closed by an end or an error is destroyed: left alone).
  const timer = setInterval(() => {
    if (!(sonic as { destroyed?: boolean }).destroyed) sonic.flush();
  }, LOG_FLUSH_MS);
  timer.unref();
  sonic.once('close', () => clearInterval(timer));
  return sonic;
}

const { chindingsSym, lsCacheSym, needsMetadataGsym, streamSym, timeSym } = pino.symbols;

/**
 * A pino logger's own parts, read by pino's exported symbols (typed as plain symbols): `lsCacheSym` the opening
 * of a line by level value (`{"level":30`), `timeSym` the time field (`,"time":1765090800000`), `chindingsSym` the
 * bindings of the logger and its parents (`,"pid":1,"hostname":"h","reqId":"..."`), `streamSym` its destination.
 */
type PinoParts = Record<symbol, unknown> & { isLevelEnabled(level: string): boolean };
type LineStream = Record<symbol, unknown> & { write(line: string): unknown };

/** pino's level value of `info`. */
const INFO = 30;
const json = JSON.stringify;

/** `,"key":"text"`, or nothing for undefined (JSON.stringify leaves an undefined property out). */
function textField(key: string, value: string | undefined): string {
  return value === undefined ? '' : `,"${key}":${json(value)}`;
}

/**
 * The line pino writes for `log.info({ req: request, res: reply, responseTime }, 'request completed')` with the
 * serializers of {@link safeLoggerOptions}, field for field, made as one template instead of through pino's
 * serializers and its generic stringify (about 15 µs a request under load; docs/api-performance.md, ninth round).
 * For a logger with pino's default line (no formatters, mixin, hooks or message key): see {@link isPlainLogger}.
 */
export function completedLine(log: unknown, request: FastifyRequest, reply: FastifyReply): string {
  const parts = log as PinoParts;
  const start = (parts[lsCacheSym] as Record<number, string>)[INFO];
  const time = (parts[timeSym] as () => string)();
  const req = requestOf(request);
  const port = req.remotePort === undefined ? '' : `,"remotePort":${req.remotePort}`;
  return (
    `${start}${time}${parts[chindingsSym] as string}` +
    `,"req":{"method":${json(req.method)},"url":${json(req.url)}${textField('host', req.host)}` +
    `${textField('remoteAddress', req.remoteAddress)}${port}}` +
    `,"res":{"statusCode":${reply.statusCode}},"responseTime":${json(reply.elapsedTime)},"msg":"request completed"}\n`
  );
}

/**
 * Whether Fastify's logger is a pino logger built from options that leave its line as it is by default (`true`, or
 * only a level and a stream: what `kadr serve`, the bench and the tests pass), so that {@link completedLine}
 * writes what pino would. False without a logger (Fastify's silent one has no stream).
 */
export function isPlainLogger(logger: FastifyServerOptions['logger']): boolean {
  if (!logger) return false;
  if (logger === true) return true;
  return Object.keys(logger).every((key) => key === 'level' || key === 'stream');
}

/**
 * One log line per request instead of Fastify's two ("incoming request", then "request completed"): the
 * request, its answer and the time it took, written when it is answered. Half the logging cost of a request
 * (docs/api-performance.md); errors are still logged as Fastify logs them. With a plain logger
 * ({@link isPlainLogger}) an answered request's line is {@link completedLine}, written to pino's stream.
 */
export class OneLinePerRequest extends LogController {
  constructor(private readonly plain: boolean) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const log = reply.log as unknown as PinoParts;
    const stream = log[streamSym] as LineStream | undefined;
    if (!error && this.plain && stream && !stream[needsMetadataGsym]) {
      if (log.isLevelEnabled('info')) stream.write(completedLine(log, request, reply));
      return;
    }
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
