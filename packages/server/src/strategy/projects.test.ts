import type { AuditEntry, Milestone } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildOrganisation, buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { SAMPLE_PDF, upload } from '../uploads/test-support.ts';

describe('strategy projects and milestones', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let universityId: number;
  let agreementId: number;
  let projectId: number;
  let pngFileId: number;

  const project = (overrides: Record<string, unknown> = {}) => ({
    kind: 'branch',
    name: { kk: 'Филиал жобасы', ru: 'Проект филиала', en: 'Branch project' },
    organisationId: universityId,
    agreementId,
    startsOn: '2026-01-01',
    ...overrides,
  });
  const tri = (kk: string, ru: string, en: string) => ({ kk, ru, en });
  const auditActions = async (entity: string, id: number) =>
    (
      (await world.clients.admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}`)).json()
        .items as AuditEntry[]
    )
      .map((e) => e.action)
      .sort();

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    universityId = (await buildOrganisation(t.database.db, { kind: 'partner_university' })).id;
    agreementId = (
      await buildAgreement(t.database.db, [world.home.id, universityId], { kind: 'foreign_branch' })
    ).id;
  }, 180_000); // builds the world (eight signed-in users): seconds alone, much more on a busy machine
  afterAll(async () => t?.close());

  it('lets a coordinator start a project, audited, and staff read it', async () => {
    const created = await world.clients.coordinator.request('POST', '/api/strategy-projects', project());
    expect(created.statusCode).toBe(201);
    projectId = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'planned',
      milestones: { total: 0, done: 0, overdue: 0 },
    });
    expect(await auditActions('project', projectId)).toEqual(['create']);
    for (const role of ['admin', 'coordinator', 'officer'] as const)
      expect(
        (await world.clients[role].request('GET', `/api/strategy-projects/${projectId}`)).statusCode,
      ).toBe(200);
  });

  it('lists the possible milestone owners to project writers only', async () => {
    const owners = await world.clients.coordinator.request('GET', '/api/milestone-owners');
    expect(owners.statusCode).toBe(200);
    expect(owners.json().map((o: { role: string }) => o.role)).toContain('officer');
    expect((await world.clients.officer.request('GET', '/api/milestone-owners')).statusCode).toBe(403);
  });

  it('refuses projects to observers, partners and students, and writes to officers', async () => {
    for (const role of ['observer', 'partner', 'student', 'mentor', 'admissions'] as const)
      expect((await world.clients[role].request('GET', '/api/strategy-projects')).statusCode).toBe(403);
    expect(
      (await world.clients.officer.request('POST', '/api/strategy-projects', project())).statusCode,
    ).toBe(403);
    expect(
      (
        await world.clients.officer.request('PATCH', `/api/strategy-projects/${projectId}`, {
          status: 'active',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a project without partner or agreement, with its end before its start, or with a stranger to the agreement', async () => {
    const cases = [
      [project({ organisationId: null, agreementId: null }), 'organisationId'],
      [project({ endsOn: '2025-12-31' }), 'endsOn'],
      [project({ organisationId: world.partnerOrg.id }), 'body.agreementId'],
      [project({ agreementId: 999999 }), 'body.agreementId'],
      [project({ kind: 'campus' }), 'kind'],
    ] as const;
    for (const [body, path] of cases) {
      const response = await world.clients.admin.request('POST', '/api/strategy-projects', body);
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain(path);
    }
    const patched = await world.clients.admin.request('PATCH', `/api/strategy-projects/${projectId}`, {
      organisationId: null,
      agreementId: null,
    });
    expect(patched.statusCode).toBe(400);
    expect((await world.clients.admin.request('GET', '/api/strategy-projects')).json().total).toBe(1);
  });

  it('keeps a description in three languages, any of which may be empty, and refuses a single-language one', async () => {
    const description = { kk: 'Филиалға лицензия алу', ru: 'Получение лицензии филиала', en: '' };
    const created = await world.clients.admin.request(
      'POST',
      '/api/strategy-projects',
      project({ description }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().description).toEqual(description);
    const id = created.json().id;
    const single = await world.clients.admin.request('PATCH', `/api/strategy-projects/${id}`, {
      description: 'Получение лицензии филиала',
    });
    expect(single.statusCode).toBe(400);
    expect(JSON.stringify(single.json().error.details)).toContain('body.description');
    const english = await world.clients.admin.request('PATCH', `/api/strategy-projects/${id}`, {
      description: { ...description, en: 'Obtaining the branch campus licence' },
    });
    expect(english.json().description.en).toBe('Obtaining the branch campus licence');
    const blank = await world.clients.admin.request('POST', '/api/strategy-projects', project());
    expect(blank.json().description).toEqual({ kk: '', ru: '', en: '' });
    for (const done of [id, blank.json().id])
      expect((await world.clients.admin.request('DELETE', `/api/strategy-projects/${done}`)).statusCode).toBe(
        204,
      );
  });

  it('refuses a milestone title in one language, or without its Kazakh or Russian text, naming the field', async () => {
    const url = `/api/strategy-projects/${projectId}/milestones`;
    const milestone = (title: unknown) => ({
      title,
      ownerId: world.clients.officer.me.id,
      dueOn: '2027-01-01',
    });
    for (const [title, path] of [
      ['Licence application', 'body.title'],
      [tri('', 'Заявка на лицензию', 'Licence application'), 'body.title.kk'],
      [tri('Лицензияға өтінім', '', 'Licence application'), 'body.title.ru'],
    ] as const) {
      const refused = await world.clients.coordinator.request('POST', url, milestone(title));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const created = await world.clients.coordinator.request(
      'POST',
      url,
      milestone(tri('Лицензияға өтінім', 'Заявка на лицензию', '')),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().title).toEqual(tri('Лицензияға өтінім', 'Заявка на лицензию', ''));
    const renamed = await world.clients.admin.request('PATCH', `/api/milestones/${created.json().id}`, {
      title: tri('Лицензияға өтінім беру', 'Подача заявки на лицензию', 'Licence application filed'),
    });
    expect(renamed.json().title.kk).toBe('Лицензияға өтінім беру');
    expect(
      (await world.clients.admin.request('DELETE', `/api/milestones/${created.json().id}`)).statusCode,
    ).toBe(204);
  });

  it("shows an open milestone past its due date as overdue on its owner's list only", async () => {
    const created = await world.clients.coordinator.request(
      'POST',
      `/api/strategy-projects/${projectId}/milestones`,
      {
        title: tri('Лицензияға өтінім', 'Заявка на лицензию', 'Licence application'),
        ownerId: world.clients.officer.me.id,
        dueOn: '2026-12-01',
      },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'overdue', completedOn: null });
    await world.clients.coordinator.request('POST', `/api/strategy-projects/${projectId}/milestones`, {
      title: tri('Бірінші қабылдау', 'Первый набор', 'First intake'),
      ownerId: world.clients.officer.me.id,
      dueOn: '2027-09-01',
    });
    const mine = await world.clients.officer.request('GET', '/api/me/milestones?overdue=true');
    expect((mine.json().items as Milestone[]).map((m) => m.title.en)).toEqual(['Licence application']);
    expect((await world.clients.officer.request('GET', '/api/me/milestones')).json().total).toBe(2);
    expect((await world.clients.admin.request('GET', '/api/me/milestones?overdue=true')).json().total).toBe(
      0,
    );
    const detail = await world.clients.admin.request('GET', `/api/strategy-projects/${projectId}`);
    expect(detail.json().milestones).toEqual({ total: 2, done: 0, overdue: 1 });
  });

  it('lets the owner complete a milestone with evidence but not move its due date; others may not touch it', async () => {
    const [milestone] = (await world.clients.officer.request('GET', '/api/me/milestones?overdue=true')).json()
      .items;
    const licence = { label: tri('Лицензия', 'Лицензия', 'Licence'), url: 'https://example.kz/licence.pdf' };
    const done = await world.clients.officer.request('PATCH', `/api/milestones/${milestone.id}`, {
      status: 'done',
      evidence: [licence],
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2026-12-07', evidence: [licence] });
    expect(await auditActions('milestone', milestone.id)).toEqual(['create', 'update']);
    const moved = await world.clients.officer.request('PATCH', `/api/milestones/${milestone.id}`, {
      dueOn: '2027-01-01',
    });
    expect(moved.statusCode).toBe(403);
    for (const role of ['partner', 'student', 'observer'] as const)
      expect(
        (await world.clients[role].request('PATCH', `/api/milestones/${milestone.id}`, { status: 'pending' }))
          .statusCode,
      ).toBe(404);
    const badLink = await world.clients.officer.request('PATCH', `/api/milestones/${milestone.id}`, {
      evidence: [{ label: tri('x', 'x', 'x'), url: 'javascript:alert(1)' }],
    });
    expect(badLink.statusCode).toBe(400);
    const badOwner = await world.clients.admin.request('PATCH', `/api/milestones/${milestone.id}`, {
      ownerId: 999999,
    });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error.details.issues[0].path).toBe('body.ownerId');
  });

  it('keeps evidence link labels in kk, ru and en, audited, and refuses the single-language label of before with a clear 400', async () => {
    const created = await world.clients.coordinator.request(
      'POST',
      `/api/strategy-projects/${projectId}/milestones`,
      {
        title: tri('Келісімге қол қою', 'Подписание соглашения', 'Agreement signed'),
        ownerId: world.clients.officer.me.id,
        dueOn: '2027-05-01',
      },
    );
    const url = `/api/milestones/${created.json().id}`;
    const evidenceNow = async () =>
      (
        (
          await world.clients.admin.request('GET', `/api/strategy-projects/${projectId}/milestones`)
        ).json() as Milestone[]
      ).find((m) => m.id === created.json().id)?.evidence;
    expect(await evidenceNow()).toEqual([]);
    const old = await world.clients.officer.request('PATCH', url, {
      evidence: [
        { label: tri('Хаттама', 'Протокол', ''), url: 'https://example.kz/minutes.pdf' },
        { label: 'Протокол', url: 'https://example.kz/minutes.pdf' },
      ],
    });
    expect(old.statusCode).toBe(400);
    const issue = old
      .json()
      .error.details.issues.find((i: { path: string }) => i.path === 'body.evidence.1.label');
    expect(issue.message).toContain('three languages');
    for (const [label, path] of [
      [tri('', 'Протокол', 'Minutes'), 'body.evidence.0.label.kk'],
      [tri('Хаттама', '', 'Minutes'), 'body.evidence.0.label.ru'],
    ] as const) {
      const refused = await world.clients.officer.request('PATCH', url, {
        evidence: [{ label, url: 'https://example.kz/minutes.pdf' }],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    // nothing half-written: the milestone is as it was, and no change was audited
    expect(await evidenceNow()).toEqual([]);
    expect(await auditActions('milestone', created.json().id)).toEqual(['create']);
    const minutes = { label: tri('Хаттама', 'Протокол', ''), url: 'https://example.kz/minutes.pdf' };
    const saved = await world.clients.officer.request('PATCH', url, { evidence: [minutes] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().evidence).toEqual([minutes]);
    const audit = (
      await world.clients.admin.request('GET', `/api/audit?entity=milestone&entityId=${created.json().id}`)
    ).json().items as AuditEntry[];
    expect(audit.find((e) => e.action === 'update')?.after).toMatchObject({ evidence: [minutes] });
    expect((await world.clients.admin.request('DELETE', url)).statusCode).toBe(204);
  });

  it("keeps the stored status beside the shown one, so an overdue milestone's edit starts from what was saved", async () => {
    const created = await world.clients.coordinator.request(
      'POST',
      `/api/strategy-projects/${projectId}/milestones`,
      {
        title: tri('Зертхананы жабдықтау', 'Оснащение лаборатории', 'Lab fit-out'),
        ownerId: world.clients.officer.me.id,
        dueOn: '2026-11-01',
        status: 'in_progress',
      },
    );
    expect(created.json()).toMatchObject({ status: 'overdue', storedStatus: 'in_progress', files: [] });
    const saved = await world.clients.officer.request('PATCH', `/api/milestones/${created.json().id}`, {
      status: created.json().storedStatus,
      completedOn: null,
      evidence: [],
    });
    expect(saved.json()).toMatchObject({ status: 'overdue', storedStatus: 'in_progress' });
  });

  it('takes evidence files from the owner and writers (PDF, PNG, JPEG by their bytes), audited; downloads them to staff', async () => {
    const mine = (await world.clients.officer.request('GET', '/api/me/milestones')).json()
      .items as Milestone[];
    const milestone = mine.find((m) => m.title.en === 'First intake')!;
    const url = `/api/milestones/${milestone.id}/files`;
    const pdf = await upload(
      t.app,
      world.clients.officer,
      url,
      'act of acceptance.pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      fileName: 'act of acceptance.pdf',
    });
    expect(await auditActions('milestone_file', pdf.json().id)).toEqual(['create']);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32),
    ]);
    const photo = await upload(
      t.app,
      world.clients.coordinator,
      url,
      'lab.png',
      'application/octet-stream',
      png,
    );
    expect(photo.json()).toMatchObject({ contentType: 'image/png' });
    pngFileId = photo.json().id;

    // bad input and strangers: refused, nothing written
    const text = await upload(
      t.app,
      world.clients.officer,
      url,
      'fake.pdf',
      'application/pdf',
      Buffer.from('hello'),
    );
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const big = await upload(
      t.app,
      world.clients.officer,
      url,
      'big.pdf',
      'application/pdf',
      Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const json = await world.clients.officer.request('POST', url, { file: 'x' });
    expect(json.statusCode).toBe(415);
    for (const role of ['partner', 'observer', 'student'] as const)
      expect(
        (await upload(t.app, world.clients[role], url, 'a.pdf', 'application/pdf', SAMPLE_PDF)).statusCode,
      ).toBe(404);
    const adminOwned = (
      await world.clients.admin.request('POST', `/api/strategy-projects/${projectId}/milestones`, {
        title: tri('Кеңестің мақұлдауы', 'Одобрение совета', 'Board approval'),
        ownerId: world.clients.admin.me.id,
        dueOn: '2027-03-01',
      })
    ).json();
    const notOwner = await upload(
      t.app,
      world.clients.officer,
      `/api/milestones/${adminOwned.id}/files`,
      'a.pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    expect(notOwner.statusCode).toBe(403);
    const listed = (
      await world.clients.admin.request('GET', `/api/strategy-projects/${projectId}/milestones`)
    ).json() as Milestone[];
    expect(listed.find((m) => m.id === milestone.id)!.files.map((f) => f.contentType)).toEqual([
      'application/pdf',
      'image/png',
    ]);
    expect(listed.find((m) => m.id === adminOwned.id)!.files).toEqual([]);

    const download = await world.clients.officer.request('GET', `/api/milestone-files/${pdf.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('act%20of%20acceptance.pdf');
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(pdf.json().sha256);
    expect(
      (await world.clients.partner.request('GET', `/api/milestone-files/${pdf.json().id}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.clients.partner.request('DELETE', `/api/milestone-files/${pdf.json().id}`)).statusCode,
    ).toBe(404);
    expect(
      (await world.clients.officer.request('DELETE', `/api/milestone-files/${pdf.json().id}`)).statusCode,
    ).toBe(204);
    expect(await auditActions('milestone_file', pdf.json().id)).toEqual(['create', 'delete']);
    expect(
      (await world.clients.officer.request('GET', `/api/milestone-files/${pdf.json().id}`)).statusCode,
    ).toBe(404);
  });

  it('deletes a project with its milestones, each audited', async () => {
    const milestones = (
      await world.clients.admin.request('GET', `/api/strategy-projects/${projectId}/milestones`)
    ).json() as Milestone[];
    expect(
      (await world.clients.officer.request('DELETE', `/api/strategy-projects/${projectId}`)).statusCode,
    ).toBe(403);
    expect(
      (await world.clients.coordinator.request('DELETE', `/api/strategy-projects/${projectId}`)).statusCode,
    ).toBe(204);
    for (const m of milestones) expect(await auditActions('milestone', m.id)).toContain('delete');
    expect(await auditActions('milestone_file', pngFileId)).toEqual(['create', 'delete']);
    expect(await auditActions('project', projectId)).toEqual(['create', 'delete']);
    expect((await world.clients.admin.request('GET', `/api/strategy-projects/${projectId}`)).statusCode).toBe(
      404,
    );
  });
});
