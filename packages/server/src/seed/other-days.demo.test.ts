import { describe, it } from 'vitest';
import { expectDemoAliveOn } from './demo-alive.ts';

// The demo seeded on days years apart looks the same relative to each day as on the tests' day (demo.test.ts).
// A whole demo seed each, so this runs in the `demo` project (npm run test:demo, its own CI step), not npm test.
describe.each([
  ['a day a year before the demo was written', '2025-12-06T06:00:00.000Z'],
  ['a day three years later', '2029-12-05T12:00:00.000Z'],
])('the demo seeded on %s', (_label, instant) => {
  it('looks alive relative to the seed day and keeps its history fixed', async () => {
    await expectDemoAliveOn(instant);
  }, 240_000); // a whole demo seed each: seconds alone, a minute or two on a busy machine
});
