/**
 * Bulk writes on PGlite without the per-row foreign-key triggers (docs/adr/0011-pglite-bulk-writes-check-references-
 * by-set.md). PostgreSQL checks each inserted row's references with a trigger that runs one query per row and
 * reference; in PGlite's single-threaded WebAssembly engine that costs tens of microseconds each, and the round
 * publication writes about 5,000 placements, 5,000 events and 5,000 messages with seven references per student
 * (about 40% of its CPU time). On PGlite only, a bulk write may switch those triggers off for its statements
 * (`session_replication_role = replica`, local to the transaction) provided that every statement run meanwhile
 * checks its references itself, by joining them as a set and refusing a missing one. That is as strict as the
 * triggers because PGlite has one connection: no other transaction can delete a referenced row in between.
 * On PostgreSQL nothing changes.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Runs `write` with the per-row reference triggers off when the database is PGlite, on again afterwards (an error
 * rolls the whole transaction back, the setting with it). Call it inside a transaction; `write` must check every
 * reference it writes as a set (the repositories' bulk writes do, whatever the database).
 * @returns what `write` returns
 */
export async function withSetCheckedReferences<T>(tx: Db, write: () => Promise<T>): Promise<T> {
  const result = (await tx.execute(sql`select version() like '%PGlite%' as pglite`)) as unknown as {
    rows: { pglite: boolean }[];
  };
  if (!result.rows[0]?.pglite) return write();
  await tx.execute(sql`set local session_replication_role = replica`);
  const written = await write();
  await tx.execute(sql`set local session_replication_role = origin`);
  return written;
}

/** Thrown by a bulk write when a reference it was given does not exist (the set-wise check of the triggers' job). */
export class MissingReferenceError extends Error {
  constructor(readonly what: string) {
    super(`A bulk write names ${what} that does not exist; nothing was written`);
    this.name = 'MissingReferenceError';
  }
}
