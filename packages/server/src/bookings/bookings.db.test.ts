import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, buildOrganisation, buildUser, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

// On PostgreSQL the app's pool runs these requests on several connections at once, so this is a real race; on
// PGlite (one connection) the same requests are serialised and it checks the plain conflict rule.
for (const kind of testDatabaseKinds()) {
  describe(`booking one slot from many requests at once on ${kind.name}`, () => {
    let t: Awaited<ReturnType<typeof createBareTestApp>>;
    let admin: Client;
    let labId: number;
    beforeAll(async () => {
      t = await createBareTestApp({}, { database: await kind.open() });
      const home = await buildOrganisation(t.database.db, { kind: 'home_university' });
      const user = await buildUser(t.database.db, { role: 'admin', organisationId: home.id });
      admin = await signIn(t.app, user.email);
      labId = (await buildLab(t.database.db)).id;
    });
    afterAll(async () => t?.close());

    it('lets exactly one of 20 identical bookings through and answers the others 409 BOOKING_CONFLICT', async () => {
      const body = {
        labId,
        purpose: 'discipline_session',
        disciplineName: 'Металлургия',
        startsAt: '2027-02-01T09:00:00+05:00',
        endsAt: '2027-02-01T10:30:00+05:00',
      };
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => admin.request('POST', '/api/bookings', body)),
      );
      const created = responses.filter((r) => r.statusCode === 201);
      expect(created).toHaveLength(1);
      const refused = responses.filter((r) => r.statusCode !== 201);
      expect(refused.map((r) => [r.statusCode, r.json().error.code])).toEqual(
        Array.from({ length: 19 }, () => [409, 'BOOKING_CONFLICT']),
      );
      const stored = await admin.request('GET', `/api/bookings?labId=${labId}`);
      expect(stored.json().items.map((b: { id: number }) => b.id)).toEqual([created[0]!.json().id]);
    });
  });
}
