import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn, TEST_NOW } from '../testing.ts';
import { buildProgrammeVersion, buildStudent, enrol, testIin } from './test-data.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;
type Clients = World['clients'];

const READERS: Role[] = ['admin', 'coordinator', 'officer', 'partner', 'student'];
const WRITERS: Role[] = ['admin', 'coordinator'];

describe('students: roles and personal data', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let c: Clients;
  let version: Awaited<ReturnType<typeof buildProgrammeVersion>>;
  let studentId: number;
  let student: Awaited<ReturnType<typeof buildStudent>>;
  let ownClient: Client;
  let ownStudentId: number;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    const db = t.database.db;
    version = await buildProgrammeVersion(db);
    student = await buildStudent(db, {
      iin: testIin(424242),
      email: 'aigerim@test.kadr.kz',
      phone: '+7 701 555 1234',
    });
    studentId = student.id;
    await enrol(db, studentId, version.version.id);
    const user = await buildUser(db, { role: 'student', organisationId: world.home.id });
    ownStudentId = (await buildStudent(db, { userId: user.id })).id;
    ownClient = await signIn(t.app, user.email);
  });
  afterAll(async () => t?.close());

  for (const role of ROLES) {
    const allowed = READERS.includes(role);
    it(`answers ${role} ${allowed ? '200' : '403'} on the student list`, async () => {
      const response = await c[role].request('GET', '/api/students');
      expect(response.statusCode).toBe(allowed ? 200 : 403);
    });
    if (!WRITERS.includes(role))
      it(`forbids ${role} writing students, enrolments and results with 403`, async () => {
        const writes: [string, string][] = [
          ['POST', '/api/students'],
          ['PATCH', `/api/students/${studentId}`],
          ['POST', `/api/students/${studentId}/enrolments`],
          ['PATCH', '/api/enrolments/1'],
          ['POST', '/api/results'],
          ['PATCH', '/api/results/1'],
          ['DELETE', '/api/results/1'],
        ];
        for (const [method, url] of writes) {
          const response = await c[role].request(method as 'POST', url, {});
          expect([url, response.statusCode]).toEqual([url, 403]);
        }
      });
  }

  it('shows staff the IIN, e-mail and phone', async () => {
    for (const role of ['admin', 'coordinator', 'officer'] as const) {
      const one = (await c[role].request('GET', `/api/students/${studentId}`)).json();
      expect(one).toMatchObject({ iin: student.iin, email: student.email, phone: student.phone });
      expect(one.enrolment).toMatchObject({
        versionId: version.version.id,
        programmeCode: version.programme.code,
      });
    }
  });

  it('finds a student by IIN for staff', async () => {
    const page = (await c.admin.request('GET', `/api/students?q=${student.iin}`)).json();
    expect(page.items.map((s: { id: number }) => s.id)).toEqual([studentId]);
  });

  it('shows an observer, a mentor and admissions no student at all', async () => {
    for (const role of ['observer', 'mentor', 'admissions'] as const) {
      for (const url of [
        `/api/students/${studentId}`,
        `/api/students/${studentId}/results`,
        `/api/students/${studentId}/consents`,
        `/api/students/${studentId}/enrolments`,
        '/api/me/student',
      ])
        expect([url, (await c[role].request('GET', url)).statusCode]).toEqual([url, 403]);
    }
  });

  describe('a partner', () => {
    const personal = () => [student.iin, student.email, student.phone, student.fullName];

    it('sees nothing of a student without a consent (404, never 403)', async () => {
      const list = await c.partner.request('GET', '/api/students');
      expect(list.json()).toMatchObject({ items: [], total: 0 });
      for (const url of [
        `/api/students/${studentId}`,
        `/api/students/${studentId}/results`,
        `/api/students/${studentId}/consents`,
        `/api/students/${studentId}/enrolments`,
      ]) {
        const response = await c.partner.request('GET', url);
        expect([url, response.statusCode]).toEqual([url, 404]);
        for (const value of personal()) expect(response.body).not.toContain(value);
      }
    });

    it('with a profile consent sees the name and programme, never the IIN, e-mail or phone', async () => {
      const consent = await c.admin.request('POST', `/api/students/${studentId}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['profile'],
        purpose: { kk: '', ru: '', en: 'Practice placement 2027' },
      });
      expect(consent.statusCode).toBe(201);
      const one = await c.partner.request('GET', `/api/students/${studentId}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id: studentId, fullName: student.fullName, scopes: ['profile'] });
      expect(Object.keys(one.json())).not.toEqual(expect.arrayContaining(['iin']));
      const list = await c.partner.request('GET', '/api/students');
      expect(list.json().items.map((s: { id: number }) => s.id)).toEqual([studentId]);
      for (const response of [one, list]) {
        for (const value of [student.iin, student.email, student.phone])
          expect(response.body).not.toContain(value);
        expect(response.body).not.toMatch(/"(iin|email|phone|userId)"/);
      }
      // Results need their own scope.
      expect((await c.partner.request('GET', `/api/students/${studentId}/results`)).statusCode).toBe(404);
    });

    it('cannot probe IINs through the search', async () => {
      const page = (await c.partner.request('GET', `/api/students?q=${student.iin}`)).json();
      expect(page.total).toBe(0);
    });

    it('with a contacts consent sees the e-mail and phone, still never the IIN', async () => {
      await c.admin.request('POST', `/api/students/${studentId}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['contacts', 'results'],
      });
      const one = await c.partner.request('GET', `/api/students/${studentId}`);
      expect(one.json()).toMatchObject({ email: student.email, phone: student.phone });
      expect(one.body).not.toContain(student.iin);
      expect((await c.partner.request('GET', `/api/students/${studentId}/results`)).statusCode).toBe(200);
    });

    it("sees only its own organisation's consents of the student", async () => {
      await c.admin.request('POST', `/api/students/${studentId}/consents`, {
        organisationId: world.otherPartnerOrg.id,
        scopes: ['profile'],
      });
      const mine = (await c.partner.request('GET', `/api/students/${studentId}/consents`)).json();
      expect(new Set(mine.map((x: { organisationId: number }) => x.organisationId))).toEqual(
        new Set([world.partnerOrg.id]),
      );
    });

    it('of another organisation sees nothing without its own consent', async () => {
      const other = await buildStudent(t.database.db);
      await c.admin.request('POST', `/api/students/${other.id}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['profile', 'contacts'],
      });
      const response = await c.partner2.request('GET', `/api/students/${other.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(other.email);
    });

    it('loses sight at once when the consents are revoked, and never sees expired or future ones', async () => {
      const s = await buildStudent(t.database.db);
      const today = t.today();
      const give = (body: object) =>
        c.admin.request('POST', `/api/students/${s.id}/consents`, {
          organisationId: world.partnerOrg.id,
          scopes: ['profile'],
          ...body,
        });
      expect((await give({ givenOn: '2020-01-01', validUntil: '2021-01-01' })).statusCode).toBe(201);
      expect((await give({ givenOn: '2099-01-01' })).statusCode).toBe(201);
      expect((await c.partner.request('GET', `/api/students/${s.id}`)).statusCode).toBe(404);
      const current = (await give({ givenOn: today, validUntil: today })).json();
      expect(current.current).toBe(true);
      expect((await c.partner.request('GET', `/api/students/${s.id}`)).statusCode).toBe(200);
      const revoked = await c.officer.request('POST', `/api/consents/${current.id}/revoke`);
      expect(revoked.json()).toMatchObject({ current: false, revokedAt: TEST_NOW.toISOString() });
      expect((await c.partner.request('GET', `/api/students/${s.id}`)).statusCode).toBe(404);
      const again = await c.officer.request('POST', `/api/consents/${current.id}/revoke`);
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    });

    it('may neither give nor revoke consents', async () => {
      expect(
        (
          await c.partner.request('POST', `/api/students/${studentId}/consents`, {
            organisationId: world.partnerOrg.id,
            scopes: ['passport'],
          })
        ).statusCode,
      ).toBe(403);
      expect((await c.partner.request('POST', '/api/consents/1/revoke')).statusCode).toBe(403);
    });
  });

  describe('a student', () => {
    it('sees only themself: in the list, by id and at /api/me/student', async () => {
      const list = (await ownClient.request('GET', '/api/students')).json();
      expect(list.items.map((s: { id: number }) => s.id)).toEqual([ownStudentId]);
      const me = await ownClient.request('GET', '/api/me/student');
      expect(me.json()).toMatchObject({ id: ownStudentId });
      expect(me.json().iin).toMatch(/^\d{12}$/);
      for (const url of [`/api/students/${studentId}`, `/api/students/${studentId}/results`])
        expect((await ownClient.request('GET', url)).statusCode).toBe(404);
      const other = await ownClient.request('GET', `/api/students?q=${student.iin}`);
      expect(other.json().total).toBe(0);
    });

    it('without a student record gets 404 at /api/me/student', async () => {
      expect((await c.student.request('GET', '/api/me/student')).statusCode).toBe(404);
    });

    it('gives and revokes their own consent, and not another student’s', async () => {
      const given = await ownClient.request('POST', `/api/students/${ownStudentId}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['passport', 'results'],
        purpose: { kk: '', ru: '', en: 'Internship' },
      });
      expect(given.statusCode).toBe(201);
      expect(given.json()).toMatchObject({
        givenOn: t.today(),
        current: true,
        scopes: ['passport', 'results'],
      });
      const revoked = await ownClient.request('POST', `/api/consents/${given.json().id}/revoke`);
      expect(revoked.json().current).toBe(false);
      const foreign = await ownClient.request('POST', `/api/students/${studentId}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['profile'],
      });
      expect(foreign.statusCode).toBe(404);
      const theirs = (await c.admin.request('GET', `/api/students/${studentId}/consents`)).json();
      const revokeTheirs = await ownClient.request('POST', `/api/consents/${theirs[0].id}/revoke`);
      expect(revokeTheirs.statusCode).toBe(404);
    });

    it('lists the partner universities and companies to consent to; gives one with scopes, a term and a purpose in kk, ru and en, audited', async () => {
      const list = await ownClient.request('GET', '/api/consents/organisations');
      expect(list.statusCode).toBe(200);
      const ids = list.json().map((o: { id: number }) => o.id);
      expect(ids).toEqual(expect.arrayContaining([world.partnerOrg.id, world.otherPartnerOrg.id]));
      expect(ids).not.toContain(world.home.id);
      expect(ids).not.toContain(world.ministry.id);
      for (const role of ['partner', 'observer', 'mentor', 'admissions'] as const)
        expect((await c[role].request('GET', '/api/consents/organisations')).statusCode).toBe(403);
      const purpose = { kk: 'Жазғы мектеп', ru: 'Летняя школа', en: 'Summer school' };
      const given = await ownClient.request('POST', `/api/students/${ownStudentId}/consents`, {
        organisationId: world.otherPartnerOrg.id,
        scopes: ['profile', 'passport'],
        purpose,
        validUntil: '2027-06-30',
      });
      expect(given.statusCode).toBe(201);
      expect(given.json()).toMatchObject({ givenOn: t.today(), validUntil: '2027-06-30', current: true });
      expect(given.json().purpose).toEqual(purpose);
      const audit = await c.admin.request(
        'GET',
        `/api/audit?entity=consent&entityId=${given.json().id}&sort=at`,
      );
      expect(audit.json().items).toHaveLength(1);
      expect(audit.json().items[0].after).toMatchObject({ purpose });
      const listed = (await ownClient.request('GET', `/api/students/${ownStudentId}/consents`)).json();
      expect(listed.find((x: { id: number }) => x.id === given.json().id).purpose).toEqual(purpose);
      // The partner now sees the student's profile, as the consent says.
      expect((await c.partner2.request('GET', `/api/students/${ownStudentId}`)).statusCode).toBe(200);
    });

    it('may not consent to a non-partner organisation, backdate a consent or end it before it starts', async () => {
      const before = (await c.admin.request('GET', `/api/students/${ownStudentId}/consents`)).json().length;
      const cases: [Record<string, unknown>, string, string][] = [
        [{ organisationId: world.ministry.id }, 'body.organisationId', 'partnerOrganisation'],
        [{ organisationId: world.home.id }, 'body.organisationId', 'partnerOrganisation'],
        [{ givenOn: '2020-01-01' }, 'body.givenOn', 'notBackdated'],
        [{ validUntil: '2020-01-01' }, 'body.validUntil', ''],
        [{ organisationId: 999_999 }, 'body.organisationId', 'exists'],
        // The purpose is in kk, ru and en: one string (Russian on every reader's page before) is refused.
        [{ purpose: 'Летняя школа' }, 'body.purpose', ''],
      ];
      for (const [change, path, rule] of cases) {
        const response = await ownClient.request('POST', `/api/students/${ownStudentId}/consents`, {
          organisationId: world.partnerOrg.id,
          scopes: ['profile'],
          ...change,
        });
        expect(response.statusCode, JSON.stringify(change)).toBe(400);
        const issues = response.json().error.details.issues as { path: string; reason?: { rule?: string } }[];
        expect(issues.map((i) => i.path)).toContain(path);
        if (rule) expect(issues.find((i) => i.path === path)?.reason?.rule).toBe(rule);
      }
      // Staff record a consent given earlier on paper.
      const paper = await c.officer.request('POST', `/api/students/${ownStudentId}/consents`, {
        organisationId: world.partnerOrg.id,
        scopes: ['profile'],
        givenOn: '2026-09-01',
      });
      expect(paper.statusCode).toBe(201);
      const after = (await c.admin.request('GET', `/api/students/${ownStudentId}/consents`)).json().length;
      expect(after).toBe(before + 1);
    });
  });

  describe('writes', () => {
    const count = async () => (await c.admin.request('GET', '/api/students?pageSize=1')).json().total;
    const auditCount = async () => (await c.admin.request('GET', '/api/audit?pageSize=1')).json().total;

    it('refuses a wrong IIN, e-mail or phone with 400 naming each field, and writes nothing', async () => {
      const [students, audit] = [await count(), await auditCount()];
      const bad = testIin(777).slice(0, 11) + String((Number(testIin(777)[11]) + 1) % 10);
      for (const [body, paths] of [
        [{ iin: bad, fullName: 'Асель' }, ['body.iin']],
        [{ iin: '12345', fullName: 'Асель' }, ['body.iin']],
        [
          { iin: testIin(778), fullName: '', email: 'not-mail', phone: 'call me' },
          ['body.email', 'body.fullName', 'body.phone'],
        ],
      ] as const) {
        const response = await c.admin.request('POST', '/api/students', body);
        expect(response.statusCode).toBe(400);
        const issues: { path: string }[] = response.json().error.details.issues;
        expect([...new Set(issues.map((i) => i.path))].sort()).toEqual(paths);
      }
      const checksum = (await c.admin.request('POST', '/api/students', { iin: bad, fullName: 'A' })).json();
      expect(checksum.error.details.issues[0].message).toMatch(/control digit/);
      expect([await count(), await auditCount()]).toEqual([students, audit]);
    });

    it('answers 409 for an IIN already recorded', async () => {
      const response = await c.coordinator.request('POST', '/api/students', {
        iin: student.iin,
        fullName: 'Someone else',
      });
      expect([response.statusCode, response.json().error.details.issues[0].path]).toEqual([409, 'body.iin']);
    });

    it('audits a student with the IIN masked, the rest as contacts are audited', async () => {
      const iin = testIin(90001);
      const created = await c.coordinator.request('POST', '/api/students', {
        iin,
        fullName: 'Дана Серікқызы',
        email: 'dana@test.kadr.kz',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const changed = await c.admin.request('PATCH', `/api/students/${id}`, {
        iin: testIin(90002),
        phone: '+7 702 000 0000',
      });
      expect(changed.json()).toMatchObject({ iin: testIin(90002), phone: '+7 702 000 0000' });
      const audit = await c.admin.request('GET', `/api/audit?entity=student&entityId=${id}&sort=at`);
      const entries = audit.json().items;
      expect(entries.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
      expect(entries[0].after).toMatchObject({ iin: `********${iin.slice(-4)}`, email: 'dana@test.kadr.kz' });
      expect(audit.body).not.toContain(iin);
      expect(audit.body).not.toContain(testIin(90002));
    });
  });
});
