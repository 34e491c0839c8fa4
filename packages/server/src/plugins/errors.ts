import type { ErrorIssue } from '@kadr/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

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
    const issues: ErrorIssue[] = error.validation.map((v) => ({
      path: issuePath(context, v.instancePath),
      message: v.message ?? 'invalid',
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
