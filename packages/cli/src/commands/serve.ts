import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp, openLogDestination, seedDemo } from '@kadr/server';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command, CommandIo } from '../command.ts';
import { openConfiguredDatabase, prepareToServe } from '../database.ts';
import { databaseFlags, resolveSettings, type Settings } from '../settings.ts';

const usage = `Usage: kadr serve [--port N] [--host H] [--data-dir DIR] [--database-url URL] [--time-zone TZ] [--smtp-url URL] [--public-url URL] [--seed-demo]

Serves the API and the web app. Without DATABASE_URL the embedded database lives in the data folder
(created if missing, locked while in use). --seed-demo seeds the demo university on an empty database;
the demo users' password is KADR_DEMO_PASSWORD, or a generated one printed once.

Environment: PORT (3000), HOST (127.0.0.1), KADR_DATA_DIR (./data), DATABASE_URL, KADR_DEMO_PASSWORD,
KADR_LOG_LEVEL (info), KADR_SECURE_COOKIES (false), KADR_TRUST_PROXY (false),
KADR_TIME_ZONE (Asia/Almaty: the university's time zone, in which the web app shows times),
KADR_SMTP_URL (none: notifications stay in the outbox; smtp:// or smtps:// URL to send them), KADR_MAIL_FROM,
KADR_PUBLIC_URL (the web app's address, for the links in notifications), KADR_DELIVERY_INTERVAL_SECONDS (30),
KADR_DELIVERY_MAX_ATTEMPTS (8).`;

/** The built web app, when `npm run build` has run. */
export const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

async function seedIfAsked(
  settings: Settings,
  database: Awaited<ReturnType<typeof openConfiguredDatabase>>,
  io: CommandIo,
): Promise<boolean> {
  const generated = settings.demoPassword === undefined;
  const password = settings.demoPassword ?? randomBytes(9).toString('base64url');
  const result = await seedDemo(database.db, password, { timeZone: settings.timeZone });
  if (!result.seeded) return false;
  io.out(`Seeded the demo university with ${result.emails.length} demo users: ${result.emails.join(', ')}`);
  io.out(
    generated
      ? `Demo password (shown once; set KADR_DEMO_PASSWORD to choose it): ${password}`
      : 'Demo password: the value of KADR_DEMO_PASSWORD',
  );
  return true;
}

/** `kadr serve`: the API and the web app in one process. */
export const serveCommand: Command = {
  words: ['serve'],
  summary: 'serve the API and the web app',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        ...databaseFlags,
        port: { type: 'string' },
        host: { type: 'string' },
        'time-zone': { type: 'string' },
        'smtp-url': { type: 'string' },
        'public-url': { type: 'string' },
        'seed-demo': { type: 'boolean' },
      },
      usage,
    );
    const settings = resolveSettings(
      {
        port: values.port,
        host: values.host,
        dataDir: values['data-dir'],
        databaseUrl: values['database-url'],
        timeZone: values['time-zone'],
        smtpUrl: values['smtp-url'],
        publicUrl: values['public-url'],
      },
      io.env,
    );
    const database = await openConfiguredDatabase(settings);
    try {
      // A seed ends by gathering the statistics that prepareToServe would.
      const seeded = values['seed-demo'] ? await seedIfAsked(settings, database, io) : false;
      if (!seeded) await prepareToServe(database);
      // Log lines gathered and written a few KB at a time (openLogDestination says what a crash may lose).
      const logDestination = settings.logLevel === 'silent' ? undefined : openLogDestination();
      const app = await buildApp({
        database,
        config: {
          webDist: existsSync(webDist) ? webDist : undefined,
          secureCookies: settings.secureCookies,
          trustProxy: settings.trustProxy,
          timeZone: settings.timeZone,
          smtpUrl: settings.smtpUrl,
          mailFrom: settings.mailFrom,
          publicUrl: settings.publicUrl,
          deliveryIntervalSeconds: settings.deliveryIntervalSeconds,
          deliveryMaxAttempts: settings.deliveryMaxAttempts,
        },
        logger: logDestination ? { level: settings.logLevel, stream: logDestination } : false,
      });
      const stop = async () => {
        await app.close();
        await database.close();
        // Every line of a clean shutdown is written before the process ends.
        logDestination?.flushSync();
      };
      const done = new Promise<void>((resolveDone) => {
        const onSignal = () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          void stop().then(resolveDone);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      try {
        await app.listen({ port: settings.port, host: settings.host });
      } catch (error) {
        await stop();
        throw new CliError(
          `cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`,
          1,
        );
      }
      io.out(
        `Kadr is serving on http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${settings.port} (database: ${database.kind}, migration ${database.migration})`,
      );
      if (!existsSync(webDist)) io.err('The web app is not built: run `npm run build` (npm start does it).');
      await done;
      return 0;
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  },
};
