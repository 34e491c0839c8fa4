import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

// The cap itself (1,000; "more than" past it) is proved on both databases by the db project's repository
// test, with a small cap; this checks what the API answers.
describe('audit log API: a count with a cap (ADR 0018)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
  });
  afterAll(async () => t?.close());

  it('answers an exact total under the cap, with totalCapped false', async () => {
    const all = await admin.request('GET', '/api/audit?entity=organisation&pageSize=200');
    expect(all.statusCode).toBe(200);
    const items = all.json().items as unknown[];
    expect(items.length).toBeGreaterThan(0);
    expect(all.json()).toMatchObject({ total: items.length, totalCapped: false });
    const paged = await admin.request('GET', '/api/audit?entity=organisation&pageSize=1&page=2');
    expect(paged.json()).toMatchObject({ total: items.length, totalCapped: false, page: 2, pageSize: 1 });
    expect(paged.json().items).toEqual([items[1]]);
  });
});
