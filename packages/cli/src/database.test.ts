import { organisationsRepository } from '@kadr/db';
import { openTestPglite } from '@kadr/db/testing';
import { expect, it } from 'vitest';
import { prepareToServe } from './database.ts';

/** The planner's estimate of the organisations table's rows (-1 until statistics are gathered). */
async function estimatedOrganisations(database: Awaited<ReturnType<typeof openTestPglite>>): Promise<number> {
  const answer = (await database.db.execute(
    `select reltuples::int as estimated from pg_class where relname = 'organisations'`,
  )) as unknown as { rows: { estimated: number }[] };
  return answer.rows[0]!.estimated;
}

it('gathers the planner’s statistics of an embedded database before serving it (PGlite has no autovacuum)', async () => {
  const database = await openTestPglite();
  try {
    for (const shortName of ['Alpha', 'Beta', 'Gamma'])
      await organisationsRepository.create(database.db, {
        kind: 'company',
        name: { kk: shortName, ru: shortName, en: shortName },
        shortName,
        country: 'KZ',
        city: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' },
        sector: null,
        priorityAreas: [],
        website: '',
      });
    expect(await estimatedOrganisations(database)).toBe(-1);
    await prepareToServe(database);
    expect(await estimatedOrganisations(database)).toBe(3);
  } finally {
    await database.close();
  }
});
