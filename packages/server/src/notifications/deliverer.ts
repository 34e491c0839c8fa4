/**
 * The deliverer: a timer in the server process that sends the outbox's due messages by SMTP (nodemailer) when an
 * SMTP server is configured. A message is leased before it is sent (its next attempt moved past the send), so two
 * server processes on one PostgreSQL never send it twice and a process killed mid-send leaves it due again later;
 * a failed attempt is recorded with its error and retried with back-off, `failed` after `maxAttempts`. Nothing is
 * lost while the SMTP server is down: the messages stay pending.
 */
import { type Db, type NotificationRecord, notificationsRepository } from '@kadr/db';
import { createTransport } from 'nodemailer';

/** What the deliverer needs. */
export interface DelivererOptions {
  db: Db;
  now: () => Date;
  /** smtp:// or smtps:// URL, with credentials if the server wants them. */
  smtpUrl: string;
  /** The From address. */
  from: string;
  /** Prefixed to a link line (a path on a line of its own) of each body; empty leaves paths as they are. */
  publicUrl: string;
  /** Seconds between runs. */
  intervalSeconds: number;
  /** Attempts before a message is `failed`. */
  maxAttempts: number;
  /** Messages sent per run at most. */
  batchSize?: number;
  /** Where errors of a run go (the app's logger). */
  log?: { warn: (obj: object, msg: string) => void };
}

/** What one run did. */
export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

/** The first retry waits this long; each further one twice as long, up to {@link MAX_BACKOFF_MS}. */
export const FIRST_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** How long a claimed message is held by the run sending it: a run that dies leaves it due after this. */
const LEASE_MS = 5 * 60_000;

/** The wait before the attempt after `attempts` failed ones (1 → 1 min, 2 → 2 min, 3 → 4 min ...). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

/** The body as sent: each line that is only a path of the web app gets the public address in front. */
export function withPublicLinks(body: string, publicUrl: string): string {
  if (!publicUrl) return body;
  const base = publicUrl.replace(/\/+$/, '');
  return body.replace(/^\/[^\s]*$/gm, (path) => `${base}${path}`);
}

/** Creates a deliverer; `start()` runs it every `intervalSeconds`, `stop()` waits for a run under way. */
export function createDeliverer(options: DelivererOptions) {
  const transport = createTransport(options.smtpUrl, {
    // Fail fast when the server is down: the message is retried by the next run anyway.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  const batchSize = options.batchSize ?? 50;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DeliveryRun> | undefined;

  async function claim(): Promise<NotificationRecord[]> {
    const now = options.now();
    return options.db.transaction(async (tx) => {
      const due = await notificationsRepository.claimDue(tx, now, batchSize);
      await notificationsRepository.lease(
        tx,
        due.map((m) => m.id),
        new Date(now.getTime() + LEASE_MS),
      );
      return due;
    });
  }

  async function send(message: NotificationRecord): Promise<keyof DeliveryRun> {
    try {
      await transport.sendMail({
        from: options.from,
        to: message.recipientEmail,
        subject: message.subject,
        text: withPublicLinks(message.body, options.publicUrl),
        headers: { 'X-Kadr-Ref': message.ref, 'Content-Language': message.locale },
      });
      await notificationsRepository.markSent(options.db, message.id, options.now());
      return 'sent';
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= options.maxAttempts;
      const reason = String((error as Error).message ?? error).slice(0, 1000);
      await notificationsRepository.markAttemptFailed(options.db, message.id, reason, {
        giveUp,
        nextAttemptAt: new Date(options.now().getTime() + backoffMs(attempts)),
      });
      options.log?.warn(
        { notificationId: message.id, attempts, giveUp, reason },
        'notification not delivered',
      );
      return giveUp ? 'failed' : 'retried';
    }
  }

  async function deliver(): Promise<DeliveryRun> {
    const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
    for (const message of await claim()) run[await send(message)] += 1;
    return run;
  }

  return {
    /** Sends the messages due now (one run; runs never overlap). */
    runOnce(): Promise<DeliveryRun> {
      running ??= deliver().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(): void {
      if (timer) return;
      timer = setInterval(() => {
        this.runOnce().catch((error: Error) =>
          options.log?.warn({ reason: error.message }, 'notification delivery run failed'),
        );
      }, options.intervalSeconds * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => {});
      transport.close();
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
