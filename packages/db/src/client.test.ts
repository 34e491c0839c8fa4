import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestPglite } from './testing.ts';

describe('PGlite in memory', () => {
  // A new WAL segment was zero-filled 8 KB at a time, and MEMFS reallocated the file about 24 times on the way: 60-300
  // ms of CPU a segment (a round's publication writes about 9 MB of WAL). A data folder on disk keeps the zeros.
  it('does not zero-fill new WAL segments', async () => {
    const database = await openTestPglite();
    try {
      const result = (await database.db.execute(sql`show wal_init_zero`)) as unknown as {
        rows: { wal_init_zero: string }[];
      };
      expect(result.rows[0]!.wal_init_zero).toBe('off');
    } finally {
      await database.close();
    }
  });
});
