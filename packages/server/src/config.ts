import { DEFAULT_TIME_ZONE } from '@kadr/core';
/** How the server behaves; the CLI resolves it from flags, environment and defaults. */
export interface ServerConfig {
  /** Folder of the built web app (served at /), or undefined when none is built. */
  webDist?: string | undefined;
  /** Sessions end after this long without a request. */
  sessionIdleMinutes: number;
  /** Sessions end this long after sign-in, whatever the activity. */
  sessionAbsoluteHours: number;
  /** Sign-in failures for one account from one address before each further attempt there is delayed. */
  maxFailuresPerAccount: number;
  /** Sign-in failures from one address, across accounts, before each further attempt from it is delayed. */
  maxFailuresPerIp: number;
  /** The first delay once a limit above is reached, in seconds; it doubles with each further failure. */
  loginDelaySeconds: number;
  /** The longest delay, in seconds. */
  loginMaxDelaySeconds: number;
  /** A throttle key left alone this many minutes after its delay ended counts from zero again. */
  loginWindowMinutes: number;
  /** An address with a successful sign-in to an account within this many days skips the address budget for it. */
  knownAddressDays: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  /** The university's IANA time zone: the web app shows every time in it, whatever the browser's. */
  timeZone: string;
  /**
   * The SMTP server the outbox is delivered through, an smtp:// or smtps:// URL (credentials in it if needed);
   * undefined: messages stay pending in the outbox (docs/capabilities/notifications.md).
   */
  smtpUrl?: string | undefined;
  /** The From address of notifications, such as `Kadr <noreply@university.kz>`. */
  mailFrom: string;
  /** The web app's public address, put in front of the links of notifications (`https://kadr.university.kz`). */
  publicUrl: string;
  /** Seconds between two runs of the deliverer (1-3600). */
  deliveryIntervalSeconds: number;
  /** Attempts before a notification is marked failed (1-20). */
  deliveryMaxAttempts: number;
}

/**
 * Defaults: 60-minute idle and 12-hour absolute sessions; 5 free failures per account and address, 20 per
 * address, then delays from 30 s doubling up to 15 minutes; counters forget after 15 quiet minutes.
 */
export const defaultServerConfig: ServerConfig = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
  loginDelaySeconds: 30,
  loginMaxDelaySeconds: 900,
  loginWindowMinutes: 15,
  knownAddressDays: 30,
  secureCookies: false,
  trustProxy: false,
  timeZone: DEFAULT_TIME_ZONE,
  mailFrom: 'Kadr <noreply@kadr.localhost>',
  publicUrl: '',
  deliveryIntervalSeconds: 30,
  deliveryMaxAttempts: 8,
};

/**
 * Whether `name` is an IANA time zone this runtime knows (`Asia/Almaty`, `UTC`); offsets and
 * abbreviations such as `+05:00` or `ALMT` are not.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a configuration the server cannot run with (checked when the app is built, so a bad
 * value stops the start instead of showing wrong times).
 * @throws Error naming the setting at fault
 */
export function assertValidConfig(config: ServerConfig): void {
  if (!isTimeZone(config.timeZone)) {
    throw new Error(`timeZone: "${config.timeZone}" is not an IANA time zone such as Asia/Almaty`);
  }
  const problem = deliveryConfigProblem(config);
  if (problem) throw new Error(problem);
}

function urlOf(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** What is wrong with the notification settings, naming the setting, or undefined when nothing is. */
export function deliveryConfigProblem(
  config: Pick<
    ServerConfig,
    'smtpUrl' | 'mailFrom' | 'publicUrl' | 'deliveryIntervalSeconds' | 'deliveryMaxAttempts'
  >,
): string | undefined {
  if (config.smtpUrl !== undefined) {
    const url = urlOf(config.smtpUrl);
    if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
      return 'smtpUrl: must be an smtp:// or smtps:// URL such as smtp://user:password@mail.university.kz:587';
    }
  }
  if (!/^([^<>@\s]+ )*<?[^\s<>@]+@[^\s<>@]+>?$/.test(config.mailFrom.trim())) {
    return `mailFrom: "${config.mailFrom}" is not an address such as Kadr <noreply@university.kz>`;
  }
  if (config.publicUrl !== '') {
    const url = urlOf(config.publicUrl);
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      return 'publicUrl: must be an http:// or https:// address such as https://kadr.university.kz';
    }
  }
  const { deliveryIntervalSeconds: interval, deliveryMaxAttempts: attempts } = config;
  if (!Number.isInteger(interval) || interval < 1 || interval > 3600) {
    return `deliveryIntervalSeconds: ${interval} is not a whole number of seconds from 1 to 3600`;
  }
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
    return `deliveryMaxAttempts: ${attempts} is not a whole number from 1 to 20`;
  }
  return undefined;
}
