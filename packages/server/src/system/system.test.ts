import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

describe('platform routes', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'kadr-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Kadr</title><div id="root"></div>');
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'start-AbC123.js'), 'export {};');
    t = await createTestApp({ webDist });
  });
  afterAll(async () => t?.close());

  it('answers /api/health with the database kind and the migration', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: 'pglite',
      migration: expect.stringMatching(/^\d{4}_/),
    });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('serves the university time zone to anyone, signed in or not', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/settings' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ timeZone: 'Asia/Almaty' });
  });

  it('echoes a well-formed incoming request id and replaces a malformed one', async () => {
    const echoed = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id <>' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('bad id <>');
  });

  it('publishes an OpenAPI 3 document describing the routes and the reference page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/organisations/{id}', '/api/audit', '/api/auth/login']),
    );
    expect(doc.paths['/api/users'].post.requestBody).toBeDefined();
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });

  it('serves the API reference with the frame protection of the app and a CSP that allows only its own inline code', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https:|unsafe-inline|unsafe-eval|upgrade-insecure-requests|validator/);
    // Any inline script or style of the page is allowed by its hash (swagger-ui 5 has none), nothing by 'unsafe-inline'.
    const hashes = (tag: string) =>
      [...page.body.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map(
        ([, code]) => `'sha256-${createHash('sha256').update(code!).digest('base64')}'`,
      );
    for (const hash of [...hashes('script'), ...hashes('style')]) expect(csp).toContain(hash);
    for (const url of [
      '/api/docs/static/index.html',
      '/api/docs/json',
      '/api/docs/static/swagger-initializer.js',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(String(response.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
    }
  });

  it('sends the request id and the security headers with every answer, refusals and web pages included', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/organisations' }), // 401
      await t.app.inject({ method: 'GET', url: '/api/nothing-here' }), // 404
      await t.app.inject({
        method: 'GET',
        url: '/api/organisations',
        headers: { authorization: 'Bearer nope' },
      }),
      await t.app.inject({ method: 'GET', url: '/' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([401, 404, 401, 200]);
    for (const answer of answers) {
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'x-frame-options': 'DENY',
      });
      expect(String(answer.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
    for (const refusal of answers.slice(0, 3)) {
      expect(refusal.json().error.requestId).toBe(refusal.headers['x-request-id']);
      expect(refusal.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND in the error envelope', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) },
    });
  });

  it('serves the web app at / and for client-side routes', async () => {
    for (const url of ['/', '/admin/users']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
      // index.html names the build's files: a browser asks for it again on every load.
      expect(response.headers['cache-control']).not.toMatch(/immutable|max-age=[1-9]/);
    }
  });

  it("lets a browser keep the build's hashed files without asking again, and not index.html", async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/start-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('public, max-age=0');
  });

  it('lets the admin filter the audit log by date range', async () => {
    const admin = await signIn(t.app, demoEmail.admin);
    const future = await admin.request(
      'GET',
      `/api/audit?from=${encodeURIComponent('2199-01-01T00:00:00Z')}`,
    );
    expect(future.json().total).toBe(0);
    const all = await admin.request('GET', '/api/audit?pageSize=200');
    expect(all.json().total).toBeGreaterThanOrEqual(19);
    expect((await admin.request('GET', '/api/audit?from=yesterday')).statusCode).toBe(400);
  });
});
