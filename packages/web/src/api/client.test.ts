import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, setCsrfToken, toQueryString } from './client';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('toQueryString', () => {
  it('skips empty values and encodes the rest', () => {
    expect(toQueryString({ page: 2, q: 'a b', role: undefined, x: '', y: null })).toBe('?page=2&q=a+b');
    expect(toQueryString({})).toBe('');
  });
});

describe('apiFetch', () => {
  it('sends the CSRF token on writes but not on reads or sign-in', async () => {
    const fetch = vi.fn(async () => answer(200, {}));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    await apiFetch('/api/users', { method: 'POST', body: { a: 1 } });
    await apiFetch('/api/users');
    await apiFetch('/api/auth/login', { method: 'POST', body: {} });
    const headers = fetch.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers);
    expect(headers[0]).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' });
    expect(headers[1]).not.toHaveProperty('x-csrf-token');
    expect(headers[2]).not.toHaveProperty('x-csrf-token');
  });

  it('resolves 204 to undefined', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('turns an error envelope into an ApiError with code, issues and retry time', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(
        429,
        { error: { code: 'TOO_MANY_REQUESTS', message: 'slow down', details: { retryAfterSeconds: 900 } } },
        { 'retry-after': '900' },
      ),
    );
    const error = await apiFetch('/api/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 });
  });

  it('reads Retry-After when the details do not carry it', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(429, { error: { code: 'TOO_MANY_REQUESTS', message: 'x' } }, { 'retry-after': '120' }),
    );
    const error = (await apiFetch('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBe(120);
  });

  it('reports validation issues and a network failure', async () => {
    vi.stubGlobal('fetch', async () =>
      answer(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'bad',
          details: { issues: [{ path: 'body.email', message: 'no' }] },
        },
      }),
    );
    const invalid = (await apiFetch('/x').catch((e: unknown) => e)) as ApiError;
    expect(invalid.issues).toEqual([{ path: 'body.email', message: 'no' }]);

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiFetch('/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});
