import type { Role, TokenScope } from '@kadr/contracts';
import type { Db } from '@kadr/db';

/** Who is acting: the signed-in user or the owner of an API token. */
export interface Actor {
  userId: number;
  email: string;
  fullName: string;
  role: Role;
  organisationId: number;
  locale: string;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** For `via: 'token'`: what the token may do. */
  tokenScope?: TokenScope;
}

/**
 * What a service needs besides its input: the database, the actor, the request id, the clock and the
 * university's IANA time zone (the configured `timeZone`), in which its calendar days begin and end.
 */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  requestId: string;
  now: () => Date;
  timeZone: string;
}

/** An actor for work done by the system itself (the CLI, the seed): audited under `system:<name>`. */
export function systemActor(name: string): Actor {
  return {
    userId: 0,
    email: `system:${name}`,
    fullName: `system:${name}`,
    role: 'admin',
    organisationId: 0,
    locale: 'en',
    via: 'token',
  };
}

/**
 * Runs `work` in one transaction: every write and its audit records (`recordChange(tx, ctx, ...)`),
 * or nothing.
 */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work(tx));
}
