import type { ErrorIssue } from '@kadr/contracts';
import { takeEarly } from '../app/early';
import { CSRF_HEADER } from './vocabulary';

/** A failed API call: the HTTP status, the stable error code from the catalogue and its details. */
export class ApiError extends Error {
  /** HTTP status; 0 when the network failed before any answer. */
  readonly status: number;
  /** Stable code such as `VALIDATION_FAILED`, or `NETWORK` / `UNKNOWN` for client-side failures. */
  readonly code: string;
  /** `details` of the error envelope (validation issues and anything else the server adds). */
  readonly details: Record<string, unknown>;
  /** Seconds to wait before retrying (from `Retry-After` or `details.retryAfterSeconds`), if given. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: Record<string, unknown>;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Validation issues (`details.issues`), empty when there are none. */
  get issues(): ErrorIssue[] {
    const issues = this.details.issues;
    return Array.isArray(issues) ? (issues as ErrorIssue[]) : [];
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the session (from `Me.csrfToken`); `null` after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Query-string values; `undefined`, `null` and empty strings are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/**
 * Builds `?a=1&b=x` from a params object, skipping empty values.
 * @example toQueryString({ page: 2, q: '' }) // '?page=2'
 */
export function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Options of one API call. */
export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

function parseRetryAfter(header: string | null, details: Record<string, unknown>): number | undefined {
  const fromDetails = details.retryAfterSeconds;
  if (typeof fromDetails === 'number' && Number.isFinite(fromDetails)) return fromDetails;
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = 'UNKNOWN';
  let message = response.statusText || `HTTP ${response.status}`;
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    if (body?.error && typeof body.error.code === 'string') {
      code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      if (body.error.details && typeof body.error.details === 'object') {
        details = body.error.details as Record<string, unknown>;
      }
    }
  } catch {
    // Not JSON (a proxy error page, for example): keep the status text.
  }
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), details);
  return new ApiError({ status: response.status, code, message, details, retryAfterSeconds });
}

/**
 * Calls the Kadr API with the session cookie. Writes carry the CSRF header, JSON bodies are encoded,
 * 204 answers resolve to `undefined`, and error envelopes reject with an {@link ApiError}.
 * @example const me = await apiFetch<Me>('/api/auth/me');
 * @example await apiFetch('/api/users', { method: 'POST', body: { email, fullName } });
 */
export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (multipart uploads) sets its own content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && path !== '/api/auth/login' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  const url = path + toQueryString(options.query ?? {});
  let response: Response;
  try {
    // A GET main.tsx started before the app loaded (early.ts) is answered once from that call.
    const early = method === 'GET' ? takeEarly(url) : undefined;
    response = await (early ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body:
          options.body === undefined
            ? undefined
            : isForm
              ? (options.body as FormData)
              : JSON.stringify(options.body),
        signal: options.signal,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'The server cannot be reached' });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
