import { idParamSchema, type Page, pageOf } from '@kadr/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { Attachment } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import type { App, RouteDeps } from '../deps.ts';
import type { Policy } from '../policy.ts';
import { type ResourceOptions, resourceRoutes } from './resource.ts';
import { type CapabilityRoutes, created, noContent, routeOptions, sendAttachment } from './route.ts';

/**
 * What a route declares beside its method, path, policy and service: the OpenAPI summary, the zod schemas of
 * its input, and the schema of its answer under the status it answers with: `response` (200), `list` (200, an
 * array of it), `page` (200, a page of it: `pageOf`), `created` (201) or `accepted` (202); a route with none of
 * them answers 204 No Content once the service is done.
 */
export interface RouteSpec {
  summary: string;
  /** The path parameters; `/:id` alone needs none (`idParamSchema`, a positive integer). */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  list?: z.ZodType;
  page?: z.ZodType;
  created?: z.ZodType;
  accepted?: z.ZodType;
  /** OpenAPI media types, for downloads and uploads. */
  produces?: string[];
  consumes?: string[];
}

/** The names of a path's parameters, in order: `'/api/rounds/:id/offers/:offerId'` gives `['id', 'offerId']`. */
type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...PathParams<`/${Rest}`>]
  : Path extends `${string}:${infer Name}`
    ? [Name]
    : [];

type Out<S, K extends string> = S extends { [key in K]: infer T extends z.ZodType } ? z.output<T> : never;

/** The values of the path parameters, in path order, as the params schema (by default `idParamSchema`) parses them. */
type ParamArgs<Names extends string[], Values> = Names extends [infer Name, ...infer Rest extends string[]]
  ? [Name extends keyof Values ? Values[Name] : never, ...ParamArgs<Rest, Values>]
  : [];
type ParamValues<S> = S extends { params: z.ZodType } ? Out<S, 'params'> : z.output<typeof idParamSchema>;

/** The parsed body, or else the parsed query, or nothing. */
type InputArgs<S> = S extends { body: z.ZodType }
  ? [body: Out<S, 'body'>]
  : S extends { query: z.ZodType }
    ? [query: Out<S, 'query'>]
    : [];

/** What the service answers: the record the answer schema describes, or anything for a 204. */
type Answer<S> = S extends { response: z.ZodType }
  ? Out<S, 'response'>
  : S extends { list: z.ZodType }
    ? Out<S, 'list'>[]
    : S extends { page: z.ZodType }
      ? Page<Out<S, 'page'>>
      : S extends { created: z.ZodType }
        ? Out<S, 'created'>
        : S extends { accepted: z.ZodType }
          ? Out<S, 'accepted'>
          : unknown;

/** The service a route calls: the context, then each path parameter, then the body or the query. */
type Service<Path extends string, S, R> = (
  ctx: ServiceContext,
  ...args: [...ParamArgs<PathParams<Path>, ParamValues<S>>, ...InputArgs<S>]
) => Promise<R> | R;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** One route: the service answers what the spec's answer schema describes. */
type Declare = <Path extends string, S extends RouteSpec>(
  path: Path,
  policy: Policy,
  service: Service<Path, S, Answer<S>>,
  spec: S,
) => void;
/** One download: the service answers an {@link Attachment}. */
type DeclareDownload = <Path extends string, S extends RouteSpec>(
  path: Path,
  policy: Policy,
  service: Service<Path, S, Attachment>,
  spec: S,
) => void;

/**
 * Declares the routes of a capability one call each: method, path, the policy (from policy.ts), the
 * service function and the spec (summary and zod schemas); capabilities reach it through
 * {@link defineRoutes}. The handler is always the same: it calls the service with `request.ctx`, then each
 * path parameter in path order (`:id` as a number), then the parsed body or else the parsed query, and
 * answers its result with the status the spec names (`response`, `list` or `page` 200, `created` 201,
 * `accepted` 202, or 204 when the spec has no answer schema). `download` answers the service's
 * {@link Attachment} as a file; `resource` declares the standard routes of a resource ({@link resourceRoutes}).
 * The compiler checks the service against the schemas. Public routes (no service context), uploads and
 * routes that set cookies are plain Fastify with `routeOptions`.
 * @example api.post('/api/rounds/:id/next-round', ALLOCATION_OFFICERS, createNextRound, {
 *     summary: 'Open the next round',
 *     body: nextRoundBodySchema,
 *     created: nextRoundSchema,
 *   }); // createNextRound(ctx, id: number, body) answers 201
 */
export function declareRoutes(app: App, tag: string) {
  const route = routeOptions(tag);
  // The signatures check each service against its schemas; inside, Fastify cannot resolve generic
  // schemas, so the routes are added through the untyped instance.
  const untyped = app as unknown as FastifyInstance;
  const call = (path: string, spec: RouteSpec, service: (...args: never[]) => unknown) => {
    const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
    const input = spec.body ? 'body' : spec.query ? 'query' : undefined;
    return (request: FastifyRequest) => {
      const params = request.params as Record<string, unknown>;
      const args = names.map((name) => params[name]);
      if (input) args.push(request[input]);
      return (service as (...args: unknown[]) => unknown)(request.ctx, ...args);
    };
  };
  const schemaOf = (path: string, spec: RouteSpec): FastifySchema => {
    const { params, query, body, consumes, produces } = spec;
    const answer = answerOf(spec);
    return {
      ...(params ? { params } : path.includes('/:') ? { params: idParamSchema } : {}),
      ...(query ? { querystring: query } : {}),
      ...(body ? { body } : {}),
      ...(answer ? { response: { [answer.status]: answer.schema } } : {}),
      ...(consumes ? { consumes } : {}),
      ...(produces ? { produces } : {}),
    };
  };
  const declare =
    (method: Method): Declare =>
    (path, policy, service, spec) => {
      const handle = call(path, spec, service);
      const status = answerOf(spec)?.status;
      untyped[method](path, route(policy, spec.summary, schemaOf(path, spec)), async (request, reply) => {
        if (!status) return noContent(reply, Promise.resolve(handle(request)));
        const answer = await handle(request);
        if (status === 201) return created(reply, answer);
        return status === 202 ? reply.status(202).send(answer) : answer;
      });
    };
  const download: DeclareDownload = (path, policy, service, spec) => {
    const handle = call(path, spec, service) as (request: FastifyRequest) => Promise<Attachment>;
    untyped.get(path, route(policy, spec.summary, schemaOf(path, spec)), async (request, reply) =>
      answerFile(reply, await handle(request)),
    );
  };
  return {
    get: declare('get'),
    post: declare('post'),
    put: declare('put'),
    patch: declare('patch'),
    delete: declare('delete'),
    download,
    /** The standard routes of a resource at `path` under this tag: see {@link resourceRoutes}. */
    resource: <Item extends z.ZodType>(path: string, access: Omit<ResourceOptions<Item>, 'tag'>) =>
      resourceRoutes(app, path, { tag, ...access }),
  };
}

/** The status and schema of a route's answer; none for a 204. */
function answerOf(spec: RouteSpec): { status: 200 | 201 | 202; schema: z.ZodType } | undefined {
  if (spec.response) return { status: 200, schema: spec.response };
  if (spec.list) return { status: 200, schema: z.array(spec.list) };
  if (spec.page) return { status: 200, schema: pageOf(spec.page) };
  if (spec.created) return { status: 201, schema: spec.created };
  if (spec.accepted) return { status: 202, schema: spec.accepted };
  return undefined;
}

function answerFile(reply: FastifyReply, file: Attachment): FastifyReply {
  for (const [name, value] of Object.entries(file.headers ?? {})) reply.header(name, value);
  return sendAttachment(reply, file.body, file.type, file.fileName);
}

/** What `declareRoutes` answers: `get`, `post`, `put`, `patch`, `delete`, `download` and `resource`. */
export type RouteDeclarations = ReturnType<typeof declareRoutes>;

/**
 * The route plugin of a capability (see `routes.ts`): `declare` receives the route declarations of `tag`
 * ({@link declareRoutes}), and the app and its dependencies for what is not a declaration (a sub-plugin with
 * multipart parsing, a public route).
 * @example export const investmentRoutes = defineRoutes('investments', (api) => {
 *   api.get('/api/investments/aggregates', CHART_READERS, investmentAggregates, { summary, query, response });
 * });
 */
export function defineRoutes(
  tag: string,
  declare: (api: RouteDeclarations, app: App, deps: RouteDeps) => void | Promise<void>,
): CapabilityRoutes {
  return async (app, deps) => {
    await declare(declareRoutes(app, tag), app, deps);
  };
}
