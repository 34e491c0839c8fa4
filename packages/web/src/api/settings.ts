import { setTimeZone } from '../components/format';

/**
 * Reads GET /api/settings once at start-up and applies the university's time zone to every date and
 * time the app shows. Without an answer the app keeps the default (Asia/Almaty) rather than not start.
 */
export async function loadSettings(): Promise<void> {
  try {
    const response = await fetch('/api/settings', { credentials: 'same-origin' });
    if (!response.ok) return;
    const body = (await response.json()) as { timeZone?: unknown };
    if (typeof body.timeZone === 'string' && isKnownZone(body.timeZone)) setTimeZone(body.timeZone);
  } catch {
    // Offline or the server is starting: the default zone stands.
  }
}

/** Whether this browser can format in `zone` (an old browser may lack a rare zone). */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
