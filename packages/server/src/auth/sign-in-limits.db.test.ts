import type { Database } from '@kadr/db';
import { loginAttemptsRepository } from '@kadr/db';
import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { seedDemo } from '../seed/demo.ts';
import { demoEmail, TEST_PASSWORD } from '../testing.ts';

const NOW = new Date('2026-03-02T09:00:00Z');

for (const kind of testDatabaseKinds()) {
  describe(`sign-in limits under concurrency on ${kind.name}`, () => {
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      database = await kind.open();
      await seedDemo(database.db, TEST_PASSWORD);
      app = await buildApp({ database, now: () => NOW });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const attempt = (password: string, ip: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: demoEmail.coordinator, password },
        remoteAddress: ip,
      });

    it('checks exactly 5 passwords of 30 parallel wrong attempts and answers the rest 429', async () => {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(`wrong-${i}`, '10.1.1.1')),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      // Each failed password check is recorded: 5 checks, no more.
      const since = new Date(NOW.getTime() - 60_000);
      expect(await loginAttemptsRepository.failuresForEmail(database.db, demoEmail.coordinator, since)).toBe(
        5,
      );
      // The account's owner, elsewhere, is not locked out.
      expect((await attempt(TEST_PASSWORD, '10.1.1.2')).statusCode).toBe(200);
    });
  });
}
