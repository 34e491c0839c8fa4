import { takeEarly } from '../app/early';
import { setTimeZone } from '../components/format';

/**
 * Reads GET /api/settings once at start-up (main.tsx asked for it already: early.ts) and applies the university's
 * time zone to every date and time the app shows (a zone this browser lacks falls back to the default when a time
 * is first shown: format.ts). Without an answer the app keeps the default (Asia/Almaty) rather than not start.
 */
export async function loadSettings(): Promise<void> {
  try {
    const response = await (takeEarly('/api/settings') ??
      fetch('/api/settings', { credentials: 'same-origin' }));
    if (!response.ok) return;
    const body = (await response.json()) as { timeZone?: unknown };
    if (typeof body.timeZone === 'string') setTimeZone(body.timeZone);
  } catch {
    // Offline or the server is starting: the default zone stands.
  }
}
