import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Database } from '@kadr/db';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertValidConfig, defaultServerConfig, type ServerConfig } from './config.ts';
import type { App, RouteDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { openSessionCache } from './auth/session-cache.ts';
import { createDeliverer, type Deliverer } from './notifications/deliverer.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler, sendError } from './plugins/errors.ts';
import { isPlainLogger, OneLinePerRequest, safeLoggerOptions } from './plugins/log-safety.ts';
import { serializerCompiler } from './plugins/serializer.ts';
import { publicRoute } from './policy.ts';
import { capabilityRoutes } from './routes.ts';

/** What the app is built from. */
export interface AppOptions {
  database: Database;
  config?: Partial<ServerConfig>;
  /** The clock; tests pass a fake one to check expiry. */
  now?: () => Date;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Keep resolved sessions for a few seconds (ADR 0013); default true. bench:api compares without. */
  sessionCache?: boolean;
}

/** A route as registered, for the policy walk test and the route list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  hasPolicy: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const DOCS_PREFIX = '/api/docs';
const APP_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

/**
 * The one inline `<style>` swagger-ui's bundle (@fastify/swagger-ui 6.1.3) adds at run time, found by loading
 * /api/docs/ in Chromium and reading the CSP violation; everything else of the page is served from 'self'.
 */
const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/**
 * The policy of the API reference: swagger-ui's own (its inline script and style allowed by hash) with no
 * framing, no outside fonts, styles or validator images, and no upgrade of requests on a plain-HTTP install.
 */
export function docsCsp(header: string): string {
  return header
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && directive !== 'upgrade-insecure-requests')
    .map((directive) =>
      directive
        .replace(/^frame-ancestors .*/, "frame-ancestors 'none'")
        .replace(/^style-src .*/, (styles) => `${styles} ${SWAGGER_UI_STYLE_HASH}`)
        .replace(/ (https:|validator\.swagger\.io)/g, ''),
    )
    .join('; ');
}

/**
 * Builds the Kadr HTTP app without listening, so that tests call `app.inject()`.
 * @example const app = await buildApp({ database }); await app.listen({ port: 3000 });
 */
export async function buildApp(
  options: AppOptions,
): Promise<App & { kadrRoutes: RegisteredRoute[]; kadrDeliverer: Deliverer | undefined }> {
  const config: ServerConfig = { ...defaultServerConfig, ...options.config };
  assertValidConfig(config);
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    // Errors are logged through a serializer that drops query values, password hashes and tokens.
    logger: safeLoggerOptions(options.logger ?? false),
    logController: new OneLinePerRequest(isPlainLogger(options.logger)),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    // The interactive API reference (registered by @fastify/swagger-ui) is public documentation.
    if (route.url.startsWith(DOCS_PREFIX) && !route.config?.policy) {
      route.config = { ...route.config, policy: publicRoute('API reference documentation') };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method, url: route.url, hasPolicy: Boolean(route.config?.policy) });
  });

  // Every answer's headers, set in one hook that takes `done` (no promise a request; see docs/api-performance.md).
  app.addHook('onSend', (request, reply, _payload, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // The API reference's pages get their own policy from swagger-ui's hook, which runs after this one.
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', APP_CSP);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kadr API',
        version: '0.1.0',
        description:
          'JSON REST API of Kadr. Errors answer `{ "error": { "code", "message", "details" } }`. Lists take ' +
          '`page`, `pageSize` (max 200), `sort` (field, `-field` for descending) and `q`. Cookie-authenticated ' +
          'writes need the `x-csrf-token` header; scripts use `Authorization: Bearer <personal token>` (a read-only ' +
          'token answers 403 to any write; tokens are made from a signed-in session and always expire).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kadr_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { validatorUrl: null },
    // swagger-ui's policy allows its inline script and style by hash; tightened to the app's own rules.
    staticCSP: true,
    transformStaticCSP: docsCsp,
  });

  const deps: RouteDeps = { db: options.database.db, database: options.database, config, now };
  // Sessions resolved in the last seconds, forgotten when the database notifies a change (ADR 0013).
  const sessions = options.sessionCache === false ? undefined : await openSessionCache(options.database);
  if (sessions) app.addHook('onClose', async () => sessions.close());
  registerAuth(app, deps.db, config, now, sessions);
  app.get(
    '/api/openapi.json',
    { config: { policy: publicRoute('API description') }, schema: { hide: true } },
    async () => app.swagger(),
  );
  for (const routes of capabilityRoutes) await app.register(routes, deps);

  const webDist = config.webDist;
  const hasWeb = Boolean(webDist && existsSync(join(webDist, 'index.html')));
  const assetsDir = join(webDist ?? '', 'assets') + sep;
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist!,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build names every file under assets/ by a hash of its content: a browser keeps them for a year
      // without asking again (a reload of the app asks only for index.html, which names the new files).
      setHeaders: (reply, path) => {
        if (path.startsWith(assetsDir)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || request.method !== 'GET' || !hasWeb) {
      return sendError(
        reply,
        new AppError('ROUTE_NOT_FOUND', {
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
        }),
      );
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  // The outbox's deliverer runs while the app does, when an SMTP server is configured.
  const deliverer = config.smtpUrl
    ? createDeliverer({
        db: deps.db,
        now,
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        publicUrl: config.publicUrl,
        intervalSeconds: config.deliveryIntervalSeconds,
        maxAttempts: config.deliveryMaxAttempts,
        log: app.log,
      })
    : undefined;
  if (deliverer) {
    app.addHook('onReady', async () => deliverer.start());
    app.addHook('onClose', async () => deliverer.stop());
  }

  return Object.assign(app, { kadrRoutes: routes, kadrDeliverer: deliverer });
}
