import { randomBytes } from 'node:crypto';
import {
  AUTH_CHANNEL,
  type Database,
  notifyAuthChannel,
  type SessionRecord,
  type UserRecord,
} from '@kadr/db';
/** The longest a resolved session is answered from memory without reading it again (ADR 0013). */
export const SESSION_CACHE_MS = 5_000;
/** The most sessions kept; past it the oldest are dropped. */
const MAX_ENTRIES = 10_000;
/** How long a write's answer waits for its fence notification before it empties the cache and goes on. */
const FENCE_TIMEOUT_MS = 2_000;

/** A session as read with its user (usersRepository.findBySession). */
export interface ResolvedSession {
  session: SessionRecord;
  user: UserRecord;
}

interface Entry extends ResolvedSession {
  /** performance.now() when it was read from the database. */
  readAt: number;
}

/**
 * The sessions this process has resolved in the last {@link SESSION_CACHE_MS} ms, forgotten as soon as the
 * database notifies a change to the session or its user, whichever process made it (ADR 0013). While the
 * listening connection is down it holds nothing. A read that overlapped a notification is not kept: it may
 * have been read before the change.
 */
export interface SessionCache {
  /** The session, when it was read less than SESSION_CACHE_MS ago and nothing changed it since. */
  get(id: string): ResolvedSession | undefined;
  /** A mark to take before reading a session from the database, for `put`. */
  mark(): number;
  /** Keeps a session read from the database, unless a notification came in since `mark`. */
  put(id: string, resolved: ResolvedSession, mark: number): void;
  /**
   * The read of session `id` already under way, when no notification came in since it began, else `read()`
   * started now: requests of one session that miss the cache together (a page fires its calls at once when the
   * entry has expired) share one read and touch instead of sending one each.
   */
  shared<T>(id: string, read: () => Promise<T>): Promise<T>;
  /**
   * On PostgreSQL: waits until this process has received every notification committed before the call (a
   * notification of its own, delivered after them), so that a write's answer is sent only once the
   * sessions it ended are forgotten here. PGlite reports notifications before the commit resolves: nothing
   * to wait for.
   */
  fence(): Promise<void>;
  close(): Promise<void>;
}

/** Starts listening for session and user changes on `database` and answers the cache. */
export async function openSessionCache(database: Database): Promise<SessionCache> {
  const entries = new Map<string, Entry>();
  const fences = new Map<string, () => void>();
  const reads = new Map<string, { epoch: number; read: Promise<unknown> }>();
  const instance = randomBytes(8).toString('hex');
  let live = false;
  let epoch = 0;
  let fenceCount = 0;

  const forgetAll = () => {
    entries.clear();
    epoch += 1;
  };
  const stop = await database.listen(AUTH_CHANNEL, {
    message(payload) {
      if (payload.startsWith('f:')) {
        fences.get(payload)?.();
        return;
      }
      epoch += 1;
      const key = payload.slice(2);
      if (payload.startsWith('s:')) entries.delete(key);
      else if (payload.startsWith('u:')) {
        const userId = Number(key);
        for (const [id, entry] of entries) if (entry.user.id === userId) entries.delete(id);
      } else forgetAll();
    },
    ready() {
      forgetAll();
      live = true;
    },
    lost() {
      live = false;
      forgetAll();
      for (const release of fences.values()) release();
    },
  });

  return {
    get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (!live || performance.now() - entry.readAt >= SESSION_CACHE_MS) {
        entries.delete(id);
        return undefined;
      }
      return entry;
    },
    mark: () => epoch,
    put(id, resolved, mark) {
      if (!live || mark !== epoch) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(id, { ...resolved, readAt: performance.now() });
    },
    shared<T>(id: string, read: () => Promise<T>) {
      const running = reads.get(id);
      if (running && running.epoch === epoch) return running.read as Promise<T>;
      const started = read().finally(() => {
        if (reads.get(id)?.read === started) reads.delete(id);
      });
      reads.set(id, { epoch, read: started });
      return started;
    },
    async fence() {
      if (database.kind === 'pglite' || !live) return;
      fenceCount += 1;
      const payload = `f:${instance}:${fenceCount}`;
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<boolean>((resolve) => {
        fences.set(payload, () => resolve(true));
        timer = setTimeout(() => resolve(false), FENCE_TIMEOUT_MS);
      });
      try {
        await notifyAuthChannel(database.db, payload);
        if (!(await arrived)) forgetAll();
      } catch {
        forgetAll(); // the database did not take the fence: keep nothing that it might have changed
      } finally {
        clearTimeout(timer);
        fences.delete(payload);
      }
    },
    async close() {
      live = false;
      forgetAll();
      await stop();
    },
  };
}
