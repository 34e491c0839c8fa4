import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.ts';
import { captureIo } from '../test-io.ts';
import { runAllocateHr1, runAllocateHr1FastPath } from './allocate-hr1.ts';

const TINY = 'HR1 3 2 4\n1 1\n2 0 1\n1 0\n1 1\n2 1 0\n2 0 2\n';

function setup(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kadr-hr1-'));
  const input = join(dir, 'in.hr');
  writeFileSync(input, text);
  return { dir, input, output: join(dir, 'out.txt') };
}

describe('runAllocateHr1', () => {
  it('writes one target per applicant and reports the phases like da.c', async () => {
    const { input, output } = setup(TINY);
    const io = captureIo();
    expect(await runAllocateHr1({ input, output, progress: false }, io)).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('1\n0\n-1\n');
    expect(io.stderr).toMatch(
      /^parse_ms=[\d.]+ build_ms=[\d.]+ solve_ms=[\d.]+ matched=2 n=3 write_ms=[\d.]+\n$/,
    );
  });

  it('rejects invalid input with exit code 2 naming the line, and creates no output', async () => {
    const { dir, input, output } = setup('HR1 1 1 1\n1\n1 3\n1 0\n');
    const error = await runAllocateHr1({ input, output, progress: false }, captureIo()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe(
      `${input}: line 3: applicant 0 lists target 3, but there are 1 targets`,
    );
    expect(readdirSync(dir)).toEqual(['in.hr']);
  });

  it('leaves an existing output untouched when the input is invalid', async () => {
    const { input, output } = setup('HR1 1 1 1\n1\n1 0\n');
    writeFileSync(output, 'previous\n');
    await expect(runAllocateHr1({ input, output, progress: false }, captureIo())).rejects.toThrow(
      /end of input/,
    );
    expect(readFileSync(output, 'utf8')).toBe('previous\n');
  });

  it('reports a missing input file as a usage error', async () => {
    const { dir } = setup(TINY);
    const error = await runAllocateHr1(
      { input: join(dir, 'nope.hr'), output: join(dir, 'o'), progress: false },
      captureIo(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CliError', exitCode: 2 });
    expect((error as Error).message).toMatch(/^cannot read .*nope\.hr/);
  });

  it('reports a failed write as a runtime error and leaves no temporary file', async () => {
    const { dir, input } = setup(TINY);
    const error = await runAllocateHr1(
      { input, output: join(dir, 'missing-dir', 'out.txt'), progress: false },
      captureIo(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CliError', exitCode: 1 });
    expect(readdirSync(dir)).toEqual(['in.hr']);
  });

  it('reports progress every million lines when asked, and stays quiet otherwise', async () => {
    // 1.2 million applicants listing the one target: 1.2M + 3 lines.
    const n = 1_200_000;
    const ids = Array.from({ length: n }, (_, i) => i).join(' ');
    const { input, output } = setup(`HR1 ${n} 1 ${n}\n${n}\n${'1 0\n'.repeat(n)}${n} ${ids}\n`);
    const loud = captureIo();
    await runAllocateHr1({ input, output, progress: true }, loud);
    expect(loud.stderr).toMatch(/^read 1,0\d\d,\d{3} lines \(\d+%\)\n/);
    const quiet = captureIo();
    await runAllocateHr1({ input, output, progress: false }, quiet);
    expect(quiet.stderr).not.toMatch(/^read /m);
  });
});

describe('runAllocateHr1FastPath', () => {
  it('runs `allocate --format hr1` and prints errors the way the full CLI does', async () => {
    const good = setup(TINY);
    const argv = ['allocate', '--format=hr1', '--input', good.input, '--output', good.output, '--progress'];
    expect(await runAllocateHr1FastPath(argv, captureIo())).toBe(0);
    expect(readFileSync(good.output, 'utf8')).toBe('1\n0\n-1\n');
    const bad = setup('HR2\n');
    const io = captureIo();
    expect(
      await runAllocateHr1FastPath(
        ['allocate', '--format', 'hr1', '--input', bad.input, '--output', bad.output],
        io,
      ),
    ).toBe(2);
    expect(io.stderr).toMatch(/^kadr: .*in\.hr: line 1: bad header/);
    expect(existsSync(bad.output)).toBe(false);
  });

  it('declines anything else so the full CLI handles it', async () => {
    const io = captureIo();
    for (const argv of [
      ['allocate', '--input', 'a', '--output', 'b'],
      ['allocate', '--format', 'json', '--input', 'a', '--output', 'b'],
      ['allocate', '--format', 'hr1', '--input', 'a', '--output', 'b', '--seed', '3'],
      ['allocate', '--format', 'hr1', '--help'],
      ['allocate', '--format', 'hr1', '--input', 'a'],
      ['serve'],
    ]) {
      expect(await runAllocateHr1FastPath(argv, io)).toBeUndefined();
    }
    expect(io.stderr).toBe('');
  });
});

describe('kadr bin', () => {
  const bin = resolve(import.meta.dirname, '../../bin/kadr.mjs');

  it('solves an HR1 file end to end through the bundled fast path', { timeout: 60_000 }, () => {
    const { input, output } = setup(TINY);
    const run = spawnSync(
      process.execPath,
      [bin, 'allocate', '--format', 'hr1', '--input', input, '--output', output],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^parse_ms=.* matched=2 n=3 /);
    expect(readFileSync(output, 'utf8')).toBe('1\n0\n-1\n');
  });

  it('exits with code 2 and names the line on invalid HR1 input', { timeout: 60_000 }, () => {
    const { input, output } = setup('HR1 1 1 1\n1\n1 0\n1 0\n9\n');
    const run = spawnSync(
      process.execPath,
      [bin, 'allocate', '--format', 'hr1', '--input', input, '--output', output],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^kadr: .*in\.hr: line 5: unexpected data after the last ranking\n$/);
    expect(existsSync(output)).toBe(false);
  });
});
