import type { FastifyReply, FastifySchema } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';
import type { Policy } from '../policy.ts';

/**
 * The routes of one capability: a Fastify plugin that `buildApp` registers with the app's
 * dependencies, made by `defineRoutes` (plugins/declare-routes.ts). Its handlers read `request.ctx`
 * (set up by the auth plugin), call one service and answer with its result.
 */
export type CapabilityRoutes = FastifyPluginAsyncZod<RouteDeps>;

/**
 * The options builder of a capability's routes: each route states who may call it (a named policy
 * from policy.ts), a one-line summary and its zod schemas, listed under the capability's tag in the
 * API reference. `declareRoutes` uses it; a route written as plain Fastify (public, cookies, uploads)
 * uses it directly.
 * @example const route = routeOptions('investments');
 *   app.get('/api/investments/:id', route(RECORD_READERS, 'One investment', { params: idParamSchema }), handler);
 */
export function routeOptions(tag: string) {
  return <S extends FastifySchema = FastifySchema>(policy: Policy, summary: string, schema?: S) => ({
    config: { policy },
    schema: { tags: [tag], summary, ...schema } as S & { tags: string[]; summary: string },
  });
}

/** The part of a reply the answer helpers use. */
interface Reply {
  status(code: number): { send(payload?: unknown): unknown };
}

/** Answers 201 Created with the new record (serialized by the route's 201 schema). */
export function created<R extends Reply>(reply: R, record: unknown): R {
  reply.status(201).send(record);
  return reply;
}

/** Waits for the work to finish, then answers 204 No Content. */
export async function noContent<R extends Reply>(reply: R, work: Promise<unknown>): Promise<R> {
  await work;
  reply.status(204).send();
  return reply;
}

/** Answers a file download: its content type and an attachment disposition with the UTF-8 file name. */
export function sendAttachment(
  reply: FastifyReply,
  body: Buffer,
  type: string,
  fileName: string,
): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
