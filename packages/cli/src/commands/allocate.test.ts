import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allocateResultSchema } from '@kadr/contracts';
import { checkAllocation, drawTicket } from '@kadr/core';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../command.ts';
import { main } from '../main.ts';

function capture(): CommandIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env: {},
    out(text: string) {
      io.stdout += `${text}\n`;
    },
    err(text: string) {
      io.stderr += `${text}\n`;
    },
  };
  return io;
}

const example = {
  applicants: [
    { id: 'a1', choices: ['B057', 'B058'], score: 120, categories: ['rural'] },
    { id: 'a2', choices: ['B057', 'B058'], score: 110 },
    { id: 'a3', choices: ['B057'], score: 100, categories: ['rural'] },
    { id: 'a4', choices: ['B057', 'B058'], score: 40 },
  ],
  targets: [
    { id: 'B057', capacity: 2, tags: ['rural-development'] },
    { id: 'B058', capacity: 1, ranking: ['a4', 'a2'] },
  ],
  policy: { quotas: [{ id: 'rural', category: 'rural', share: 0.5, only: ['rural-development'] }], seed: 7 },
};

function setup(input: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'kadr-allocate-'));
  const inputPath = join(dir, 'input.json');
  writeFileSync(inputPath, typeof input === 'string' ? input : JSON.stringify(input));
  return { dir, inputPath, outputPath: join(dir, 'result.json') };
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(['allocate', ...args], io);
  return { code, io };
}

describe('kadr allocate', () => {
  it('writes a result that matches the result schema and passes the checker', async () => {
    const { inputPath, outputPath } = setup(example);
    const { code, io } = await run(['--input', inputPath, '--output', outputPath]);
    expect(code).toBe(0);
    expect(io.stdout).toContain('3 of 4 applicants placed, 3/3 seats filled');
    const result = allocateResultSchema.parse(JSON.parse(readFileSync(outputPath, 'utf8')));
    expect(result.applicants.map((a) => `${a.id}:${a.target}/${a.pool}`)).toEqual([
      'a1:B057/general',
      'a2:null/null',
      'a3:B057/rural',
      'a4:B058/general',
    ]);
    expect(checkAllocation(example, result as never).violations).toEqual([]);
  });

  it('lets --seed override the policy seed and records it with the tickets', async () => {
    const { inputPath, outputPath } = setup(example);
    expect((await run(['--input', inputPath, '--output', outputPath, '--seed', '99'])).code).toBe(0);
    const result = JSON.parse(readFileSync(outputPath, 'utf8'));
    expect(result.seed).toBe(99);
    expect(result.lottery.seed).toBe(99);
    expect(result.applicants[0].ticket).toBe(drawTicket(99, 'a1'));
  });

  it('rejects an unknown target with exit code 2, names the JSON path and writes nothing', async () => {
    const bad = structuredClone(example);
    bad.applicants[3]!.choices[1] = 'X';
    const { dir, inputPath, outputPath } = setup(bad);
    const { code, io } = await run(['--input', inputPath, '--output', outputPath]);
    expect(code).toBe(2);
    expect(io.stderr).toContain('applicants[3].choices[1]: unknown target "X"');
    expect(readdirSync(dir)).toEqual(['input.json']);
  });

  it('reports schema errors, duplicate ids and duplicate choices by path', async () => {
    const bad = structuredClone(example) as {
      applicants: { id: string; choices: string[] }[];
      targets: { capacity: number }[];
    };
    bad.targets[0]!.capacity = -1;
    const { inputPath, outputPath } = setup(bad);
    const first = await run(['--input', inputPath, '--output', outputPath]);
    expect(first.code).toBe(2);
    expect(first.io.stderr).toContain('targets[0].capacity:');
    const dup = structuredClone(example);
    dup.applicants[1]!.id = 'a1';
    dup.applicants[2]!.choices = ['B057', 'B057'];
    const second = setup(dup);
    const { code, io } = await run(['--input', second.inputPath, '--output', second.outputPath]);
    expect(code).toBe(2);
    expect(io.stderr).toContain('applicants[1].id: duplicate applicant id "a1"');
    expect(io.stderr).toContain('applicants[2].choices[1]: duplicate choice "B057"');
  });

  it('rejects input that is not JSON and keeps an existing output file as it was', async () => {
    const { inputPath, outputPath } = setup('{"applicants": [');
    writeFileSync(outputPath, 'previous result');
    const { code, io } = await run(['--input', inputPath, '--output', outputPath]);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/is not valid JSON/);
    expect(readFileSync(outputPath, 'utf8')).toBe('previous result');
  });

  it('reports engine-level issues such as choice limits with exit code 2', async () => {
    const limited = { ...example, policy: { ...example.policy, limits: { maxChoices: 1 } } };
    const { inputPath, outputPath } = setup(limited);
    const { code, io } = await run(['--input', inputPath, '--output', outputPath]);
    expect(code).toBe(2);
    expect(io.stderr).toContain('applicants[0].choices: 2 choices exceed the limit of 1');
    expect(existsSync(outputPath)).toBe(false);
  });

  it('requires --input and --output, and a numeric seed', async () => {
    expect((await run(['--input', 'x.json'])).code).toBe(2);
    const { code, io } = await run(['--input', 'x.json', '--output', 'y.json', '--seed', 'abc']);
    expect(code).toBe(2);
    expect(io.stderr).toContain('--seed must be a non-negative integer');
  });

  it('runs a second round from the previous result and the declines (R9)', async () => {
    const first = setup(example);
    await run(['--input', first.inputPath, '--output', first.outputPath]);
    const previous = JSON.parse(readFileSync(first.outputPath, 'utf8'));
    const second = setup({ ...example, previousRound: { result: previous, declined: ['a4'] } });
    const { code, io } = await run([
      '--input',
      second.inputPath,
      '--output',
      second.outputPath,
      '--progress',
    ]);
    expect(io.stderr).not.toContain('kadr:');
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(second.outputPath, 'utf8'));
    expect(
      result.applicants.map((a: { id: string; target: string | null; kept?: boolean }) => [
        a.id,
        a.target,
        a.kept ?? false,
      ]),
    ).toEqual([
      ['a1', 'B057', true],
      ['a2', 'B058', false],
      ['a3', 'B057', true],
    ]);
  });

  it('prints each stage on stderr with --progress', async () => {
    const { inputPath, outputPath } = setup(example);
    const { io } = await run(['--input', inputPath, '--output', outputPath, '--progress']);
    expect(io.stderr).toMatch(
      /allocate: read .*\nallocate: validated 4 applicants, 2 targets .*\nallocate: allocated in 1 kernel run/,
    );
  });

  it('delegates --format hr1 to the HR1 solver', async () => {
    // 3 applicants, 2 programmes with one seat each; programme 0 ranks 2 > 0, programme 1 ranks 0 > 1.
    const hr1 = 'HR1 3 2 4\n1 1\n2 0 1\n1 1\n1 0\n2 2 0\n2 0 1\n';
    const { inputPath, outputPath } = setup(hr1);
    const { code } = await run(['--format', 'hr1', '--input', inputPath, '--output', outputPath]);
    expect(code).toBe(0);
    expect(readFileSync(outputPath, 'utf8').trim().split('\n')).toEqual(['1', '-1', '0']);
  });
});
