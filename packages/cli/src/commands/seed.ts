import { randomBytes } from 'node:crypto';
import { seedDemo } from '@kadr/server';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { openConfiguredDatabase } from '../database.ts';
import { databaseFlags, resolveSettings } from '../settings.ts';

const usage = `Usage: kadr seed --demo [--data-dir DIR] [--database-url URL]

Seeds the demo university, its partners and one user per role into an empty database.
The demo password is KADR_DEMO_PASSWORD, or a generated one printed once.`;

/** `kadr seed --demo`: demo data on an empty database. */
export const seedCommand: Command = {
  words: ['seed'],
  summary: 'seed demo data into an empty database',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { ...databaseFlags, demo: { type: 'boolean' } }, usage);
    if (!values.demo) throw new CliError(`say what to seed: --demo\n\n${usage}`);
    const settings = resolveSettings(
      { dataDir: values['data-dir'], databaseUrl: values['database-url'] },
      io.env,
    );
    const database = await openConfiguredDatabase(settings);
    try {
      const password = settings.demoPassword ?? randomBytes(9).toString('base64url');
      const result = await seedDemo(database.db, password, { timeZone: settings.timeZone });
      if (!result.seeded) {
        io.out('The database already holds organisations: nothing seeded.');
        return 0;
      }
      io.out(`Seeded ${result.emails.length} demo users: ${result.emails.join(', ')}`);
      io.out(
        settings.demoPassword
          ? 'Demo password: the value of KADR_DEMO_PASSWORD'
          : `Demo password (shown once): ${password}`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
