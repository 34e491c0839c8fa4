import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

describe('data folder lock', () => {
  it('creates the folder, refuses a second holder and frees the folder on release', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kadr-lock-')), 'nested', 'data');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'kadr.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/locked/);
    release();
    expect(existsSync(join(dir, 'kadr.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a folder held by another live process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadr-lock-'));
    writeFileSync(join(dir, 'kadr.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock left by a process that has died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kadr-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'kadr.lock'), dead.stdout.trim());
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'kadr.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
