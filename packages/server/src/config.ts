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
};
