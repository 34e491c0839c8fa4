import { bulkRepository, type Database, DataDirLockedError, openDatabase } from '@kadr/db';
import { CliError } from './cli-error.ts';
import type { Settings } from './settings.ts';

/** Opens the configured database (PostgreSQL when a URL is set, else PGlite in the data folder). */
export async function openConfiguredDatabase(settings: Settings): Promise<Database> {
  try {
    return settings.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: settings.databaseUrl })
      : await openDatabase({ kind: 'pglite', dataDir: settings.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CliError(error.message, 1);
    const where = settings.databaseUrl
      ? 'the PostgreSQL server of DATABASE_URL'
      : `the data folder ${settings.dataDir}`;
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new CliError(`cannot open ${where}: ${reason}`, 1);
  }
}

/**
 * What `kadr serve` does to a database before it answers: on PGlite, gathers the planner's statistics (ANALYZE),
 * since PGlite has no autovacuum to do it while the data grows, and a database that was never analyzed is planned
 * on guessed table sizes (docs/api-performance.md, eighth round). About 0.2 s on the demo; PostgreSQL's
 * autovacuum keeps its own statistics.
 */
export async function prepareToServe(database: Database): Promise<void> {
  if (database.kind === 'pglite') await bulkRepository.refreshStatistics(database.db);
}
