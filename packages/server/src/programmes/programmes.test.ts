import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildLab, buildUser, buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';
import {
  createProgramme,
  disciplineBody,
  draftWithDiscipline,
  enrolStudent,
  programmeBody,
} from './test-support.ts';

type Item = { id: number };
const ids = (items: Item[]) => items.map((i) => i.id).sort((a, b) => a - b);

describe('programmes: who reads and who writes', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let clients: Record<Role | 'partner2', Client>;
  let withPartner: number;
  let withPartner2: number;
  let activeVersion: number;
  let draftVersion: number;
  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    clients = world.clients;
    withPartner = await createProgramme(clients.coordinator, [world.partnerOrg.id]);
    withPartner2 = await createProgramme(clients.admin, [world.otherPartnerOrg.id]);
    activeVersion = await draftWithDiscipline(clients.coordinator, withPartner);
    await clients.coordinator.request('POST', `/api/programme-versions/${activeVersion}/submit`);
    await clients.partner.request('POST', `/api/programme-versions/${activeVersion}/approve`, {});
    draftVersion = await draftWithDiscipline(clients.coordinator, withPartner);
    await enrolStudent(t.database.db, activeVersion, clients.student.me.id, '010101500001');
  });
  afterAll(async () => t?.close());

  const list = async (role: Role | 'partner2', query = '') => {
    const response = await clients[role].request('GET', `/api/programmes?pageSize=200${query}`);
    expect(response.statusCode, `${role} ${response.body}`).toBe(200);
    return response.json();
  };

  it('lets staff and observers read the catalogue, a partner what it co-develops, a student their own programme', async () => {
    for (const role of ['admin', 'coordinator', 'officer', 'observer'] as const)
      expect(ids((await list(role)).items)).toEqual([withPartner, withPartner2]);
    expect(ids((await list('partner')).items)).toEqual([withPartner]);
    expect(ids((await list('partner2')).items)).toEqual([withPartner2]);
    expect(ids((await list('student')).items)).toEqual([withPartner]);
    for (const role of ['mentor', 'admissions'] as const)
      expect((await clients[role].request('GET', '/api/programmes')).statusCode).toBe(403);
  });

  it("answers 404 for a programme, version or discipline outside the reader's scope", async () => {
    const discipline = (await clients.admin.request('GET', `/api/programme-versions/${activeVersion}`)).json()
      .disciplines[0].id as number;
    for (const url of [
      `/api/programmes/${withPartner}`,
      `/api/programmes/${withPartner}/versions`,
      `/api/programme-versions/${activeVersion}`,
      `/api/programme-versions/${activeVersion}/disciplines`,
      `/api/disciplines/${discipline}`,
      `/api/disciplines/${discipline}/equivalences`,
    ]) {
      expect([url, (await clients.partner2.request('GET', url)).statusCode]).toEqual([url, 404]);
      expect([url, (await clients.partner.request('GET', url)).statusCode]).toEqual([url, 200]);
    }
    expect((await clients.student.request('GET', `/api/programmes/${withPartner2}`)).statusCode).toBe(404);
    expect(
      (
        await clients.partner.request('GET', `/api/programmes?organisationId=${world.otherPartnerOrg.id}`)
      ).json().total,
    ).toBe(0);
  });

  it('shows drafts to staff and co-developers, never to students and observers', async () => {
    for (const role of ['student', 'observer'] as const) {
      const history = (await clients[role].request('GET', `/api/programmes/${withPartner}/versions`)).json();
      expect([role, history.items.map((v: Item) => v.id)]).toEqual([role, [activeVersion]]);
      expect((await clients[role].request('GET', `/api/programme-versions/${draftVersion}`)).statusCode).toBe(
        404,
      );
      const programme = (await clients[role].request('GET', `/api/programmes/${withPartner}`)).json();
      expect([programme.draftVersion, programme.versionCount]).toEqual([null, 1]);
    }
    for (const role of ['officer', 'partner'] as const) {
      const history = (await clients[role].request('GET', `/api/programmes/${withPartner}/versions`)).json();
      expect(history.items.map((v: Item) => v.id)).toEqual([draftVersion, activeVersion]);
    }
  });

  it('hides approvers from observers and students (no personal data in the catalogue)', async () => {
    for (const role of ['observer', 'student'] as const) {
      const version = (await clients[role].request('GET', `/api/programme-versions/${activeVersion}`)).json();
      expect(version.approvals).toEqual([expect.objectContaining({ userId: null, userName: null })]);
    }
    const staff = (await clients.officer.request('GET', `/api/programme-versions/${activeVersion}`)).json();
    expect(staff.approvals[0].userName).toEqual(expect.any(String));
  });

  const writes = (programmeId: number, versionId: number): [string, string, unknown?][] => [
    ['POST', '/api/programmes', programmeBody()],
    ['PATCH', `/api/programmes/${programmeId}`, { credits: 250 }],
    ['DELETE', `/api/programmes/${programmeId}`],
    ['POST', `/api/programmes/${programmeId}/versions`, { startYear: 2027 }],
    ['POST', `/api/programme-versions/${versionId}/disciplines`, disciplineBody()],
    ['POST', `/api/programme-versions/${versionId}/submit`],
    ['DELETE', `/api/programme-versions/${versionId}`],
  ];

  for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'coordinator')) {
    it(`forbids ${role} every write with 403 and changes nothing`, async () => {
      const before = (await list('admin')).total;
      for (const [method, url, body] of writes(withPartner, draftVersion)) {
        const response = await clients[role].request(method as 'POST', url, body);
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
      }
      expect((await list('admin')).total).toBe(before);
      const draft = (await clients.admin.request('GET', `/api/programme-versions/${draftVersion}`)).json();
      expect([draft.status, draft.submittedAt, draft.disciplines.length]).toEqual(['draft', null, 2]);
    });
  }

  it('lets a coordinator create, change and delete a programme, each change audited', async () => {
    const agreement = await buildAgreement(t.database.db, [world.home.id, world.partnerOrg.id]);
    const body = programmeBody([], {
      degreeType: 'double',
      codevelopers: [
        {
          organisationId: world.partnerOrg.id,
          contributions: ['degree', 'teaching'],
          agreementId: agreement.id,
        },
      ],
    });
    const created = await clients.coordinator.request('POST', '/api/programmes', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(created.json().codevelopers).toEqual([
      expect.objectContaining({ organisationId: world.partnerOrg.id, agreementNumber: agreement.number }),
    ]);
    const partnerView = (await clients.partner.request('GET', `/api/programmes/${id}`)).json();
    expect(partnerView.codevelopers[0].agreementNumber).toBe(agreement.number);
    const observerView = (await clients.observer.request('GET', `/api/programmes/${id}`)).json();
    expect(observerView.codevelopers[0].agreementNumber).toBeNull();

    const changed = await clients.coordinator.request('PATCH', `/api/programmes/${id}`, { credits: 250 });
    expect(changed.json().credits).toBe(250);
    expect((await clients.coordinator.request('DELETE', `/api/programmes/${id}`)).statusCode).toBe(204);
    const audit = await clients.admin.request('GET', `/api/audit?entity=programme&entityId=${id}`);
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['create', 'delete', 'update']);
  });

  it('refuses to delete a programme a student is enrolled in', async () => {
    const response = await clients.admin.request('DELETE', `/api/programmes/${withPartner}`);
    expect([response.statusCode, response.json().error.code]).toEqual([409, 'CONFLICT']);
  });

  it('deletes a programme with its history, auditing every version, discipline and approval removed', async () => {
    const id = await createProgramme(clients.coordinator, [world.partnerOrg.id]);
    const v1 = await draftWithDiscipline(clients.coordinator, id, 2);
    await clients.coordinator.request('POST', `/api/programme-versions/${v1}/submit`);
    await clients.partner.request('POST', `/api/programme-versions/${v1}/approve`, {});
    const disciplines = (await clients.admin.request('GET', `/api/programme-versions/${v1}`)).json()
      .disciplines as Item[];
    expect((await clients.coordinator.request('DELETE', `/api/programmes/${id}`)).statusCode).toBe(204);
    const deleted = async (entity: string, entityId: string | number) =>
      (
        await clients.admin.request('GET', `/api/audit?entity=${entity}&entityId=${entityId}&action=delete`)
      ).json().total;
    expect(await deleted('programme_version', v1)).toBe(1);
    expect(await deleted('programme_version_approval', `${v1}:${world.partnerOrg.id}`)).toBe(1);
    for (const d of disciplines) expect(await deleted('discipline', d.id)).toBe(1);
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const before = (await list('admin')).total;
    const audited = (await clients.admin.request('GET', '/api/audit?pageSize=1')).json().total;
    const bad: [unknown, string][] = [
      [programmeBody([], { code: '7M07101' }), 'body.code'],
      [programmeBody([], { code: '6B-07101' }), 'body.code'],
      [programmeBody([], { credits: 120 }), 'body.credits'],
      [programmeBody([], { degreeType: 'joint' }), 'body.codevelopers'],
      [programmeBody([world.partnerOrg.id, world.partnerOrg.id]), 'body.codevelopers.1.organisationId'],
      [programmeBody([999_999]), 'body.codevelopers.0.organisationId'],
      [programmeBody([world.home.id]), 'body.codevelopers.0.organisationId'],
      [programmeBody([], { languages: ['kk', 'kk'] }), 'body.languages'],
      [programmeBody([], { name: { kk: '', ru: 'Имя' } }), 'body.name.kk'],
      [programmeBody([], { durationSemesters: 13 }), 'body.durationSemesters'],
    ];
    for (const [body, path] of bad) {
      const response = await clients.coordinator.request('POST', '/api/programmes', body);
      expect([path, response.statusCode]).toEqual([path, 400]);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const other = await buildAgreement(t.database.db, [world.home.id, world.otherPartnerOrg.id]);
    const wrongAgreement = programmeBody([], {
      codevelopers: [{ organisationId: world.partnerOrg.id, contributions: ['labs'], agreementId: other.id }],
    });
    const refused = await clients.coordinator.request('POST', '/api/programmes', wrongAgreement);
    expect(refused.json().error.details.issues[0].path).toBe('body.codevelopers.0.agreementId');
    const duplicate = programmeBody([], {
      code: (await clients.admin.request('GET', `/api/programmes/${withPartner}`)).json().code,
    });
    expect((await clients.coordinator.request('POST', '/api/programmes', duplicate)).statusCode).toBe(409);
    expect((await list('admin')).total).toBe(before);
    expect((await clients.admin.request('GET', '/api/audit?pageSize=1')).json().total).toBe(audited);
  });

  it('filters, searches, sorts and pages the catalogue', async () => {
    const metallurgy = await clients.coordinator.request(
      'POST',
      '/api/programmes',
      programmeBody([], {
        priorityArea: 'metallurgy',
        programmeGroup: 'B061',
        name: { kk: 'Металлургия', ru: 'Металлургия', en: 'Metallurgy' },
      }),
    );
    const id = metallurgy.json().id as number;
    expect(ids((await list('admin', '&priorityArea=metallurgy')).items)).toEqual([id]);
    expect(ids((await list('admin', '&programmeGroup=B061')).items)).toEqual([id]);
    expect(ids((await list('admin', '&q=metallurg')).items)).toEqual([id]);
    expect(ids((await list('admin', `&organisationId=${world.otherPartnerOrg.id}`)).items)).toEqual([
      withPartner2,
    ]);
    expect((await list('admin', '&level=master')).total).toBe(0);
    const sorted = (await list('admin', '&sort=-code')).items.map((p: { code: string }) => p.code);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const page = (await clients.admin.request('GET', '/api/programmes?pageSize=1&page=2')).json();
    expect([page.items.length, page.page]).toEqual([1, 2]);
    expect((await clients.admin.request('GET', '/api/programmes?sort=name')).statusCode).toBe(400);
  });

  it('checks disciplines: semester within the programme, a known lab, a code unique in the version', async () => {
    const lab = await buildLab(t.database.db);
    const id = await draftWithDiscipline(clients.coordinator, withPartner2, 0);
    const url = `/api/programme-versions/${id}/disciplines`;
    const ok = await clients.coordinator.request(
      'POST',
      url,
      disciplineBody({ code: 'EE 2001', labIds: [lab.id] }),
    );
    expect(ok.json().labs).toEqual([expect.objectContaining({ id: lab.id, code: lab.code })]);
    const bad: [unknown, string][] = [
      [disciplineBody({ semester: 9 }), 'body.semester'],
      [disciplineBody({ labIds: [999_999] }), 'body.labIds.0'],
      [disciplineBody({ labIds: [lab.id, lab.id] }), 'body.labIds'],
      [disciplineBody({ equipmentIds: [999_999] }), 'body.equipmentIds.0'],
      [disciplineBody({ code: 'EE 2001' }), 'body.code'],
      [disciplineBody({ code: '' }), 'body.code'],
      [disciplineBody({ credits: 0 }), 'body.credits'],
      [disciplineBody({ cycle: 'other' }), 'body.cycle'],
    ];
    for (const [body, path] of bad) {
      const response = await clients.coordinator.request('POST', url, body);
      expect([path, response.statusCode]).toEqual([path, 400]);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await clients.coordinator.request('GET', url)).json().total).toBe(1);
  });

  it('keeps credit equivalences of a draft, refusing an unknown organisation and a repeated course', async () => {
    const programmeId = await createProgramme(clients.admin, [world.otherPartnerOrg.id]);
    const id = await draftWithDiscipline(clients.coordinator, programmeId, 1);
    const discipline = (await clients.admin.request('GET', `/api/programme-versions/${id}`)).json()
      .disciplines[0];
    const url = `/api/disciplines/${discipline.id}/equivalences`;
    const body = {
      organisationId: world.otherPartnerOrg.id,
      courseCode: 'EE1010',
      courseTitle: 'Circuit theory',
      partnerEcts: 7.5,
      rule: 'content',
    };
    const created = await clients.coordinator.request('POST', url, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      partnerEcts: 7.5,
      organisationShortName: world.otherPartnerOrg.shortName,
    });
    expect((await clients.coordinator.request('POST', url, body)).statusCode).toBe(409);
    expect(
      (await clients.coordinator.request('POST', url, { ...body, organisationId: 999_999 })).statusCode,
    ).toBe(400);
    expect((await clients.coordinator.request('POST', url, { ...body, partnerEcts: 7.3 })).statusCode).toBe(
      400,
    );
    expect((await clients.partner2.request('GET', url)).json().items).toHaveLength(1);
    expect((await clients.partner.request('GET', url)).statusCode).toBe(404);
    // A course of another organisation: staff see both, the co-developing partner only its own.
    const other = await clients.coordinator.request('POST', url, {
      ...body,
      organisationId: world.partnerOrg.id,
      courseCode: 'EL200',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await clients.coordinator.request('GET', url)).json().total).toBe(2);
    const own = (await clients.partner2.request('GET', url)).json();
    expect([own.total, own.items.map((e: { organisationId: number }) => e.organisationId)]).toEqual([
      1,
      [world.otherPartnerOrg.id],
    ]);
    expect(
      (await clients.partner2.request('GET', `${url}?organisationId=${world.partnerOrg.id}`)).statusCode,
    ).toBe(404);
    // The count on the discipline follows the list: staff count both, the partner only its own organisation's.
    const countOf = async (client: Client) => {
      const one = (await client.request('GET', `/api/disciplines/${discipline.id}`)).json();
      const version = (await client.request('GET', `/api/programme-versions/${id}`)).json();
      const page = (await client.request('GET', `/api/programme-versions/${id}/disciplines`)).json();
      return [one.equivalenceCount, version.disciplines[0].equivalenceCount, page.items[0].equivalenceCount];
    };
    expect(await countOf(clients.coordinator)).toEqual([2, 2, 2]);
    expect(await countOf(clients.partner2)).toEqual([1, 1, 1]);
    const equivalenceId = created.json().id as number;
    const changed = await clients.coordinator.request('PATCH', `/api/credit-equivalences/${equivalenceId}`, {
      rule: 'ects',
    });
    expect(changed.json().rule).toBe('ects');
    expect(
      (await clients.coordinator.request('DELETE', `/api/credit-equivalences/${equivalenceId}`)).statusCode,
    ).toBe(204);
    const audit = await clients.admin.request(
      'GET',
      `/api/audit?entity=credit_equivalence&entityId=${equivalenceId}`,
    );
    expect(audit.json().total).toBe(3);
  });

  it('opens one draft at a time, numbered after the last version', async () => {
    const again = await clients.coordinator.request('POST', `/api/programmes/${withPartner}/versions`, {
      startYear: 2027,
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CONFLICT']);
    const draft = (await clients.admin.request('GET', `/api/programme-versions/${draftVersion}`)).json();
    expect(draft.number).toBe(2);
    const signedIn = await signIn(
      t.app,
      (await buildUser(t.database.db, { role: 'coordinator', organisationId: world.home.id })).email,
    );
    expect((await signedIn.request('DELETE', `/api/programme-versions/${activeVersion}`)).statusCode).toBe(
      409,
    );
  });
});
