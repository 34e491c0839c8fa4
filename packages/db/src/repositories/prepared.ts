import type { Db } from '../client.ts';

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query of fixed shape that every request makes (the caller's session or token), built once per database
 * handle and then run by name: Drizzle does not rebuild its SQL text, and PostgreSQL parses and plans it once
 * per connection (a named prepared statement; PGlite ignores the name). Values go in as `sql.placeholder()`.
 * @param name the statement's name, unique among Kadr's prepared statements
 * @example const find = prepared(db, 'kadr_user_by_id', (d, name) =>
 *   d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare(name));
 *   const [row] = await find.execute({ id });
 */
export function prepared<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  if (!forDb.has(name)) forDb.set(name, build(db, name));
  return forDb.get(name) as T;
}
