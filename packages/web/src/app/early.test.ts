import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from '../api/client';
import { dropEarly, START_CALLS, startEarly, startLocale, takeEarly } from './early';

const signedOut = () =>
  new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'no session' } }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

let fetch: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetch = vi.fn(async (path: string) =>
    path === '/api/auth/me' ? signedOut() : new Response(JSON.stringify({ path }), { status: 200 }),
  );
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('navigator', { languages: ['ru-RU'], language: 'ru-RU' });
});
afterEach(() => {
  dropEarly();
  vi.unstubAllGlobals();
});

const asked = () => fetch.mock.calls.map(([path]) => path);

describe('the early start (main.tsx)', () => {
  it("asks for the session, the settings and a matrix page's analysis before the app has loaded", () => {
    startEarly('/programme-versions/12/analysis');
    expect(asked()).toEqual([...START_CALLS, '/api/programme-versions/12/analysis']);
    // The same headers and cookies as the app's own call, which takes the answer.
    expect(fetch.mock.calls[0]?.[1]).toEqual({
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    expect(startLocale()).toBe('ru');
  });

  it('asks for no page data on the sign-in page or on a page whose address names none', () => {
    startEarly('/sign-in');
    startEarly('/programme-versions/12');
    startEarly('/programme-versions/0/analysis');
    expect(asked().filter((path) => !(START_CALLS as readonly string[]).includes(path))).toEqual([]);
  });

  it("answers the app's first GET of the same path from the early call, once; a second asks the server", async () => {
    startEarly('/programme-versions/12/analysis');
    expect(fetch).toHaveBeenCalledTimes(3);
    await expect(apiFetch('/api/programme-versions/12/analysis')).resolves.toEqual({
      path: '/api/programme-versions/12/analysis',
    });
    expect(fetch).toHaveBeenCalledTimes(3);
    await apiFetch('/api/programme-versions/12/analysis');
    expect(fetch).toHaveBeenCalledTimes(4);
    // The session check's 401 reaches the app as from its own call.
    await expect(apiFetch('/api/auth/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('keeps no answer for a later call once dropped, and never answers a write from one', async () => {
    startEarly('/programme-versions/12/analysis');
    await apiFetch('/api/programme-versions/12/analysis', { method: 'POST', body: {} });
    expect(fetch).toHaveBeenCalledTimes(4);
    dropEarly();
    expect(takeEarly('/api/programme-versions/12/analysis')).toBeUndefined();
    expect(takeEarly('/api/settings')).toBeUndefined();
  });
});

describe("index.html's preloads", () => {
  it("name the app's start and every chunk it imports statically, once, and none index.html has already", async () => {
    const { startChunkPreloads } = await import('../../vite.config.ts');
    const transform = startChunkPreloads().transformIndexHtml as unknown as {
      handler: (html: string, context: { bundle?: Record<string, unknown> }) => { attrs: { href: string } }[];
    };
    const chunk = (fileName: string, imports: string[], facadeModuleId?: string) => ({
      type: 'chunk',
      fileName,
      imports,
      facadeModuleId,
    });
    const bundle = {
      a: chunk('assets/index-1.js', ['assets/runtime-1.js']),
      b: chunk('assets/start-1.js', ['assets/react-1.js', 'assets/runtime-1.js'], '/w/src/app/start.tsx'),
      c: chunk('assets/react-1.js', ['assets/runtime-1.js']),
      d: chunk('assets/runtime-1.js', []),
      e: chunk('assets/analysis-page-1.js', ['assets/react-1.js']),
    };
    const html = '<link rel="modulepreload" crossorigin href="/assets/runtime-1.js">';
    expect(transform.handler(html, { bundle }).map((tag) => tag.attrs.href)).toEqual([
      '/assets/start-1.js',
      '/assets/react-1.js',
    ]);
  });
});
