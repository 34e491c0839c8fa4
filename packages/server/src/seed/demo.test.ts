import { it } from 'vitest';
import { TEST_NOW } from '../testing.ts';
import { expectDemoAliveOn } from './demo-alive.ts';

// The demo seeded on the tests' day (the snapshot the other demo suites clone). The same check on days years
// apart, each a whole seed of its own, is other-days.demo.test.ts in the `demo` project (npm run test:demo, CI).
it('the demo seeded on the tests’ day looks alive relative to it and keeps its history fixed', async () => {
  await expectDemoAliveOn(TEST_NOW.toISOString());
}, 240_000);
