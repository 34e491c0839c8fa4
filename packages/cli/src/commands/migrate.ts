import { parseFlags } from '../args.ts';
import type { Command } from '../command.ts';
import { openConfiguredDatabase } from '../database.ts';
import { databaseFlags, resolveSettings } from '../settings.ts';

const usage = `Usage: kadr migrate [--data-dir DIR] [--database-url URL]

Applies pending database migrations (serve does it too at start) and prints the current one.`;

/** `kadr migrate`: apply pending migrations. */
export const migrateCommand: Command = {
  words: ['migrate'],
  summary: 'apply pending database migrations',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, databaseFlags, usage);
    const settings = resolveSettings(
      { dataDir: values['data-dir'], databaseUrl: values['database-url'] },
      io.env,
    );
    const database = await openConfiguredDatabase(settings);
    await database.close();
    io.out(`Database (${database.kind}) is at migration ${database.migration}`);
    return 0;
  },
};
