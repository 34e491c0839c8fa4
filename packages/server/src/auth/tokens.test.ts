import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn, TEST_PASSWORD } from '../testing.ts';

const DAY = 86_400_000;

describe('personal API tokens: scope, expiry and what ends them', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  type Client = Awaited<ReturnType<typeof signIn>>;
  async function mint(client: Client, body: Record<string, unknown>) {
    const response = await client.request('POST', '/api/auth/tokens', {
      name: 'script',
      password: TEST_PASSWORD,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      token: string;
      id: number;
      scope: string;
      createdAt: string;
      expiresAt: string;
    };
  }
  const withToken = (token: string, method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const me = (token: string) => withToken(token, 'GET', '/api/auth/me');

  it('needs the password entered again, and expires in 90 days by default, 365 at most', async () => {
    const client = await signIn(t.app, demoEmail.coordinator);
    const missing = await client.request('POST', '/api/auth/tokens', { name: 'x' });
    expect(missing.statusCode).toBe(400);
    const wrong = await client.request('POST', '/api/auth/tokens', {
      name: 'x',
      password: 'not-my-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('body.password');
    const tooLong = await client.request('POST', '/api/auth/tokens', {
      name: 'x',
      password: TEST_PASSWORD,
      expiresInDays: 366,
    });
    expect(tooLong.statusCode).toBe(400);
    const token = await mint(client, {});
    expect(token.scope).toBe('read');
    expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(90 * DAY);
  });

  it('counts a wrong password at minting as a failed sign-in: after five, minting and signing in wait (429)', async () => {
    const client = await signIn(t.app, demoEmail.admissions);
    const tryMint = (password: string) =>
      client.request('POST', '/api/auth/tokens', { name: 'guess', password });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await tryMint(`guess-${i}`)).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const right = await tryMint(TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The same limit as sign-in: the guesses delay signing in to the account from this address …
    const here = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: demoEmail.admissions, password: TEST_PASSWORD },
    });
    expect(here.statusCode).toBe(429);
    // … and never lock the owner out elsewhere.
    await signIn(t.app, demoEmail.admissions, TEST_PASSWORD, '10.0.7.7');
  });

  it('refuses to mint a token with a token (403), whatever its scope', async () => {
    const client = await signIn(t.app, demoEmail.officer);
    const parent = await mint(client, { scope: 'read-write' });
    const child = await withToken(parent.token, 'POST', '/api/auth/tokens', {
      name: 'child',
      password: TEST_PASSWORD,
    });
    expect(child.statusCode).toBe(403);
  });

  it('lets a read-only token read but answers 403 to any write; a read-write token writes', async () => {
    const client = await signIn(t.app, demoEmail.officer);
    const read = await mint(client, { scope: 'read' });
    expect((await me(read.token)).statusCode).toBe(200);
    expect((await withToken(read.token, 'GET', '/api/organisations')).statusCode).toBe(200);
    const write = await withToken(read.token, 'PATCH', '/api/auth/preferences', { locale: 'en' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/read-only/);
    expect((await withToken(read.token, 'POST', '/api/auth/logout')).statusCode).toBe(403);
    const readWrite = await mint(client, { scope: 'read-write' });
    expect(
      (await withToken(readWrite.token, 'PATCH', '/api/auth/preferences', { locale: 'en' })).statusCode,
    ).toBe(200);
  });

  it('revokes the tokens on an own password change, an admin reset and a deactivation, with audit entries', async () => {
    const mentor = await signIn(t.app, demoEmail.mentor);
    const mine = await mint(mentor, {});
    const changed = await mentor.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mentor-new-password-1',
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(mine.token)).statusCode).toBe(401);

    const admin = await signIn(t.app, demoEmail.admin);
    const student = await signIn(t.app, demoEmail.student);
    const studentToken = await mint(student, {});
    expect((await me(studentToken.token)).statusCode).toBe(200);
    const reset = await admin.request('POST', `/api/users/${student.me.id}/reset-password`, {
      newPassword: 'student-new-password-1',
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(studentToken.token)).statusCode).toBe(401);

    const partner = await signIn(t.app, demoEmail.partner);
    const partnerToken = await mint(partner, {});
    const disabled = await admin.request('PATCH', `/api/users/${partner.me.id}`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${partner.me.id}`, { active: true })).statusCode).toBe(
      200,
    );
    expect((await me(partnerToken.token)).statusCode).toBe(401);

    const audit = await admin.request('GET', '/api/audit?entity=api_token&pageSize=50');
    const revoked = (audit.json().items as { entityId: string; after: { revokedAt: string | null } | null }[])
      .filter((e) => e.after?.revokedAt)
      .map((e) => Number(e.entityId));
    expect(revoked).toEqual(expect.arrayContaining([mine.id, studentToken.id, partnerToken.id]));
  });

  it('stops accepting a token after its expiry', async () => {
    const client = await signIn(t.app, demoEmail.observer);
    const token = await mint(client, { expiresInDays: 1 });
    expect((await me(token.token)).statusCode).toBe(200);
    t.advance(DAY + 1000);
    expect((await me(token.token)).statusCode).toBe(401);
  });
});
