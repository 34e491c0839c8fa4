import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

/**
 * Every ON DELETE CASCADE of the schema, as `table.column` of the referencing column, sorted: the records a
 * delete removes besides the one it names, which its service must audit too.
 */
export function cascadingForeignKeys(): string[] {
  const cascades: string[] = [];
  for (const table of Object.values(schema)) {
    if (!(table instanceof PgTable)) continue;
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      if (fk.onDelete !== 'cascade') continue;
      for (const column of fk.reference().columns) cascades.push(`${config.name}.${column.name}`);
    }
  }
  return cascades.sort();
}
