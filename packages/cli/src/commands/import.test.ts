import { IMPORT_KINDS } from '@kadr/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

describe('kadr import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kadr-cli-import-'));
  const env = { KADR_DATA_DIR: join(dir, 'data') };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const header =
    'short_name,kind,name_kk,name_ru,name_en,country,city_kk,city_ru,city_en,sector,priority_areas,website';
  const good = file(
    'good.csv',
    `${header}\nAlmaty Steel,company,Алматы болат,Алматинская сталь,Almaty Steel,KZ,Алматы,Алматы,Almaty,mining_and_metallurgy,metallurgy,\n` +
      `TU Delft,partner_university,Делфт ТУ,ТУ Делфт,TU Delft,NL,Делфт,Делфт,Delft,higher_education,energy;it,https://tudelft.nl\n`,
  );
  const bad = file(
    'bad.csv',
    `${header}\nGood Co,company,Жақсы,Хорошая,Good,KZ,,,,,,\nBad Co,planet,Жаман,Плохая,Bad,Kazakhstan,,,,,,\n`,
  );

  it('validates on a dry run, imports all rows, refuses a file with bad rows naming each, and writes nothing then', {
    timeout: 180_000,
  }, async () => {
    const dry = captureIo(env);
    expect(await main(['import', 'organisations', '--file', good, '--dry-run'], dry)).toBe(0);
    expect(dry.stdout).toMatch(/2 row\(s\) of organisations are valid; nothing written \(dry run\)/);

    const imported = captureIo(env);
    expect([await main(['import', 'organisations', '--file', good], imported), imported.stderr]).toEqual([
      0,
      '',
    ]);
    expect(imported.stdout).toMatch(/imported 2 organisations record\(s\): ids \d+, \d+/);

    const failed = captureIo(env);
    expect(await main(['import', 'organisations', '--file', bad], failed)).toBe(1);
    expect(failed.stderr).toMatch(/nothing was written/);
    expect(failed.stderr).toMatch(/row 3, column kind: /);
    expect(failed.stderr).toMatch(/row 3, column country: /);
    expect(failed.stderr).not.toMatch(/row 2/);

    // "Good Co" of the refused file was not written: importing it alone now succeeds once.
    const alone = captureIo(env);
    const goodCo = file('good-co.csv', `${header}\nGood Co,company,Жақсы,Хорошая,Good,KZ,,,,,,\n`);
    expect(await main(['import', 'organisations', '--file', goodCo], alone)).toBe(0);
    const twice = captureIo(env);
    expect(await main(['import', 'organisations', '--file', goodCo], twice)).toBe(1);
    expect(twice.stderr).toMatch(/row 2, column short_name: /);
  });

  it('answers usage errors with exit 2: unknown kind, missing file, unreadable file', async () => {
    const kind = captureIo(env);
    expect(await main(['import', 'planets', '--file', good], kind)).toBe(2);
    expect(kind.stderr).toMatch(
      new RegExp(`say what to import: ${IMPORT_KINDS.join(', ')} \\(got "planets"\\)`),
    );
    const missing = captureIo(env);
    expect(await main(['import', 'equipment'], missing)).toBe(2);
    expect(missing.stderr).toMatch(/--file is required/);
    const unreadable = captureIo(env);
    expect(await main(['import', 'equipment', '--file', join(dir, 'nope.csv')], unreadable)).toBe(2);
    expect(unreadable.stderr).toMatch(/--file: cannot read/);
  });

  it('shows the progress of a large file on stderr: the rows checked each tenth of the way, then the database', {
    timeout: 180_000,
  }, async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `Firm ${i},company,Фирма ${i},Фирма ${i},Firm ${i},KZ,,,,,,`,
    );
    const large = file('large.csv', `${header}\n${rows.join('\n')}\n`);
    const dry = captureIo(env);
    expect(await main(['import', 'organisations', '--file', large, '--dry-run'], dry)).toBe(0);
    expect(dry.stderr.trim().split('\n')).toEqual([
      'checked 500 of 1000 rows',
      'checked 1000 of 1000 rows; checking them against the database',
    ]);
    expect(dry.stdout).toMatch(/1000 row\(s\) of organisations are valid/);
  });

  it('lists the columns of a kind', async () => {
    const columns = captureIo(env);
    expect(await main(['import', 'investments', '--columns'], columns)).toBe(0);
    expect(columns.stdout).toMatch(/amount/);
  });
});
