import { AppError, type ServiceContext, systemActor } from '@kadr/server';
import { CliError } from './cli-error.ts';
import { openConfiguredDatabase } from './database.ts';
import { resolveSettings } from './settings.ts';

/**
 * Opens the configured database, runs `work` as the audited actor `system:cli` and closes the
 * database. A service error (AppError) becomes a runtime CliError; `describe` may word it, e.g. to
 * list the rows of a failed import.
 */
export async function withServiceContext<T>(
  args: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
  work: (ctx: ServiceContext) => Promise<T>,
  describe: (error: AppError) => string = (error) => `${error.code}: ${error.message}`,
): Promise<T> {
  const flag = (name: string) => (typeof args[name] === 'string' ? (args[name] as string) : undefined);
  const settings = resolveSettings({ dataDir: flag('data-dir'), databaseUrl: flag('database-url') }, env);
  const database = await openConfiguredDatabase(settings);
  try {
    return await work({
      db: database.db,
      actor: systemActor('cli'),
      requestId: 'cli',
      now: () => new Date(),
      timeZone: settings.timeZone,
    });
  } catch (error) {
    if (error instanceof AppError) throw new CliError(describe(error), 1);
    throw error;
  } finally {
    await database.close();
  }
}
