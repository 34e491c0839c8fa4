import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code and HTTP through app.inject on PGlite), `fuzz` (every API operation with
// generated input, `npm run test:fuzz`, kept out of `npm test`) and `db`
// (repository suites, *.db.test.ts, which also run on PostgreSQL when DATABASE_URL is set).
export default defineConfig({
  test: {
    hookTimeout: 60_000,
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
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
        test: {
          name: 'db',
          include: ['packages/*/src/**/*.db.test.ts'],
          environment: 'node',
          hookTimeout: 60_000,
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
