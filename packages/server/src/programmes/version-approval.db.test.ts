import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';
import { createProgramme, draftWithDiscipline } from './test-support.ts';

// On PostgreSQL the app's pool runs the approvals on several connections at once, so this is a real race: the
// programme row lock must make exactly one of them the last. On PGlite (one connection) they are serialised.
for (const kind of testDatabaseKinds()) {
  describe(`approving a version from every co-developer at once on ${kind.name}`, () => {
    let t: Awaited<ReturnType<typeof createBareTestApp>>;
    let coordinator: Client;
    let admin: Client;
    const partners: Client[] = [];
    const organisationIds: number[] = [];
    beforeAll(async () => {
      t = await createBareTestApp({}, { database: await kind.open() });
      const db = t.database.db;
      const home = await buildOrganisation(db, { kind: 'home_university' });
      coordinator = await signIn(
        t.app,
        (await buildUser(db, { role: 'coordinator', organisationId: home.id })).email,
      );
      admin = await signIn(t.app, (await buildUser(db, { role: 'admin', organisationId: home.id })).email);
      for (let i = 0; i < 6; i++) {
        const organisation = await buildOrganisation(db, { kind: 'partner_university' });
        organisationIds.push(organisation.id);
        partners.push(
          await signIn(
            t.app,
            (await buildUser(db, { role: 'partner', organisationId: organisation.id })).email,
          ),
        );
      }
    });
    afterAll(async () => t?.close());

    const approveAll = (id: number) =>
      Promise.all(partners.map((p) => p.request('POST', `/api/programme-versions/${id}/approve`, {})));

    it('activates the version once and supersedes the active one in the same transaction', async () => {
      const programmeId = await createProgramme(coordinator, organisationIds);
      const v1 = await draftWithDiscipline(coordinator, programmeId);
      await coordinator.request('POST', `/api/programme-versions/${v1}/submit`);
      expect((await approveAll(v1)).filter((r) => r.json().status === 'active')).toHaveLength(1);
      const v2 = await draftWithDiscipline(coordinator, programmeId);
      await coordinator.request('POST', `/api/programme-versions/${v2}/submit`);

      const answers = await approveAll(v2);
      expect(answers.map((r) => r.statusCode)).toEqual(partners.map(() => 200));
      expect(answers.filter((r) => r.json().status === 'active')).toHaveLength(1);
      const history = (await coordinator.request('GET', `/api/programmes/${programmeId}/versions`)).json()
        .items;
      expect(history.map((v: { id: number; status: string }) => [v.id, v.status])).toEqual([
        [v2, 'active'],
        [v1, 'superseded'],
      ]);
      const audit = (
        await admin.request('GET', `/api/audit?entity=programme_version&entityId=${v2}&pageSize=50`)
      ).json().items as { after: { status?: string } | null; requestId: string }[];
      const activation = audit.filter((e) => e.after?.status === 'active');
      expect(activation).toHaveLength(1);
      const superseding = (
        await admin.request('GET', `/api/audit?entity=programme_version&entityId=${v1}&pageSize=50`)
      )
        .json()
        .items.find((e: { after: { status?: string } | null }) => e.after?.status === 'superseded');
      expect(superseding.requestId).toBe(activation[0]!.requestId);
    });

    it('answers a second approval from the same organisation sent at the same moment with 409, once', async () => {
      const programmeId = await createProgramme(coordinator, organisationIds.slice(0, 2));
      const id = await draftWithDiscipline(coordinator, programmeId);
      await coordinator.request('POST', `/api/programme-versions/${id}/submit`);
      const same = await Promise.all(
        Array.from({ length: 5 }, () =>
          partners[0]!.request('POST', `/api/programme-versions/${id}/approve`, {}),
        ),
      );
      expect(same.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      const version = (await coordinator.request('GET', `/api/programme-versions/${id}`)).json();
      expect([version.status, version.approvals.length]).toEqual(['draft', 1]);
    });
  });
}
