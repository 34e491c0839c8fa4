import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` needs no database: it diffs the schema against the committed snapshots.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/drizzle',
});
