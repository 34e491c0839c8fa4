import { readFileSync } from 'node:fs';
import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/esco/${name}`, import.meta.url));
const SKILLS_EN = fixture('skills_en.csv');
const SKILLS_RU = fixture('skills_ru.csv');
const RELATIONS = fixture('broaderRelationsSkillPillar.csv');
const ESCO = 'http://data.europa.eu/esco/skill/';
const HEADER =
  'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description';

/** A multipart body with one file per field. */
function multipart(files: Record<string, Buffer>) {
  const boundary = `----kadr${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(files).map(([field, content]) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${field}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`ESCO import on ${kind.name}`, () => {
    let t: Awaited<ReturnType<typeof createBareTestApp>>;
    let coordinator: Client;
    let partner: Client;
    let frameworkId: number;
    const post = (client: Client, query: string, files: Record<string, Buffer>, id = frameworkId) => {
      const body = multipart(files);
      return t.app.inject({
        method: 'POST',
        url: `/api/frameworks/${id}/esco-import?${query}`,
        cookies: { kadr_session: client.cookie },
        headers: { ...body.headers, 'x-csrf-token': client.me.csrfToken },
        payload: body.payload,
      });
    };
    const competencies = async () =>
      (await coordinator.request('GET', `/api/frameworks/${frameworkId}/competencies?pageSize=200`)).json();
    const byLabel = async (label: string) =>
      (await competencies()).items.find((c: { name: { en: string } }) => c.name.en === label);

    beforeAll(async () => {
      t = await createBareTestApp({}, { database: await kind.open() });
      const home = await buildOrganisation(t.database.db, { kind: 'home_university' });
      const company = await buildOrganisation(t.database.db);
      const user = await buildUser(t.database.db, { role: 'coordinator', organisationId: home.id });
      coordinator = await signIn(t.app, user.email);
      const partnerUser = await buildUser(t.database.db, { role: 'partner', organisationId: company.id });
      partner = await signIn(t.app, partnerUser.email);
      const framework = await coordinator.request('POST', '/api/frameworks', {
        code: 'ESCO-1.2',
        source: 'esco',
        name: { kk: 'ESCO дағдылары', ru: 'Навыки ESCO', en: 'ESCO skills' },
        sourceVersion: 'ESCO v1.2.0',
      });
      frameworkId = framework.json().id;
    });
    afterAll(async () => t?.close());

    it('reports on a dry run what the files would create, writing nothing', async () => {
      const dry = await post(coordinator, 'language=en&dryRun=true', {
        skills: SKILLS_EN,
        broaderRelations: RELATIONS,
      });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toEqual({
        frameworkId,
        language: 'en',
        dryRun: true,
        rows: 12,
        created: 12,
        updated: 0,
        unchanged: 0,
        relations: { rows: 10, linked: 5, skipped: 5 },
      });
      expect((await competencies()).total).toBe(0);
    });

    it('imports the skills file as downloaded: types mapped, alternative labels one a line, broader skills linked', async () => {
      const result = await post(coordinator, 'language=en', {
        skills: SKILLS_EN,
        broaderRelations: RELATIONS,
      });
      expect(result.json()).toMatchObject({ created: 12, relations: { linked: 5, skipped: 5 } });
      const all = await competencies();
      expect(all.total).toBe(12);
      const typeOf = Object.fromEntries(
        all.items.map((c: { name: { en: string }; type: string }) => [c.name.en, c.type]),
      );
      expect(typeOf).toMatchObject({
        'chemical engineering': 'knowledge',
        'operate distillation columns': 'skill',
        'work in teams': 'competence',
        'think critically': 'competence',
        'apply health and safety standards': 'skill',
      });
      const column = await byLabel('operate distillation columns');
      expect(column).toMatchObject({
        code: '5b8e0d42-1c3f-4a67-8e29-7f0a1b2c3d02',
        uri: `${ESCO}5b8e0d42-1c3f-4a67-8e29-7f0a1b2c3d02`,
        reuseLevel: 'sector-specific',
        altLabels: {
          kk: [],
          ru: [],
          en: ['run distillation units', 'control fractionation columns', 'operate fractionators'],
        },
        name: { kk: '', ru: '', en: 'operate distillation columns' },
        parentCode: '3f2a6c1e-8b7d-4e0a-9c51-2d6e7f8a9b01',
      });
      expect(column.description.en).toMatch(/^Start up, run and shut down/);
      // The second broader skill of a concept is left aside: Kadr keeps one broader competency.
      expect((await byLabel('monitor catalytic cracking process')).parentCode).toBe(column.code);
      const audit = await coordinator.request('GET', '/api/audit?entity=competency&action=create');
      expect(audit.statusCode).toBe(403); // the audit log is the admins'
    });

    it('fills the Russian columns and alternative labels from skills_ru.csv and keeps the English ones', async () => {
      const result = await post(coordinator, 'language=ru', { skills: SKILLS_RU });
      expect(result.json()).toMatchObject({ rows: 3, created: 0, updated: 3, unchanged: 0 });
      const teams = await byLabel('work in teams');
      expect(teams.name).toEqual({ kk: '', ru: 'работать в команде', en: 'work in teams' });
      // The Russian labels go to the Russian list; the English list stays (one list replaced the other before).
      expect(teams.altLabels).toEqual({
        kk: [],
        ru: ['сотрудничать с коллегами'],
        en: ['collaborate with colleagues', 'teamwork', 'cooperate in a team'],
      });
      const search = await coordinator.request(
        'GET',
        `/api/frameworks/${frameworkId}/competencies?q=${encodeURIComponent('сотрудничать')}`,
      );
      expect(search.json().items.map((c: { name: { en: string } }) => c.name.en)).toEqual(['work in teams']);
      const english = await coordinator.request(
        'GET',
        `/api/frameworks/${frameworkId}/competencies?q=teamwork`,
      );
      expect(english.json().total).toBe(1);
      // Without a relations file the broader competencies stay as they were.
      expect((await byLabel('operate distillation columns')).parentCode).toBe(
        '3f2a6c1e-8b7d-4e0a-9c51-2d6e7f8a9b01',
      );
    });

    it('changes nothing when the same English file comes again (its alternative labels were kept)', async () => {
      const again = await post(coordinator, 'language=en', {
        skills: SKILLS_EN,
        broaderRelations: RELATIONS,
      });
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
      const twice = await post(coordinator, 'language=en', {
        skills: SKILLS_EN,
        broaderRelations: RELATIONS,
      });
      expect(twice.json()).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
      expect((await byLabel('work in teams')).name.ru).toBe('работать в команде');
    });

    it('refuses a file with bad rows naming each row and column, and writes nothing', async () => {
      const bad = Buffer.from(
        [
          HEADER,
          `KnowledgeSkillCompetence,${ESCO}aaaaaaaa-0000-4000-8000-000000000001,competence,sector-specific,weld pipelines,,,released,,,,,Join pipe sections.`,
          `KnowledgeSkillCompetence,${ESCO}aaaaaaaa-0000-4000-8000-000000000002,knowledge,global,pipeline engineering,,,released,,,,,`,
          `KnowledgeSkillCompetence,${ESCO}aaaaaaaa-0000-4000-8000-000000000003,skill/competence,cross-sector,,,,released,,,,,No label.`,
          `KnowledgeSkillCompetence,not a uri,skill/competence,cross-sector,inspect welds,,,released,,,,,`,
          `SkillGroup,${ESCO}aaaaaaaa-0000-4000-8000-000000000005,,,welding,,,released,,,,,`,
          `KnowledgeSkillCompetence,${ESCO}aaaaaaaa-0000-4000-8000-000000000007,skill/competence,,inspect welds,,,released,,,,,`,
          `KnowledgeSkillCompetence,${ESCO}aaaaaaaa-0000-4000-8000-000000000007,skill/competence,,inspect welds,,,released,,,,,`,
        ].join('\n'),
      );
      const relations = Buffer.from(
        `conceptType,conceptUri,broaderType,broaderUri\nKnowledgeSkillCompetence,${ESCO}x,KnowledgeSkillCompetence,\n`,
      );
      const refused = await post(coordinator, 'language=en', { skills: bad, broaderRelations: relations });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('IMPORT_FAILED');
      const issues = refused.json().error.details.issues.map((i: { path: string }) => i.path);
      expect(issues).toEqual([
        'skills row 2, column skillType',
        'skills row 3, column reuseLevel',
        'skills row 4, column preferredLabel',
        'skills row 5, column conceptUri',
        'skills row 6, column conceptType',
        'skills row 8, column conceptUri',
        'broaderRelations row 2, column broaderUri',
      ]);
      expect((await competencies()).total).toBe(12);
    });

    it('refuses a cycle of broader skills, a framework that is not ESCO, a missing file and a partner', async () => {
      const a = `${ESCO}3f2a6c1e-8b7d-4e0a-9c51-2d6e7f8a9b01`;
      const b = `${ESCO}5b8e0d42-1c3f-4a67-8e29-7f0a1b2c3d02`;
      const cycle = Buffer.from(
        `conceptType,conceptUri,broaderType,broaderUri\nKnowledgeSkillCompetence,${a},KnowledgeSkillCompetence,${b}\nKnowledgeSkillCompetence,${b},KnowledgeSkillCompetence,${a}\n`,
      );
      const refused = await post(coordinator, 'language=en', { skills: SKILLS_EN, broaderRelations: cycle });
      expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
        'broaderRelations row 2, column broaderUri',
        'broaderRelations row 3, column broaderUri',
      ]);
      const own = await coordinator.request('POST', '/api/frameworks', {
        code: 'OWN-1',
        name: { kk: 'а', ru: 'а' },
      });
      const notEsco = await post(coordinator, 'language=en', { skills: SKILLS_EN }, own.json().id);
      expect([notEsco.statusCode, notEsco.json().error.details.issues[0].path]).toEqual([400, 'params.id']);
      const noSkills = await post(coordinator, 'language=en', { broaderRelations: RELATIONS });
      expect([noSkills.statusCode, noSkills.json().error.details.issues[0].path]).toEqual([
        400,
        'body.skills',
      ]);
      expect((await post(partner, 'language=en', { skills: SKILLS_EN })).statusCode).toBe(403);
      expect((await post(coordinator, 'language=de', { skills: SKILLS_EN })).statusCode).toBe(400);
      expect((await competencies()).total).toBe(12);
    });
  });
}
