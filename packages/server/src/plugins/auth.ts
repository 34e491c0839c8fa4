import { CSRF_HEADER, SESSION_COOKIE } from '@kadr/contracts';
import type { Db } from '@kadr/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cachedSessionActor, resolveSession } from '../auth/auth.service.ts';
import { safeEqual } from '../auth/secrets.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import { resolveToken } from '../auth/tokens.service.ts';
import type { ServerConfig } from '../config.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize, type Policy } from '../policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, when there is one. */
    actor: Actor | undefined;
    /** True when the request carried a session cookie that is no longer valid. */
    sessionExpired: boolean;
    /** The service context of the signed-in actor; reading it without an actor throws UNAUTHENTICATED. */
    readonly ctx: ServiceContext;
  }
  interface FastifyContextConfig {
    /** Who may call the route: every /api route declares one. */
    policy?: Policy;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets the session cookie: HttpOnly, SameSite=Lax, path /, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, config: ServerConfig, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: ServerConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/**
 * Resolves the actor of every request (bearer token or session cookie), then, before each
 * handler, applies the route's policy and, for cookie-authenticated writes, the CSRF check.
 */
export function registerAuth(
  app: FastifyInstance,
  db: Db,
  config: ServerConfig,
  now: () => Date,
  sessions?: SessionCache,
): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest): ServiceContext {
      if (!this.actor) throw new AppError('UNAUTHENTICATED');
      return { db, actor: this.actor, requestId: String(this.id), now, timeZone: config.timeZone };
    },
  });

  // The hooks below take Fastify's `done` rather than being async: an authenticated request whose session the
  // cache answers goes through them without a promise or a microtask each (docs/api-performance.md, fifth round).
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      resolveToken(db, authorization.slice(7).trim(), now()).then((actor) => {
        if (!actor)
          return done(new AppError('UNAUTHENTICATED', { message: 'Unknown, revoked or expired API token' }));
        request.actor = actor;
        done();
      }, done);
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return done();
    const at = now();
    const cached = sessions && cachedSessionActor(config, secret, at, sessions);
    if (cached) {
      request.actor = cached;
      return done();
    }
    resolveSession(db, config, secret, at, sessions).then((resolved) => {
      if (resolved === 'expired') {
        request.sessionExpired = true;
        clearSessionCookie(reply, config);
      } else {
        request.actor = resolved;
      }
      done();
    }, done);
  });

  // A write's answer leaves once this process has forgotten every session the write ended (ADR 0013).
  if (sessions)
    app.addHook('onSend', (request, _reply, _payload, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      sessions.fence().then(() => done(), done);
    });

  // Before validation, so that an unauthorized caller learns nothing of a route's schema.
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      checkAccess(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

/** The route's policy and, for a write, the token's scope or the session's CSRF token; throws AppError. */
function checkAccess(request: FastifyRequest): void {
  const policy = request.routeOptions.config.policy;
  if (request.is404) return;
  if (!policy) {
    if (request.url.startsWith('/api/')) throw new AppError('FORBIDDEN', { message: 'Route has no policy' });
    return;
  }
  authorize(policy, request.actor, request.sessionExpired);
  const actor = request.actor;
  if (actor?.via === 'token' && actor.tokenScope !== 'read-write' && !SAFE_METHODS.has(request.method)) {
    throw new AppError('FORBIDDEN', { message: 'This API token is read-only' });
  }
  if (actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
      throw new AppError('CSRF_FAILED');
    }
  }
}
