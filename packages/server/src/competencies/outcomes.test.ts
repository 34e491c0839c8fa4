import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { buildProgrammeVersion, enrolStudent } from './test-builders.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;
type Version = Awaited<ReturnType<typeof buildProgrammeVersion>>;

describe('learning outcomes and promised competencies of a programme version', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let coordinator: Client;
  let draft: Version;
  let active: Version;
  let competencyIds: number[];
  const url = (v: Version) => `/api/programme-versions/${v.version.id}/outcomes`;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    coordinator = world.clients.coordinator;
    const db = t.database.db;
    draft = await buildProgrammeVersion(db, { codeveloperIds: [world.partnerOrg.id] });
    active = await buildProgrammeVersion(db, { status: 'active' });
    await enrolStudent(db, world.clients.student.me.id, active.version.id);
    const framework = await coordinator.request('POST', '/api/frameworks', {
      code: 'KADR-ENG',
      name: { kk: 'Инженерлік құзыреттер', ru: 'Инженерные компетенции', en: 'Engineering competencies' },
    });
    competencyIds = [];
    for (const [code, type] of [
      ['E1', 'knowledge'],
      ['E2', 'skill'],
      ['E3', 'competence'],
    ] as const) {
      const c = await coordinator.request('POST', '/api/competencies', {
        frameworkId: framework.json().id,
        code,
        type,
        name: { en: `Competency ${code}` },
      });
      competencyIds.push(c.json().id);
    }
  });
  afterAll(async () => t?.close());

  const mapping = () => ({
    promised: [
      { competencyId: competencyIds[0], targetLevel: 3 },
      { competencyId: competencyIds[1], targetLevel: 4 },
    ],
    outcomes: [
      {
        disciplineId: draft.disciplines[0]!.id,
        competencyId: competencyIds[0],
        targetLevel: 3,
        description: { ru: 'Объясняет законы Кирхгофа', en: "Explains Kirchhoff's laws" },
      },
      { disciplineId: draft.disciplines[1]!.id, competencyId: competencyIds[1], targetLevel: 2 },
      { practiceType: 'industrial', competencyId: competencyIds[1], targetLevel: 4 },
    ],
  });

  it('replaces the mapping of a draft, answers it with the disciplines and audits every row', async () => {
    const put = await coordinator.request('PUT', url(draft), mapping());
    expect(put.statusCode, put.body).toBe(200);
    const body = put.json();
    expect(body).toMatchObject({ versionStatus: 'draft', editable: true });
    expect(body.disciplines.map((d: { semester: number }) => d.semester)).toEqual([1, 2, 3]);
    expect(body.promised.map((p: { code: string; targetLevel: number }) => [p.code, p.targetLevel])).toEqual([
      ['E1', 3],
      ['E2', 4],
    ]);
    expect(body.outcomes).toHaveLength(3);
    expect(body.outcomes[0].description).toEqual({
      kk: '',
      ru: 'Объясняет законы Кирхгофа',
      en: "Explains Kirchhoff's laws",
    });
    const audit = await world.clients.admin.request('GET', '/api/audit?entity=learning_outcome&pageSize=50');
    expect(audit.json().total).toBe(3);
    const promisedAudit = await world.clients.admin.request('GET', '/api/audit?entity=programme_competency');
    expect(promisedAudit.json().total).toBe(2);
  });

  it('keeps the ids of outcomes that stay, changes levels and removes what the new mapping leaves out', async () => {
    const before = (await coordinator.request('GET', url(draft))).json();
    const next = mapping();
    next.outcomes[0]!.targetLevel = 4;
    next.outcomes.pop();
    next.promised.pop();
    const put = await coordinator.request('PUT', url(draft), next);
    const after = put.json();
    expect(after.outcomes.map((o: { id: number }) => o.id)).toEqual(
      before.outcomes.slice(0, 2).map((o: { id: number }) => o.id),
    );
    expect(after.outcomes[0].targetLevel).toBe(4);
    expect(after.promised).toHaveLength(1);
    const audit = (
      await world.clients.admin.request('GET', '/api/audit?entity=learning_outcome&pageSize=50')
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'create',
      'create',
      'create',
      'delete',
      'update',
    ]);
  });

  it('answers bad mappings with 400 naming each field and changes nothing', async () => {
    const before = (await coordinator.request('GET', url(draft))).json();
    const bad = await coordinator.request('PUT', url(draft), {
      promised: [
        { competencyId: competencyIds[0], targetLevel: 6 },
        { competencyId: 99999, targetLevel: 2 },
      ],
      outcomes: [
        { disciplineId: active.disciplines[0]!.id, competencyId: competencyIds[0], targetLevel: 2 },
        { competencyId: competencyIds[0], targetLevel: 2 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.promised.0.targetLevel', 'body.outcomes.1.disciplineId']),
    );
    const references = await coordinator.request('PUT', url(draft), {
      promised: [{ competencyId: 99999, targetLevel: 2 }],
      outcomes: [{ disciplineId: active.disciplines[0]!.id, competencyId: competencyIds[0], targetLevel: 2 }],
    });
    expect(references.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.promised.0.competencyId',
      'body.outcomes.0.disciplineId',
    ]);
    const repeated = await coordinator.request('PUT', url(draft), {
      promised: [
        { competencyId: competencyIds[0], targetLevel: 2 },
        { competencyId: competencyIds[0], targetLevel: 3 },
      ],
      outcomes: [],
    });
    expect(repeated.json().error.details.issues[0].path).toBe('body.promised.1.competencyId');
    expect((await coordinator.request('GET', url(draft))).json()).toEqual(before);
  });

  it('refuses to change the outcomes of a version that is not a draft with 409', async () => {
    const put = await coordinator.request('PUT', url(active), { promised: [], outcomes: [] });
    expect([put.statusCode, put.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await coordinator.request('GET', url(active))).json()).toMatchObject({ editable: false });
  });

  it('refuses to change the outcomes of a draft submitted for approval, and allows it again once withdrawn', async () => {
    const submitted = await buildProgrammeVersion(t.database.db, { codeveloperIds: [world.partnerOrg.id] });
    const base = `/api/programme-versions/${submitted.version.id}`;
    expect((await coordinator.request('POST', `${base}/submit`)).statusCode).toBe(200);
    const body = { promised: [{ competencyId: competencyIds[0], targetLevel: 2 }], outcomes: [] };
    const put = await coordinator.request('PUT', `${base}/outcomes`, body);
    expect([put.statusCode, put.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await coordinator.request('GET', `${base}/outcomes`)).json().promised).toEqual([]);
    expect((await coordinator.request('POST', `${base}/withdraw`)).statusCode).toBe(200);
    expect((await coordinator.request('PUT', `${base}/outcomes`, body)).statusCode).toBe(200);
  });

  it('changes the outcomes of an approved version only through a new draft copied from it, and says so', async () => {
    const { clients } = world;
    const built = await buildProgrammeVersion(t.database.db, { codeveloperIds: [world.partnerOrg.id] });
    const base = `/api/programme-versions/${built.version.id}`;
    const texts = { kk: 'Ом заңын қолданады', ru: 'Применяет закон Ома', en: "Applies Ohm's law" };
    const body = {
      promised: [{ competencyId: competencyIds[0], targetLevel: 3 }],
      outcomes: [
        {
          disciplineId: built.disciplines[0]!.id,
          competencyId: competencyIds[0],
          targetLevel: 3,
          description: texts,
        },
      ],
    };
    expect((await coordinator.request('PUT', `${base}/outcomes`, body)).statusCode).toBe(200);
    expect((await coordinator.request('POST', `${base}/submit`)).statusCode).toBe(200);
    expect((await coordinator.request('GET', `${base}/outcomes`)).json()).toMatchObject({
      editable: false,
      lockedBecause: 'submitted',
      draftVersion: null,
    });
    expect((await clients.partner.request('POST', `${base}/approve`, {})).json().status).toBe('active');

    // The approved version: read-only for everyone, the reason given; a change is refused and writes nothing.
    const approved = (await coordinator.request('GET', `${base}/outcomes`)).json();
    expect(approved).toMatchObject({ editable: false, lockedBecause: 'active', draftVersion: null });
    expect((await clients.partner.request('GET', `${base}/outcomes`)).json()).toMatchObject({
      lockedBecause: 'active',
      draftVersion: null,
    });
    const changed = { ...body, outcomes: [{ ...body.outcomes[0]!, description: { ...texts, en: 'New' } }] };
    const refused = await coordinator.request('PUT', `${base}/outcomes`, changed);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CONFLICT']);
    expect((await coordinator.request('GET', `${base}/outcomes`)).json()).toEqual(approved);

    // A new version starts as a copy: the disciplines, the promised levels and every outcome with its texts.
    const created = await coordinator.request('POST', `/api/programmes/${built.programme.id}/versions`, {
      startYear: 2027,
    });
    expect(created.statusCode, created.body).toBe(201);
    const next = `/api/programme-versions/${created.json().id}/outcomes`;
    const copy = (await coordinator.request('GET', next)).json();
    expect(copy).toMatchObject({ versionNumber: 2, editable: true, lockedBecause: null, draftVersion: null });
    expect(copy.promised.map((p: { competencyId: number }) => p.competencyId)).toEqual([competencyIds[0]]);
    expect(copy.outcomes).toEqual([
      expect.objectContaining({
        disciplineId: copy.disciplines[0].id,
        competencyId: competencyIds[0],
        targetLevel: 3,
        description: texts,
      }),
    ]);
    expect(copy.disciplines[0].id).not.toBe(built.disciplines[0]!.id);
    const copied = await clients.admin.request(
      'GET',
      `/api/audit?entity=learning_outcome&entityId=${copy.outcomes[0].id}`,
    );
    expect(copied.json().items.map((a: { action: string }) => a.action)).toEqual(['create']);
    // The approved version's editors are pointed at the draft; the partner is not.
    expect((await coordinator.request('GET', `${base}/outcomes`)).json().draftVersion).toEqual({
      id: created.json().id,
      number: 2,
    });
    expect((await clients.partner.request('GET', `${base}/outcomes`)).json().draftVersion).toBeNull();

    // The draft changes; the version in force keeps its texts until the draft is approved in its place.
    const edit = {
      ...changed,
      outcomes: [{ ...changed.outcomes[0]!, disciplineId: copy.disciplines[0].id }],
    };
    expect((await coordinator.request('PUT', next, edit)).json().outcomes[0].description.en).toBe('New');
    expect((await coordinator.request('GET', `${base}/outcomes`)).json().outcomes[0].description).toEqual(
      texts,
    );
  });

  it('shows the mapping to whoever may read the version: drafts to staff and co-developing partners only', async () => {
    const { clients } = world;
    for (const role of ['admin', 'coordinator', 'officer', 'partner'] as const)
      expect((await clients[role].request('GET', url(draft))).statusCode, role).toBe(200);
    expect((await clients.partner.request('GET', url(draft))).json()).toMatchObject({
      editable: false,
      lockedBecause: 'role',
    });
    for (const role of ['admin', 'officer', 'observer', 'student'] as const)
      expect((await clients[role].request('GET', url(active))).statusCode, role).toBe(200);
    for (const role of ['observer', 'student', 'partner2'] as const)
      expect((await clients[role].request('GET', url(draft))).statusCode, role).toBe(404);
    expect((await clients.partner.request('GET', url(active))).statusCode).toBe(404);
    for (const role of ['mentor', 'admissions'] as const)
      expect((await clients[role].request('GET', url(draft))).statusCode, role).toBe(403);
    for (const role of ['officer', 'partner', 'student', 'observer', 'mentor', 'admissions'] as const)
      expect(
        (await clients[role].request('PUT', url(draft), { promised: [], outcomes: [] })).statusCode,
      ).toBe(403);
    expect((await clients.admin.request('GET', '/api/programme-versions/99999/outcomes')).statusCode).toBe(
      404,
    );
  });

  it("changes a discipline's outcome descriptions in kk, ru and en, audited; refuses a long text and other roles", async () => {
    expect((await coordinator.request('PUT', url(draft), mapping())).statusCode).toBe(200);
    const texts = {
      kk: 'Кирхгоф заңдарын түсіндіреді',
      ru: 'Объясняет законы Кирхгофа и применяет их',
      en: "Explains and applies Kirchhoff's laws",
    };
    const next = mapping();
    (next.outcomes[0] as { description: object }).description = texts;
    const put = await coordinator.request('PUT', url(draft), next);
    expect(put.json().outcomes[0].description).toEqual(texts);
    // The clock is fixed, so the entry is found by what changed, not by its time.
    const audit = (
      await world.clients.admin.request('GET', '/api/audit?entity=learning_outcome&pageSize=100')
    ).json().items as { action: string; before: { description: object }; after: { description: object } }[];
    const changed = audit.filter(
      (a) => a.action === 'update' && (a.after.description as { kk?: string }).kk === texts.kk,
    );
    expect(changed.map((a) => a.before.description)).toEqual([
      { kk: '', ru: 'Объясняет законы Кирхгофа', en: "Explains Kirchhoff's laws" },
    ]);

    const long = mapping();
    (long.outcomes[0] as { description: object }).description = { ...texts, kk: 'ә'.repeat(2001) };
    const refused = await coordinator.request('PUT', url(draft), long);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      expect.objectContaining({
        path: 'body.outcomes.0.description.kk',
        reason: expect.objectContaining({ code: 'too_big', maximum: 2000 }),
      }),
    ]);
    for (const role of ['officer', 'partner', 'student', 'observer', 'mentor'] as const)
      expect([role, (await world.clients[role].request('PUT', url(draft), long)).statusCode]).toEqual([
        role,
        403,
      ]);
    expect((await coordinator.request('GET', url(draft))).json().outcomes[0].description).toEqual(texts);
  });

  it('refuses to delete a framework or a competency a programme uses', async () => {
    const competency = (await coordinator.request('GET', `/api/competencies/${competencyIds[0]}`)).json();
    const framework = (await coordinator.request('GET', `/api/frameworks/${competency.frameworkId}`)).json();
    expect(framework.inUse).toBe(true);
    expect((await coordinator.request('DELETE', `/api/frameworks/${framework.id}`)).statusCode).toBe(409);
    expect((await coordinator.request('DELETE', `/api/competencies/${competency.id}`)).statusCode).toBe(409);
    expect((await coordinator.request('DELETE', `/api/competencies/${competencyIds[2]}`)).statusCode).toBe(
      204,
    );
  });
});
