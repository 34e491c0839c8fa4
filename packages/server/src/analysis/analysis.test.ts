import type { ProgrammeAnalysis } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVersion } from '../passport/passport-test-data.ts';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';

describe('programme analysis', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let version: Awaited<ReturnType<typeof buildVersion>>;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    // 8 disciplines, one a semester; each teaches 2 competencies of 6; competency 5 only by practice at 4.
    version = await buildVersion(t.database.db, {
      disciplines: 8,
      competencies: 6,
      outcomesPerDiscipline: 2,
      codeveloperIds: [world.partnerOrg.id],
      practice: [[5, 4]],
    });
  });
  afterAll(async () => t.close());

  const analysisAs = (client: keyof typeof world.clients, id = version.versionId) =>
    world.clients[client].request('GET', `/api/programme-versions/${id}/analysis`);

  it('answers the matrix, the balance per year and the gaps', async () => {
    const response = await analysisAs('coordinator');
    expect(response.statusCode).toBe(200);
    const analysis = response.json() as ProgrammeAnalysis;
    expect(analysis.rows).toHaveLength(9);
    expect(analysis.rows.at(-1)).toEqual({ discipline: null, practiceType: 'industrial' });
    expect(analysis.columns.map((c) => c.competency.id)).toEqual(version.competencyIds);
    // Discipline i teaches competencies i and i+1 (mod 6) at levels (i % 5) + 1 and ((i + 1) % 5) + 1.
    expect(analysis.cells[0]).toEqual([1, 2, 0, 0, 0, 0]);
    expect(analysis.cells[8]).toEqual([0, 0, 0, 0, 0, 4]);
    const { knowledge, skill, competence, unmapped } = analysis.balance.credits;
    expect([knowledge + skill + competence, unmapped]).toEqual([40, 0]);
    expect(analysis.years.map((y) => y.year)).toEqual([1, 2, 3, 4]);
    // Every competency is promised at 3: a gap is a column whose best cell is below 3.
    for (const gap of analysis.gaps) expect(gap.bestLevel).toBeLessThan(gap.targetLevel);
    const columnBest = analysis.columns.map((_, c) => Math.max(...analysis.cells.map((row) => row[c]!)));
    expect(analysis.gaps.map((g) => g.competency.id)).toEqual(
      version.competencyIds.filter((_, c) => columnBest[c]! < 3),
    );
  });

  it('shows a partner only the programmes it co-develops, and observers any', async () => {
    expect((await analysisAs('partner')).statusCode).toBe(200);
    expect((await analysisAs('partner2')).statusCode).toBe(404);
    expect((await analysisAs('observer')).statusCode).toBe(200);
    for (const role of ['student', 'mentor', 'admissions'] as const)
      expect((await analysisAs(role)).statusCode).toBe(403);
  });

  it('answers 404 for a version that does not exist and 400 for a bad id', async () => {
    expect((await analysisAs('admin', 999_999)).statusCode).toBe(404);
    expect(
      (await world.clients.admin.request('GET', '/api/programme-versions/abc/analysis')).statusCode,
    ).toBe(400);
  });
});
