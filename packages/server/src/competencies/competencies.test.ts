import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;
const EDITORS: Role[] = ['admin', 'coordinator'];

describe('competency frameworks and competencies API', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let admin: Client;
  let coordinator: Client;
  let frameworkId: number;
  const auditOf = async (entity: string, id: number | string) =>
    (await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}`)).json().items as {
      action: string;
      before: unknown;
      after: unknown;
    }[];

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    admin = world.clients.admin;
    coordinator = world.clients.coordinator;
    const created = await coordinator.request('POST', '/api/frameworks', {
      code: 'CDIO-3.0',
      source: 'cdio',
      name: { kk: 'CDIO силлабусы', ru: 'Силлабус CDIO', en: 'CDIO Syllabus' },
      sourceVersion: 'CDIO Syllabus 3.0',
    });
    expect(created.statusCode, created.body).toBe(201);
    frameworkId = created.json().id;
  });
  afterAll(async () => t?.close());

  it('lets every signed-in role read frameworks and competencies, and nobody signed out', async () => {
    for (const role of ROLES) {
      const client = world.clients[role];
      expect((await client.request('GET', '/api/frameworks')).statusCode, role).toBe(200);
      expect((await client.request('GET', `/api/frameworks/${frameworkId}`)).statusCode, role).toBe(200);
      expect((await client.request('GET', '/api/competencies?type=skill')).statusCode, role).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/frameworks' })).statusCode).toBe(401);
  });

  it('lets only admins and coordinators write, refusing the other roles with 403 and writing nothing', async () => {
    for (const role of ROLES.filter((r) => !EDITORS.includes(r))) {
      const client = world.clients[role];
      const body = { code: `X-${role}`, name: { kk: 'а', ru: 'а' } };
      expect((await client.request('POST', '/api/frameworks', body)).statusCode, role).toBe(403);
      expect((await client.request('PATCH', `/api/frameworks/${frameworkId}`, body)).statusCode, role).toBe(
        403,
      );
      expect((await client.request('DELETE', `/api/frameworks/${frameworkId}`)).statusCode, role).toBe(403);
      const competency = { frameworkId, code: `Y-${role}`, type: 'skill', name: { en: 'x' } };
      expect((await client.request('POST', '/api/competencies', competency)).statusCode, role).toBe(403);
    }
    expect((await admin.request('GET', '/api/frameworks')).json().total).toBe(1);
    expect((await admin.request('GET', '/api/competencies')).json().total).toBe(0);
  });

  it('answers bad framework input with 400 naming the field, a repeated code with 409, and writes nothing', async () => {
    const bad = await admin.request('POST', '/api/frameworks', {
      code: 'has space',
      source: 'unknown',
      name: { kk: '', ru: 'Имя' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.source', 'body.name.kk']));
    const again = await admin.request('POST', '/api/frameworks', {
      code: 'CDIO-3.0',
      name: { kk: 'а', ru: 'а' },
    });
    expect([again.statusCode, again.json().error.details.issues[0].path]).toEqual([409, 'body.code']);
    expect((await admin.request('GET', '/api/frameworks')).json().total).toBe(1);
  });

  it('creates, changes and audits competencies in a tree, refusing a cycle and a parent of another framework', async () => {
    const part = await coordinator.request('POST', '/api/competencies', {
      frameworkId,
      code: '2',
      type: 'competence',
      name: {
        kk: 'Жеке және кәсіби дағдылар',
        ru: 'Личные и профессиональные навыки',
        en: 'Personal and professional skills',
      },
    });
    expect(part.statusCode, part.body).toBe(201);
    const item = await coordinator.request('POST', '/api/competencies', {
      frameworkId,
      code: '2.1',
      type: 'skill',
      name: { en: 'Analytic reasoning and problem solving' },
      altLabels: { en: ['problem solving'], ru: ['решение проблем'] },
      parentId: part.json().id,
    });
    expect(item.json()).toMatchObject({
      code: '2.1',
      frameworkCode: 'CDIO-3.0',
      parentCode: '2',
      name: { kk: '', ru: '', en: 'Analytic reasoning and problem solving' },
      altLabels: { kk: [], ru: ['решение проблем'], en: ['problem solving'] },
    });
    const cycle = await coordinator.request('PATCH', `/api/competencies/${part.json().id}`, {
      parentId: item.json().id,
    });
    expect([cycle.statusCode, cycle.json().error.details.issues[0].path]).toEqual([400, 'body.parentId']);
    const other = await admin.request('POST', '/api/frameworks', {
      code: 'KADR-I40',
      name: { kk: 'Индустрия 4.0', ru: 'Индустрия 4.0', en: 'Industry 4.0' },
    });
    const foreign = await coordinator.request('POST', '/api/competencies', {
      frameworkId: other.json().id,
      code: 'I40.1',
      type: 'knowledge',
      name: { ru: 'Цифровой двойник' },
      parentId: part.json().id,
    });
    expect([foreign.statusCode, foreign.json().error.details.issues[0].path]).toEqual([400, 'body.parentId']);
    const nameless = await coordinator.request('POST', '/api/competencies', {
      frameworkId,
      code: '2.2',
      type: 'skill',
      name: { kk: ' ', ru: '', en: '' },
    });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.details.issues[0]).toMatchObject({ path: 'body.name' });
    const changed = await coordinator.request('PATCH', `/api/competencies/${item.json().id}`, {
      name: { kk: 'Аналитикалық ойлау', ru: 'Аналитическое мышление', en: 'Analytic reasoning' },
    });
    expect(changed.json().name.kk).toBe('Аналитикалық ойлау');
    // Other names are listed per language; the one list of before is refused, naming the field.
    const oneList = await coordinator.request('PATCH', `/api/competencies/${item.json().id}`, {
      altLabels: ['problem solving'],
    });
    expect(oneList.statusCode).toBe(400);
    expect(oneList.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
      'body.altLabels',
    );
    const audit = await auditOf('competency', item.json().id);
    expect(audit.find((a) => a.action === 'create')?.after).toMatchObject({
      altLabels: { kk: [], ru: ['решение проблем'], en: ['problem solving'] },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const list = await admin.request('GET', `/api/frameworks/${frameworkId}/competencies?q=аналитич`);
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['2.1']);
    expect((await admin.request('GET', `/api/competencies?parentId=${part.json().id}`)).json().total).toBe(1);
    expect((await admin.request('GET', '/api/frameworks/99999/competencies')).statusCode).toBe(404);
    const parentDelete = await admin.request('DELETE', `/api/competencies/${part.json().id}`);
    expect(parentDelete.statusCode).toBe(409);
  });

  it('deletes an unused framework with its competencies, auditing each one', async () => {
    const framework = await admin.request('POST', '/api/frameworks', {
      code: 'TMP-1',
      name: { kk: 'Уақытша', ru: 'Временная' },
    });
    const id = framework.json().id;
    const competency = await admin.request('POST', '/api/competencies', {
      frameworkId: id,
      code: 'T1',
      type: 'knowledge',
      name: { en: 'Thermodynamics' },
    });
    expect((await admin.request('DELETE', `/api/frameworks/${id}`)).statusCode).toBe(204);
    expect((await admin.request('GET', `/api/frameworks/${id}`)).statusCode).toBe(404);
    expect((await auditOf('competency_framework', id)).map((a) => a.action)).toContain('delete');
    const removed = await auditOf('competency', competency.json().id);
    expect(removed.find((a) => a.action === 'delete')?.before).toMatchObject({ code: 'T1' });
  });
});
