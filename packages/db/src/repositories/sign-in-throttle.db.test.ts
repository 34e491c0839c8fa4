import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { testDatabaseKinds } from '../testing.ts';
import { signInThrottleRepository, type ThrottleRule } from './sign-in-throttle.repository.ts';

const rule: ThrottleRule = { freeAttempts: 5, delaySeconds: 30, maxDelaySeconds: 900, quietSeconds: 900 };
const T0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

for (const kind of testDatabaseKinds()) {
  describe(`sign-in throttle on ${kind.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await kind.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it('grants the free attempts, then delays 30 s, 60 s, 120 s … up to the maximum', async () => {
      const { db } = database;
      for (let i = 0; i < 5; i++) {
        expect(await signInThrottleRepository.reserve(db, 'k1', T0, rule)).toMatchObject({
          granted: true,
          previousFailures: i,
        });
      }
      expect(await signInThrottleRepository.reserve(db, 'k1', T0, rule)).toEqual({
        granted: false,
        retryAt: at(30),
      });
      expect((await signInThrottleRepository.reserve(db, 'k1', at(30), rule)).granted).toBe(true);
      expect(await signInThrottleRepository.reserve(db, 'k1', at(31), rule)).toEqual({
        granted: false,
        retryAt: at(90),
      });
      let now = 90;
      for (const delay of [120, 240, 480, 900, 900]) {
        expect((await signInThrottleRepository.reserve(db, 'k1', at(now), rule)).granted).toBe(true);
        expect(await signInThrottleRepository.reserve(db, 'k1', at(now), rule)).toEqual({
          granted: false,
          retryAt: at(now + delay),
        });
        now += delay;
      }
      // Left alone for the quiet period after the delay ended: counting starts again.
      const later = now + 901;
      expect(await signInThrottleRepository.reserve(db, 'k1', at(later), rule)).toMatchObject({
        granted: true,
        previousFailures: 0,
      });
    });

    it('gives back a released attempt and forgets the streak on success', async () => {
      const { db } = database;
      for (let i = 0; i < 5; i++) await signInThrottleRepository.reserve(db, 'k2', T0, rule);
      await signInThrottleRepository.release(db, 'k2', T0, rule);
      expect((await signInThrottleRepository.reserve(db, 'k2', T0, rule)).granted).toBe(true);
      expect((await signInThrottleRepository.reserve(db, 'k2', T0, rule)).granted).toBe(false);
      await signInThrottleRepository.succeed(db, 'k2', T0);
      expect(await signInThrottleRepository.reserve(db, 'k2', T0, rule)).toEqual({
        granted: true,
        previousFailures: 0,
        lastSuccessAt: T0,
      });
    });

    it('grants exactly the free attempts to 30 parallel reservations', async () => {
      const { db } = database;
      const results = await Promise.all(
        Array.from({ length: 30 }, () => signInThrottleRepository.reserve(db, 'k3', T0, rule)),
      );
      expect(results.filter((r) => r.granted)).toHaveLength(5);
    });
  });
}
