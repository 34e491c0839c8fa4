import { CSRF_HEADER, SESSION_COOKIE } from '@kadr/contracts';
import type { Db } from '@kadr/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession } from '../auth/auth.service.ts';
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

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveToken(db, authorization.slice(7).trim(), now());
      if (!request.actor)
        throw new AppError('UNAUTHENTICATED', { message: 'Unknown, revoked or expired API token' });
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const resolved = await resolveSession(db, config, secret, now(), sessions);
    if (resolved === 'expired') {
      request.sessionExpired = true;
      clearSessionCookie(reply, config);
    } else {
      request.actor = resolved;
    }
  });

  // A write's answer leaves once this process has forgotten every session the write ended (ADR 0013).
  if (sessions)
    app.addHook('onSend', async (request) => {
      if (!SAFE_METHODS.has(request.method)) await sessions.fence();
    });

  // Before validation, so that an unauthorized caller learns nothing of a route's schema.
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (request.is404) return;
    if (!policy) {
      if (request.url.startsWith('/api/'))
        throw new AppError('FORBIDDEN', { message: 'Route has no policy' });
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
  });
}
