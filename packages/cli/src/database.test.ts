import { type Database, organisationsRepository } from '@kadr/db';
import { openTestPglite, runSql, testOrganisation } from '@kadr/db/testing';
import { expect, it } from 'vitest';
import { prepareToServe } from './database.ts';

/** The planner's estimate of the organisations table's rows (-1 until statistics are gathered). */
async function estimatedOrganisations(database: Database): Promise<number> {
  const [row] = await runSql<{ estimated: number }>(
    database,
    `select reltuples::int as estimated from pg_class where relname = 'organisations'`,
  );
  return row!.estimated;
}

it('gathers the planner’s statistics of an embedded database before serving it (PGlite has no autovacuum)', async () => {
  const database = await openTestPglite();
  try {
    for (const shortName of ['Alpha', 'Beta', 'Gamma'])
      await organisationsRepository.create(database.db, testOrganisation(shortName));
    expect(await estimatedOrganisations(database)).toBe(-1);
    await prepareToServe(database);
    expect(await estimatedOrganisations(database)).toBe(3);
  } finally {
    await database.close();
  }
});
