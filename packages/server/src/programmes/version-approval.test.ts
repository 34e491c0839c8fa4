import type { Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';
import { createProgramme, disciplineBody, draftWithDiscipline } from './test-support.ts';

type AuditEntry = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

describe('the approval of a programme version', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let clients: Record<Role | 'partner2', Client>;
  let outsider: Client;
  let coordinator: Client;
  let partnerOrgId: number;
  let otherPartnerOrgId: number;
  beforeAll(async () => {
    t = await createBareTestApp();
    const world = await buildWorld(t);
    clients = world.clients;
    coordinator = clients.coordinator;
    partnerOrgId = world.partnerOrg.id;
    otherPartnerOrgId = world.otherPartnerOrg.id;
    const stranger = await buildOrganisation(t.database.db, { kind: 'partner_university' });
    outsider = await signIn(
      t.app,
      (await buildUser(t.database.db, { role: 'partner', organisationId: stranger.id })).email,
    );
  });
  afterAll(async () => t?.close());

  const version = async (id: number) =>
    (await coordinator.request('GET', `/api/programme-versions/${id}`)).json();
  const auditOf = async (entity: string, entityId: string | number) =>
    (
      await clients.admin.request('GET', `/api/audit?entity=${entity}&entityId=${entityId}&pageSize=50`)
    ).json().items as AuditEntry[];

  it('activates a version only when every co-developer has approved it, each once, for its own organisation', async () => {
    const programmeId = await createProgramme(coordinator, [partnerOrgId, otherPartnerOrgId]);
    const id = await draftWithDiscipline(coordinator, programmeId);

    const early = await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);

    const submitted = await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'draft', submittedAt: expect.any(String) });
    expect((await version(id)).missing.approvals).toHaveLength(2);

    for (const role of [
      'admin',
      'coordinator',
      'officer',
      'student',
      'observer',
      'mentor',
      'admissions',
    ] as const) {
      const refused = await clients[role].request('POST', `/api/programme-versions/${id}/approve`, {});
      expect([role, refused.statusCode]).toEqual([role, 403]);
    }
    const stranger = await outsider.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect(stranger.statusCode).toBe(404);

    const first = await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {
      comment: 'Согласовано',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('draft');
    expect(first.json().approvals).toEqual([
      expect.objectContaining({
        organisationId: partnerOrgId,
        userId: clients.partner.me.id,
        comment: 'Согласовано',
      }),
    ]);
    const twice = await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await version(id)).missing.approvals).toEqual([
      expect.objectContaining({ organisationId: otherPartnerOrgId }),
    ]);

    const last = await clients.partner2.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({ status: 'active', activatedAt: expect.any(String) });
    // Each partner sees who approved for its own organisation only.
    expect(last.json().approvals).toEqual([
      expect.objectContaining({ organisationId: partnerOrgId, userId: null, userName: null }),
      expect.objectContaining({ organisationId: otherPartnerOrgId, userId: clients.partner2.me.id }),
    ]);

    const late = await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(
      (await auditOf('programme_version_approval', `${id}:${partnerOrgId}`)).map((e) => e.action),
    ).toEqual(['create']);
  });

  it('supersedes the active version in the same step and keeps the history readable', async () => {
    const programmeId = await createProgramme(coordinator, [partnerOrgId]);
    const v1 = await draftWithDiscipline(coordinator, programmeId, 2);
    await coordinator.request('POST', `/api/programme-versions/${v1}/submit`);
    expect(
      (await clients.partner.request('POST', `/api/programme-versions/${v1}/approve`, {})).json().status,
    ).toBe('active');
    const v2 = await draftWithDiscipline(coordinator, programmeId, 1);
    expect((await version(v2)).disciplines).toHaveLength(3); // two copied from version 1, one added
    await coordinator.request('POST', `/api/programme-versions/${v2}/submit`);
    expect((await version(v1)).status).toBe('active');
    const approved = await clients.partner.request('POST', `/api/programme-versions/${v2}/approve`, {});
    expect(approved.json().status).toBe('active');

    const old = await version(v1);
    expect(old).toMatchObject({ status: 'superseded', supersededAt: approved.json().activatedAt });
    expect(old.disciplines).toHaveLength(2);
    const history = await clients.partner.request('GET', `/api/programmes/${programmeId}/versions`);
    expect(history.json().items.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual(
      [
        [2, 'active'],
        [1, 'superseded'],
      ],
    );
    const programme = await clients.observer.request('GET', `/api/programmes/${programmeId}`);
    expect(programme.json().activeVersion).toMatchObject({ id: v2, number: 2 });
    const updates = await auditOf('programme_version', v1);
    expect(updates.at(-1)).toMatchObject({
      action: 'update',
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'superseded' }),
    });
  });

  it('activates on submit when the programme has no co-developers', async () => {
    const programmeId = await createProgramme(coordinator);
    const id = await draftWithDiscipline(coordinator, programmeId);
    const submitted = await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'active', approvals: [] });
    const again = await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    expect(again.statusCode).toBe(409);
  });

  it('refuses to submit a draft without disciplines, and to submit, approve or delete what is not a draft', async () => {
    const programmeId = await createProgramme(coordinator, [partnerOrgId]);
    const empty = await coordinator.request('POST', `/api/programmes/${programmeId}/versions`, {
      startYear: 2026,
    });
    const id = empty.json().id as number;
    expect((await coordinator.request('POST', `/api/programme-versions/${id}/submit`)).statusCode).toBe(409);
    await coordinator.request('POST', `/api/programme-versions/${id}/disciplines`, disciplineBody());
    await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {});
    expect((await coordinator.request('DELETE', `/api/programme-versions/${id}`)).statusCode).toBe(409);
    expect((await coordinator.request('POST', `/api/programme-versions/${id}/withdraw`)).statusCode).toBe(
      409,
    );
    const change = await coordinator.request(
      'POST',
      `/api/programme-versions/${id}/disciplines`,
      disciplineBody(),
    );
    expect([change.statusCode, change.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('freezes a submitted draft; withdrawing it removes its approvals (audited) and opens it again', async () => {
    const programmeId = await createProgramme(coordinator, [partnerOrgId, otherPartnerOrgId]);
    const id = await draftWithDiscipline(coordinator, programmeId);
    const disciplineId = (await version(id)).disciplines[0].id as number;
    await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    await clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {});

    const edits = [
      await coordinator.request('PATCH', `/api/disciplines/${disciplineId}`, { credits: 6 }),
      await coordinator.request('DELETE', `/api/disciplines/${disciplineId}`),
      await coordinator.request('PATCH', `/api/programme-versions/${id}`, { note: 'x' }),
      await coordinator.request('PATCH', `/api/programmes/${programmeId}`, { codevelopers: [] }),
    ];
    expect(edits.map((r) => r.statusCode)).toEqual([409, 409, 409, 409]);

    const withdrawn = await coordinator.request('POST', `/api/programme-versions/${id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'draft', submittedAt: null, approvals: [] });
    expect(
      (await auditOf('programme_version_approval', `${id}:${partnerOrgId}`)).map((e) => e.action),
    ).toEqual(['create', 'delete']);
    expect(
      (await coordinator.request('PATCH', `/api/disciplines/${disciplineId}`, { credits: 6 })).statusCode,
    ).toBe(200);
  });

  it('lets exactly one of two simultaneous last approvals activate the version', async () => {
    const programmeId = await createProgramme(coordinator, [partnerOrgId, otherPartnerOrgId]);
    const id = await draftWithDiscipline(coordinator, programmeId);
    await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
    const answers = await Promise.all([
      clients.partner.request('POST', `/api/programme-versions/${id}/approve`, {}),
      clients.partner2.request('POST', `/api/programme-versions/${id}/approve`, {}),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().status).sort()).toEqual(['active', 'draft']);
    const activations = (await auditOf('programme_version', id)).filter(
      (e) => (e.after as { status?: string } | null)?.status === 'active',
    );
    expect(activations).toHaveLength(1);
  });
});
