import { type IssueLike, issueReasonOf } from '@kadr/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, pgErrorCode, type ReasonedIssue } from '../errors.ts';

/** `details.reason` of a 400 for a value the database refused (PostgreSQL error class 22). */
export const DATABASE_REFUSED_VALUE = 'DATABASE_REFUSED_VALUE';

function issuePath(context: string | undefined, instancePath: string): string {
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  const rest = instancePath.split('/').filter(Boolean).join('.');
  return rest ? `${where}.${rest}` : where;
}

/** Maps an error thrown anywhere in a request to the one error answer of the API. */
function toAppError(error: FastifyError | AppError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const issues: ReasonedIssue[] = error.validation.map((v) => ({
      path: issuePath(context, v.instancePath),
      message: v.message ?? 'invalid',
      reason: issueReasonOf({ ...(v.params as object), code: v.keyword } as IssueLike),
    }));
    return new AppError('VALIDATION_FAILED', {
      message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      details: { issues },
    });
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? new AppError('PAYLOAD_TOO_LARGE')
        : new AppError('BAD_REQUEST', { message: 'The body is not valid JSON' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', { message: fastifyError.message });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return new AppError('BAD_REQUEST', { message: fastifyError.message });
  }
  // PostgreSQL's class 22 (data exception: a value out of range, a NUL byte, a date it cannot hold) is input the
  // contracts should have refused. Answered 400 rather than 500, and logged as a warning so that the gap is seen;
  // the fuzz tier fails on this answer (details.reason), so every such value still gets its field-naming rule.
  if (pgErrorCode(error)?.startsWith('22')) {
    request.log.warn({ err: error }, 'the database refused a value the contracts let through');
    return new AppError('BAD_REQUEST', {
      message: 'A value in the request cannot be stored',
      details: { reason: DATABASE_REFUSED_VALUE },
    });
  }
  request.log.error({ err: error }, 'unexpected error');
  return new AppError('INTERNAL');
}

/** Sends the `{ error: { code, message, details, requestId } }` answer. */
export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      requestId: String(reply.request.id),
    },
  });
}

/** Installs the one error handler: every failure answers with a stable code. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(reply, toAppError(error, request)));
}
