import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

describe('kadr kpis snapshot', () => {
  const env = { KADR_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'kadr-cli-')), 'data') };

  it("keeps this month's KPI values once", { timeout: 180_000 }, async () => {
    expect(await main(['migrate'], captureIo(env))).toBe(0);
    const first = captureIo(env);
    expect([await main(['kpis', 'snapshot'], first), first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(/^KPI snapshot \d{4}-\d{2}: 10 kept now, 0 already kept/);
    const again = captureIo(env);
    expect(await main(['kpis', 'snapshot'], again)).toBe(0);
    expect(again.stdout).toMatch(/0 kept now, 10 already kept/);
  });
});
