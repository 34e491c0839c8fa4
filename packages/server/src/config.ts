/** How the server behaves; the CLI resolves it from flags, environment and defaults. */
export interface ServerConfig {
  /** Folder of the built web app (served at /), or undefined when none is built. */
  webDist?: string | undefined;
  /** Sessions end after this long without a request. */
  sessionIdleMinutes: number;
  /** Sessions end this long after sign-in, whatever the activity. */
  sessionAbsoluteHours: number;
  /** Failed sign-ins for one account within the window before it is locked for the window. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one address within the window before it is refused. */
  maxFailuresPerIp: number;
  /** The window of the two limits above, in minutes. */
  loginWindowMinutes: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  /** The university's IANA time zone: the web app shows every time in it, whatever the browser's. */
  timeZone: string;
}

/** Defaults: 60-minute idle and 12-hour absolute sessions; 5 failures per account, 20 per address, per 15 minutes. */
export const defaultServerConfig: ServerConfig = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
  loginWindowMinutes: 15,
  secureCookies: false,
  trustProxy: false,
  timeZone: 'Asia/Almaty',
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
}
