/**
 * What the app asks for before its code has loaded (ADR 0016). main.tsx is a small chunk that runs as soon as it
 * arrives: it starts the session check, the settings, the first language's texts and, for a page whose data its
 * address names, that data and the page's code, then loads the app. The app's own calls take these answers
 * instead of asking again (apiFetch, through {@link takeEarly}), so the round trips overlap the download and
 * start of the app's code instead of following it. Without a session the page's code is not fetched (the
 * visitor goes to the sign-in page); its data call answers 401 and is dropped unused.
 */
import type { Locale } from '@kadr/contracts';
import { initialLocale, LOCALE_TEXTS } from '../i18n/first-locale';

/** The signed-in frame's chunk (the router's lazy `app` route). */
export const loadAppLayout = () => import('./app-layout');
/** The matrix page's chunk (the router's analysis route). */
export const loadAnalysisPage = () => import('../analysis/analysis-page');

interface EarlyPage {
  /** The page's address. */
  path: RegExp;
  /** The API calls its first render needs, from the address's match. */
  calls: (match: RegExpMatchArray) => string[];
  /** Its code, fetched once the session check answers that a session is open. */
  load: () => Promise<unknown>;
}

/**
 * Pages whose data is named by their address. Each call here must be exactly what the page then asks for
 * (apiFetch takes an early answer by its path); the router starts the same calls in the route's loader.
 */
const EARLY_PAGES: EarlyPage[] = [
  {
    path: /^\/programme-versions\/([1-9]\d*)\/analysis\/?$/,
    calls: (match) => [`/api/programme-versions/${match[1]}/analysis`],
    load: loadAnalysisPage,
  },
];

/** The session check and the settings: every page's start needs both. */
export const START_CALLS = ['/api/auth/me', '/api/settings'] as const;

const pending = new Map<string, Promise<Response>>();
let firstLocale: Locale | undefined;

function call(path: string): Promise<Response> {
  const response = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  // A failed call is reported by the app's own call, which takes it; nothing is unhandled meanwhile.
  response.catch(() => {});
  pending.set(path, response);
  return response;
}

/**
 * Starts what the page at `pathname` needs (once, at start). Returns at once.
 * @example startEarly(location.pathname)
 */
export function startEarly(pathname: string): void {
  const me = call(START_CALLS[0]);
  call(START_CALLS[1]);
  firstLocale = initialLocale();
  void LOCALE_TEXTS[firstLocale]().catch(() => {});
  if (pathname.startsWith('/sign-in')) return;
  const page = EARLY_PAGES.map((p) => ({ p, match: pathname.match(p.path) })).find((m) => m.match);
  if (page?.match) for (const path of page.p.calls(page.match)) call(path);
  void me.then(
    (answer) => {
      if (!answer.ok) return;
      void loadAppLayout().catch(() => {});
      void page?.p.load().catch(() => {});
    },
    () => {},
  );
}

/** The language the page starts in (chosen once by startEarly; computed here when it did not run). */
export function startLocale(): Locale {
  firstLocale ??= initialLocale();
  return firstLocale;
}

/**
 * The early answer of `GET path`, once: the second call asks the server again.
 * @example const response = (takeEarly('/api/auth/me') ?? fetch('/api/auth/me'))
 */
export function takeEarly(path: string): Promise<Response> | undefined {
  const response = pending.get(path);
  pending.delete(path);
  return response;
}

/**
 * Forgets the early answers nobody took (the first page has loaded, or a sign-in changed the session): a later
 * call must not be answered with what the server said before.
 */
export function dropEarly(): void {
  pending.clear();
}
