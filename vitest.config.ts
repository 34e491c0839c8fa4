import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.DATABASE_URL);

// Six projects: `unit` (pure code: core, contracts, web), `server` (HTTP through app.inject on PGlite, and on PGlite
// the repository suites and server races *.db.test.ts too), `db` (*.db.test.ts on PostgreSQL when DATABASE_URL is
// set: then they run there one at a time, and on PGlite still, out of the server project), `cli`
// (the kadr commands on real data folders on disk, each a cold PGlite and some a whole demo seed: `npm run
// test:cli`), `demo` (the demo seeded on days other than the tests' day, a whole seed each, *.demo.test.ts: `npm
// run test:demo`) and `fuzz` (every API operation with generated input, `npm run test:fuzz`). `npm test` runs
// `unit`, `server` and `db`; CI runs all six.
export default defineConfig({
  test: {
    // One worker per core: Vitest's default leaves one core idle, which on a 2-core machine is half of it (npm test
    // took 115-120 s with one worker, 85 s with two). The files are independent: each has its own database.
    maxWorkers: availableParallelism(),
    hookTimeout: 60_000,
    testTimeout: 30_000,
    projects: [
      {
        // Pure code: core, contracts, web, db's own. Not isolated either: a fresh process per file cost more than
        // most of these files' tests (about 0.5 s of CPU each to start, and its imports again). Tests that need
        // a global (fetch) stub it and unstub it; i18next instances are each test's own.
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'packages/cli/**', 'packages/server/**', '**/node_modules/**'],
          isolate: false,
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        // The HTTP suites (app.inject on PGlite). Not isolated: the files of a worker share one module graph, so the
        // server's modules are loaded once per worker instead of once per file (a third of the tier's time went to
        // imports). Each file still builds its own app and database; no suite mocks modules or globals.
        test: {
          name: 'server',
          include: [
            'packages/server/src/**/*.test.ts',
            ...(onPostgres ? [] : ['packages/*/src/**/*.db.test.ts']),
          ],
          exclude: [...(onPostgres ? ['**/*.db.test.ts'] : []), '**/*.demo.test.ts', '**/node_modules/**'],
          isolate: false,
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        // The robustness tier (npm run test:fuzz, its own CI step): every API operation with generated input
        // (*.fuzz.ts) and kill -9 of a real server (*.crash.ts).
        test: {
          name: 'fuzz',
          include: ['packages/*/src/**/*.fuzz.ts', 'packages/*/src/**/*.crash.ts'],
          fileParallelism: false,
          environment: 'node',
          hookTimeout: 300_000,
          testTimeout: 900_000,
        },
      },
      {
        // The demo seeded on other days than TEST_NOW (npm run test:demo, its own CI step): each file seeds the
        // whole demo, which no other suite shares, so it is kept out of npm test for its cost.
        test: {
          name: 'demo',
          include: ['packages/server/src/**/*.demo.test.ts'],
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'cli',
          include: ['packages/cli/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        // The repository suites and server races, when DATABASE_URL is set (npm run test:pg, or npm test with it
        // set): one file at a time, so that a race suite has the server's connections to itself; each suite runs on
        // PGlite and on PostgreSQL (testDatabaseKinds). Without DATABASE_URL the server project runs them, side by
        // side on PGlite: a project of their own started two more worker processes that loaded the server's modules
        // again (npm test 74-75 s with it, 64-69 s without, on the same 2-core machine and code).
        test: {
          name: 'db',
          include: onPostgres ? ['packages/*/src/**/*.db.test.ts'] : [],
          isolate: false,
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
          fileParallelism: false,
          // After the others: Vitest runs projects of different worker counts in separate groups.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
