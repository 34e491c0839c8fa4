import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

describe('kadr migrate, seed and users', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'kadr-cli-')), 'data');
  const env = { KADR_DATA_DIR: dataDir, KADR_DEMO_PASSWORD: 'demo-password-1' };

  it('migrates a new data folder, seeds demo data once, and creates and resets users', {
    timeout: 180_000,
  }, async () => {
    const migrate = captureIo(env);
    expect(await main(['migrate'], migrate)).toBe(0);
    expect(migrate.stdout).toMatch(/pglite\) is at migration \d{4}_/);

    const seed = captureIo(env);
    expect(await main(['seed', '--demo'], seed)).toBe(0);
    // One user per role (nine) and a partner user for each co-developing organisation of the demo programmes.
    expect(seed.stdout).toMatch(/Seeded \d+ demo users: admin@demo\.kadr\.kz, /);
    for (const login of [
      'coordinator',
      'officer',
      'admissions',
      'partner',
      'partner2',
      'mentor',
      'student',
      'observer',
    ])
      expect(seed.stdout).toContain(`${login}@demo.kadr.kz`);
    const again = captureIo(env);
    expect(await main(['seed', '--demo'], again)).toBe(0);
    expect(again.stdout).toMatch(/nothing seeded/);

    const create = captureIo(env);
    const code = await main(
      [
        'users',
        'create',
        '--email',
        'lab.head@demo.kadr.kz',
        '--name',
        'Lab Head',
        '--role',
        'coordinator',
        '--organisation',
        'KDTU',
      ],
      create,
    );
    expect([code, create.stderr]).toEqual([0, '']);
    expect(create.stdout).toMatch(/Created user \d+ lab.head@demo.kadr.kz \(coordinator, KDTU\)/);
    expect(create.stdout).toMatch(/Password \(shown once\): \S{12,}/);

    const duplicate = captureIo(env);
    expect(
      await main(
        [
          'users',
          'create',
          '--email',
          'lab.head@demo.kadr.kz',
          '--name',
          'X',
          '--role',
          'student',
          '--organisation',
          'KDTU',
        ],
        duplicate,
      ),
    ).toBe(1);
    expect(duplicate.stderr).toMatch(/EMAIL_TAKEN/);

    const reset = captureIo(env);
    expect(
      await main(
        ['users', 'reset-password', '--email', 'lab.head@demo.kadr.kz', '--password', 'a-brand-new-pass'],
        reset,
      ),
    ).toBe(0);
    expect(reset.stdout).toMatch(/reset/);
  });

  it('answers bad flags with exit code 2 and a message naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['users', 'create', '--email', 'a@b.kz', '--name', 'A', '--role', 'king', '--organisation', 'KDTU'],
        /--role/,
      ],
      [
        [
          'users',
          'create',
          '--email',
          'a@b.kz',
          '--name',
          'A',
          '--role',
          'student',
          '--organisation',
          'Nowhere',
        ],
        /--organisation: no organisation "Nowhere"/,
      ],
      [['users', 'create', '--bogus'], /Unknown option '--bogus'/],
      [['users', 'reset-password', '--email', 'not-an-email'], /--email/],
      [['users', 'reset-password', '--email', 'a@b.kz', '--password', 'short'], /--password/],
      [['seed'], /--demo/],
      [['serve', '--port', 'x'], /--port \/ PORT/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo(env);
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr).toMatch(message);
    }
  });

  it('prints help listing every command', async () => {
    const io = captureIo(env);
    expect(await main(['help'], io)).toBe(0);
    for (const word of ['serve', 'migrate', 'seed', 'users create', 'users reset-password'])
      expect(io.stdout).toContain(word);
  });
});
