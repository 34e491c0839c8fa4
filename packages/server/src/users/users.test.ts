import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

describe('users API (admin)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
  });
  afterAll(async () => t?.close());

  const auditCount = async (entity: string) =>
    (await admin.request('GET', `/api/audit?entity=${entity}&pageSize=1`)).json().total as number;

  it('lists users with search, role filter, sorting and pagination', async () => {
    const all = await admin.request('GET', '/api/users?pageSize=200&sort=email');
    expect(all.statusCode).toBe(200);
    const total = all.json().total as number;
    expect(total).toBeGreaterThanOrEqual(9);
    const emails = all.json().items.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    const partners = await admin.request('GET', '/api/users?role=partner&sort=-email');
    const ascending = await admin.request('GET', '/api/users?role=partner&sort=email');
    const partnerItems = partners.json().items as { email: string; role: string }[];
    const partnerEmails = partnerItems.map((u) => u.email);
    expect(partnerItems.every((u) => u.role === 'partner')).toBe(true);
    expect(partnerEmails).toEqual(expect.arrayContaining([demoEmail.partner, 'partner2@demo.kadr.kz']));
    expect(partnerEmails).not.toContain(demoEmail.mentor);
    expect(partnerEmails).toEqual(
      ascending
        .json()
        .items.map((u: { email: string }) => u.email)
        .reverse(),
    );
    const page = await admin.request('GET', '/api/users?page=2&pageSize=4&sort=email');
    expect(page.json()).toMatchObject({ page: 2, pageSize: 4, total });
    expect(page.json().items.map((u: { email: string }) => u.email)).toEqual(emails.slice(4, 8));
    const search = await admin.request('GET', '/api/users?q=STUDENT@DEMO.KADR');
    expect(search.json().items.map((u: { email: string }) => u.email)).toEqual(['student@demo.kadr.kz']);
  });

  it('rejects bad list queries with the parameter at fault', async () => {
    for (const query of ['pageSize=0', 'pageSize=201', 'page=-1', 'sort=password', 'role=king']) {
      const response = await admin.request('GET', `/api/users?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.issues[0].path).toMatch(/^query\./);
    }
  });

  it('creates a user, audits it without the password and lets the user sign in', async () => {
    const before = await auditCount('user');
    const response = await admin.request('POST', '/api/users', {
      email: 'New.Engineer@demo.kadr.kz',
      fullName: 'Жаңа Инженер',
      role: 'mentor',
      organisationId: admin.me.organisationId,
      locale: 'kk',
      password: 'mentor-password-1',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'new.engineer@demo.kadr.kz',
      role: 'mentor',
      active: true,
    });
    expect(await auditCount('user')).toBe(before + 1);
    const entry = (await admin.request('GET', `/api/audit?entity=user&entityId=${response.json().id}`)).json()
      .items[0];
    expect(entry).toMatchObject({ action: 'create', actorEmail: demoEmail.admin, before: null });
    expect(JSON.stringify(entry.after)).not.toMatch(/passwordHash|argon|mentor-password/i);
    await signIn(t.app, 'new.engineer@demo.kadr.kz', 'mentor-password-1');
  });

  it('answers a duplicate email with 409 EMAIL_TAKEN and writes nothing', async () => {
    const before = await auditCount('user');
    const response = await admin.request('POST', '/api/users', {
      email: demoEmail.student,
      fullName: 'Dup',
      role: 'student',
      organisationId: admin.me.organisationId,
      password: 'student-password-1',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EMAIL_TAKEN');
    expect(await auditCount('user')).toBe(before);
  });

  it('answers an unknown organisation, a weak password and a bad role with 400 naming each field', async () => {
    const response = await admin.request('POST', '/api/users', {
      email: 'x@demo.kadr.kz',
      fullName: '',
      role: 'king',
      organisationId: 1,
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .error.details.issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['body.fullName', 'body.password', 'body.role']);
    const unknownOrg = await admin.request('POST', '/api/users', {
      email: 'y@demo.kadr.kz',
      fullName: 'Y',
      role: 'student',
      organisationId: 9999,
      password: 'student-password-1',
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.details.issues[0].path).toBe('body.organisationId');
  });

  it('deactivates a user: sessions end, sign-in is refused, the change is audited with before and after', async () => {
    const student = await signIn(t.app, demoEmail.student);
    const id = student.me.id;
    const response = await admin.request('PATCH', `/api/users/${id}`, { active: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
    expect((await student.request('GET', '/api/auth/me')).statusCode).toBe(401);
    // The right password and a wrong one get the same answer: a disabled account tells nothing apart.
    const relogin = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: demoEmail.student, password },
      });
    const [right, wrong] = [await relogin('test-password-1'), await relogin('not-the-password')];
    expect([right.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(right.json().error).toEqual({ ...wrong.json().error, requestId: right.json().error.requestId });
    expect(right.json().error.code).toBe('INVALID_CREDENTIALS');
    const entry = (await admin.request('GET', `/api/audit?entity=user&entityId=${id}&action=update`)).json()
      .items[0];
    expect(entry.before.active).toBe(true);
    expect(entry.after.active).toBe(false);
    await admin.request('PATCH', `/api/users/${id}`, { active: true });
  });

  it('refuses to let an admin deactivate or demote itself', async () => {
    for (const patch of [{ active: false }, { role: 'student' }]) {
      const response = await admin.request('PATCH', `/api/users/${admin.me.id}`, patch);
      expect(response.statusCode).toBe(409);
    }
  });

  it('resets a password: the old one stops working, the new one works', async () => {
    const officer = await signIn(t.app, demoEmail.officer);
    const response = await admin.request('POST', `/api/users/${officer.me.id}/reset-password`, {
      newPassword: 'officer-new-password',
    });
    expect(response.statusCode).toBe(204);
    expect((await officer.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await signIn(t.app, demoEmail.officer, 'officer-new-password');
    expect(
      (await admin.request('POST', '/api/users/99999/reset-password', { newPassword: 'whatever-long-1' }))
        .statusCode,
    ).toBe(404);
  });

  it('answers 404 for an unknown user and 400 for a non-numeric id', async () => {
    expect((await admin.request('GET', '/api/users/99999')).json().error.code).toBe('NOT_FOUND');
    expect((await admin.request('GET', '/api/users/abc')).statusCode).toBe(400);
  });

  it('filters the audit log by a kind of record it knows, and refuses one it does not, naming the field', async () => {
    expect((await admin.request('GET', '/api/audit?entity=user&pageSize=1')).statusCode).toBe(200);
    const unknown = await admin.request('GET', '/api/audit?entity=bulk');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'query.entity',
    ]);
  });
});
