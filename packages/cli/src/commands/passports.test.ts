import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schema } from '@kadr/db';
import { buildStudents, buildVersion } from '@kadr/server/passport/passport-test-data';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

describe('kadr passports recompute', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'kadr-cli-')), 'data');
  const env = { KADR_DATA_DIR: dataDir };

  it('recomputes the stored passports of one version or of all, and refuses bad flags', {
    timeout: 120_000,
  }, async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const { versionId } = await buildVersion(database.db, { disciplines: 3, competencies: 3 });
    await buildStudents(database.db, versionId, 4);
    await database.close();

    const one = captureIo(env);
    expect(await main(['passports', 'recompute', '--version', String(versionId)], one)).toBe(0);
    expect(one.stdout).toContain(`Version ${versionId}: 4 passports recomputed`);
    const all = captureIo(env);
    expect(await main(['passports', 'recompute', '--all'], all)).toBe(0);
    expect(all.stdout).toMatch(/4 passports in 1 versions, \d+\.\d\d s/);

    const missing = captureIo(env);
    expect(await main(['passports', 'recompute', '--version', '999'], missing)).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND: No programme version 999');
    const neither = captureIo(env);
    expect(await main(['passports', 'recompute'], neither)).toBe(2);
    expect(neither.stderr).toContain('give either --version ID or --all');

    const check = await openDatabase({ kind: 'pglite', dataDir });
    expect(await check.db.select().from(schema.competencyPassports)).toHaveLength(4);
    await check.close();
  });
});
