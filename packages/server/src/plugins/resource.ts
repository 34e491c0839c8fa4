import { idParamSchema, type Page, pageOf } from '@kadr/contracts';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import type { App } from '../deps.ts';
import type { Policy } from '../policy.ts';
import { created, noContent, routeOptions } from './route.ts';

/** Who reads and who writes a resource, the tag it is listed under and the schema of one record. */
export interface ResourceOptions<Item extends z.ZodType> {
  tag: string;
  read: Policy;
  write: Policy;
  item: Item;
}

/** A service function's answer: one record as the item schema describes it. */
type One<Item extends z.ZodType> = Promise<z.output<Item>>;

/**
 * Declares the standard routes of the resource at `path`, one call a route: `list` (GET path, a page),
 * `get` (GET path/:id, optionally with a detail schema), `create` (POST path, 201), `update` (PATCH path/:id) and `remove` (DELETE
 * path/:id, 204). Each takes the summary, the schema of its input and the service function that does
 * the work; reads use the `read` policy, writes the `write` policy. A resource declares only the
 * routes it has; a route of another shape (a download, a transition, aggregates) is declared with
 * `api.get(path, policy, service, spec)` (plugins/declare-routes.ts), which also reaches this function as
 * `api.resource(path, { read, write, item })`.
 * @example api.resource('/api/labs', { read: RECORD_READERS, write: ADMIN_ONLY, item: labSchema })
 *   .list('List labs', labListQuerySchema, listLabs)
 *   .get('One lab', getLab);
 */
export function resourceRoutes<Item extends z.ZodType>(
  app: App,
  path: string,
  options: ResourceOptions<Item>,
) {
  const { read, write, item } = options;
  const tagged = routeOptions(options.tag);
  const params = idParamSchema;
  // The signatures below tie each service function to its schemas; inside, Fastify cannot resolve
  // generic schemas, so the routes are added through the untyped instance with untyped options.
  const untyped = app as unknown as FastifyInstance;
  const route = (policy: Policy, summary: string, schema: FastifySchema) => tagged(policy, summary, schema);
  const resource = {
    list<Q extends z.ZodType>(
      summary: string,
      querystring: Q,
      list: (ctx: ServiceContext, query: z.output<Q>) => Promise<Page<z.output<Item>>>,
    ) {
      const schema = { querystring, response: { 200: pageOf(item) } };
      untyped.get(path, route(read, summary, schema), async (request) =>
        list(request.ctx, request.query as z.output<Q>),
      );
      return resource;
    },
    get<I extends z.ZodType = Item>(
      summary: string,
      get: (ctx: ServiceContext, id: number) => One<I>,
      /** The schema of the answer when one record shows more than a list item. */
      detail?: I,
    ) {
      const schema = { params, response: { 200: detail ?? item } };
      untyped.get(`${path}/:id`, route(read, summary, schema), async (request) =>
        get(request.ctx, idOf(request)),
      );
      return resource;
    },
    create<B extends z.ZodType>(
      summary: string,
      body: B,
      create: (ctx: ServiceContext, body: z.output<B>) => One<Item>,
    ) {
      const schema = { body, response: { 201: item } };
      untyped.post(path, route(write, summary, schema), async (request, reply) =>
        created(reply, await create(request.ctx, request.body as z.output<B>)),
      );
      return resource;
    },
    update<B extends z.ZodType>(
      summary: string,
      body: B,
      update: (ctx: ServiceContext, id: number, body: z.output<B>) => One<Item>,
    ) {
      const schema = { params, body, response: { 200: item } };
      untyped.patch(`${path}/:id`, route(write, summary, schema), async (request) =>
        update(request.ctx, idOf(request), request.body as z.output<B>),
      );
      return resource;
    },
    remove(summary: string, remove: (ctx: ServiceContext, id: number) => Promise<unknown>) {
      untyped.delete(`${path}/:id`, route(write, summary, { params }), async (request, reply) =>
        noContent(reply, remove(request.ctx, idOf(request))),
      );
      return resource;
    },
  };
  return resource;
}

/** The id of a `/:id` route, already coerced to a positive integer by `idParamSchema`. */
function idOf(request: FastifyRequest): number {
  return (request.params as z.output<typeof idParamSchema>).id;
}
