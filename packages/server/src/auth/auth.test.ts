import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn, TEST_PASSWORD } from '../testing.ts';

describe('sign-in, sessions and CSRF', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ sessionIdleMinutes: 30, sessionAbsoluteHours: 8 });
  });
  afterAll(async () => t?.close());

  it('signs in with the right password, sets an HttpOnly SameSite cookie and answers the user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ADMIN@demo.kadr.kz', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      email: 'admin@demo.kadr.kz',
      role: 'admin',
      organisationName: 'KDTU',
    });
    expect(response.json()).not.toHaveProperty('passwordHash');
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/kadr_session=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
  });

  it('refuses a wrong password and an unknown email alike with 401 INVALID_CREDENTIALS', async () => {
    for (const email of [demoEmail.coordinator, 'nobody@demo.kadr.kz']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong-password' },
        remoteAddress: '10.0.0.9',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('answers a malformed body with 400 and the fields at fault', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.email',
      'body.password',
    ]);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
  });

  const attempt = (email: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('delays a guesser after 5 failures at its address, with growing Retry-After, but never locks the owner out', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await attempt(demoEmail.observer, `wrong-${i}`, '10.0.0.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await attempt(demoEmail.observer, TEST_PASSWORD, '10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
    // The owner, at an address with no failures for the account, signs in at once.
    expect((await attempt(demoEmail.observer, TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
    // The guesser waits out the delay; its next failure doubles it.
    t.advance(31_000);
    expect((await attempt(demoEmail.observer, 'wrong-again', '10.0.0.1')).statusCode).toBe(401);
    const doubled = await attempt(demoEmail.observer, 'wrong-again', '10.0.0.1');
    expect(doubled.statusCode).toBe(429);
    expect(Number(doubled.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(doubled.headers['retry-after'])).toBeLessThanOrEqual(60);
    t.advance(61_000);
    expect((await attempt(demoEmail.observer, TEST_PASSWORD, '10.0.0.1')).statusCode).toBe(200);
  });

  it('delays an address after 20 failures across accounts, except for an account that signed in from it before', async () => {
    await signIn(t.app, demoEmail.admin, TEST_PASSWORD, '10.9.9.9');
    const others = Object.values(demoEmail).filter((e) => e !== demoEmail.admin);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await attempt(others[i % others.length]!, 'wrong-password', '10.9.9.9')).statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Spraying is slowed for every account new to the address …
    expect((await attempt('nobody-yet@demo.kadr.kz', TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429);
    // … but the admin, who signed in from it and has no failures there since, is not locked out.
    expect((await attempt(demoEmail.admin, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });

  it('answers /me with the user, or 401 without a session', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const client = await signIn(t.app, demoEmail.student);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'student', email: demoEmail.student });
  });

  it('refuses a cookie-authenticated write without the CSRF token, and with a wrong one', async () => {
    const client = await signIn(t.app, demoEmail.officer);
    for (const headers of [{}, { 'x-csrf-token': 'forged' }]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/auth/preferences',
        cookies: { kadr_session: client.cookie },
        headers,
        payload: { locale: 'en' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CSRF_FAILED');
    }
    const ok = await client.request('PATCH', '/api/auth/preferences', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en');
  });

  it('signs out: the old cookie no longer works', async () => {
    const client = await signIn(t.app, demoEmail.mentor);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    const after = await client.request('GET', '/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session after the idle limit and after the absolute limit', async () => {
    const idle = await signIn(t.app, demoEmail.partner);
    t.advance(31 * 60_000);
    expect((await idle.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const busy = await signIn(t.app, demoEmail.partner);
    // Active every 20 minutes: never idle, yet cut off at the 8-hour absolute limit.
    for (let elapsed = 20; elapsed < 8 * 60; elapsed += 20) {
      t.advance(20 * 60_000);
      expect((await busy.request('GET', '/api/auth/me')).statusCode).toBe(200);
    }
    t.advance(20 * 60_000);
    expect((await busy.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the own password: the old one stops working and other sessions end', async () => {
    const a = await signIn(t.app, demoEmail.admissions);
    const b = await signIn(t.app, demoEmail.admissions);
    const wrong = await a.request('POST', '/api/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-password-2',
    });
    expect(wrong.statusCode).toBe(400);
    const short = await a.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0].path).toBe('body.newPassword');
    const ok = await a.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-password-2',
    });
    expect(ok.statusCode).toBe(204);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(signIn(t.app, demoEmail.admissions)).rejects.toThrow(/401/);
    await signIn(t.app, demoEmail.admissions, 'a-new-password-2');
  });

  it('issues personal API tokens that authenticate without CSRF, stored hashed, until revoked', async () => {
    const client = await signIn(t.app, demoEmail.coordinator);
    const created = await client.request('POST', '/api/auth/tokens', {
      name: 'nightly export',
      scope: 'read-write',
      password: TEST_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^kadr_/);
    expect(token.startsWith(prefix)).toBe(true);
    const listed = await client.request('GET', '/api/auth/tokens');
    expect(listed.json()[0]).not.toHaveProperty('token');
    const { rows } = (await t.database.db.execute(
      `select token_hash from api_tokens where id = ${Number(id)}`,
    )) as unknown as { rows: { token_hash: string }[] };
    expect(rows[0]?.token_hash).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ role: 'coordinator' });
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/preferences',
      headers: bearer,
      payload: { locale: 'ru' },
    });
    expect(write.statusCode).toBe(200);

    expect((await client.request('DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer kadr_nope' },
    });
    expect(unknown.statusCode).toBe(401);
  });
});
