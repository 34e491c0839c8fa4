// `npx tsx bench/esco/run.ts`: an ESCO import the size of ESCO v1.2 (13,900 skills in skills_en.csv, 20,800
// broader relations) through the API, on PGlite and, when DATABASE_URL is set, on PostgreSQL: the dry run, the
// import, the same files again (nothing changes) and a Russian file for 2,000 of the skills. The files are
// generated in ESCO's layout (quoted cells, alternative labels one a line); prints one line per step.
import { openTestPglite, openTestPostgres } from '@kadr/db/testing';
import { buildOrganisation, buildUser } from '@kadr/server/test/factories';
import { createBareTestApp, signIn } from '@kadr/server/testing';

const SKILLS = 13_900;
const SKILL_LINKS = 6_900;
const HEADER =
  'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description';
const REUSE = ['sector-specific', 'occupation-specific', 'cross-sector', 'transversal'];
const uri = (i: number) =>
  `http://data.europa.eu/esco/skill/${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function skillsFile(count: number, label: (i: number) => string): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < count; i++)
    lines.push(
      [
        'KnowledgeSkillCompetence',
        uri(i),
        i % 3 === 0 ? 'knowledge' : 'skill/competence',
        REUSE[i % 4],
        label(i),
        quote(`${label(i)} (other)\n${label(i)}, again`),
        '',
        'released',
        '2024-01-25T11:28:50.295Z',
        '',
        '',
        'http://data.europa.eu/esco/concept-scheme/skills',
        quote(`A description of ${label(i)}, with a comma and "quotes", as ESCO writes them.`),
      ].join(','),
    );
  return Buffer.from(lines.join('\n'));
}

function relationsFile(): Buffer {
  const lines = ['conceptType,conceptUri,broaderType,broaderUri'];
  for (let i = 0; i < SKILLS; i++)
    lines.push(
      `KnowledgeSkillCompetence,${uri(i)},SkillGroup,http://data.europa.eu/esco/isced-f/0${i % 100}`,
    );
  for (let i = 1; i <= SKILL_LINKS; i++)
    lines.push(
      `KnowledgeSkillCompetence,${uri(i + 1000)},KnowledgeSkillCompetence,${uri(Math.floor(i / 7))}`,
    );
  return Buffer.from(lines.join('\n'));
}

function multipart(files: Record<string, Buffer>) {
  const boundary = '----kadrbench';
  const parts = Object.entries(files).flatMap(([field, content]) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${field}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function run(name: string, open: () => Promise<Awaited<ReturnType<typeof openTestPglite>>>) {
  const t = await createBareTestApp({}, { database: await open() });
  try {
    const home = await buildOrganisation(t.database.db, { kind: 'home_university' });
    const user = await buildUser(t.database.db, { role: 'coordinator', organisationId: home.id });
    const client = await signIn(t.app, user.email);
    const framework = await client.request('POST', '/api/frameworks', {
      code: 'ESCO-BENCH',
      source: 'esco',
      name: { kk: 'ESCO', ru: 'ESCO', en: 'ESCO' },
    });
    const id = framework.json().id as number;
    const english = skillsFile(SKILLS, (i) => `operate machine ${i}`);
    const relations = relationsFile();
    const russian = skillsFile(2000, (i) => `управлять машиной ${i}`);
    const post = async (label: string, query: string, files: Record<string, Buffer>) => {
      const body = multipart(files);
      const started = performance.now();
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/frameworks/${id}/esco-import?${query}`,
        cookies: { kadr_session: client.cookie },
        headers: { ...body.headers, 'x-csrf-token': client.me.csrfToken },
        payload: body.payload,
      });
      const ms = performance.now() - started;
      const result = response.json();
      if (response.statusCode !== 200)
        throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      console.log(
        `${name}\t${label}\t${(ms / 1000).toFixed(2)} s\tcreated ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, linked ${result.relations.linked}, skipped ${result.relations.skipped}`,
      );
    };
    console.log(
      `${name}\tfiles\tskills ${(english.length / 1024 / 1024).toFixed(1)} MiB, relations ${(relations.length / 1024 / 1024).toFixed(1)} MiB`,
    );
    await post('dry run', 'language=en&dryRun=true', { skills: english, broaderRelations: relations });
    await post('import', 'language=en', { skills: english, broaderRelations: relations });
    await post('same again', 'language=en', { skills: english, broaderRelations: relations });
    await post('russian 2000', 'language=ru', { skills: russian });
  } finally {
    await t.close();
  }
}

await run('pglite', openTestPglite);
if (process.env.DATABASE_URL) await run('postgres', () => openTestPostgres(process.env.DATABASE_URL!));
