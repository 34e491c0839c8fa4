import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../client.ts';
import { testDatabaseKinds, testOrganisation } from '../testing.ts';
import { agreementsRepository } from './agreements.repository.ts';
import { kpiSnapshotsRepository, kpiTargetsRepository } from './kpis.repository.ts';
import { organisationsRepository } from './organisations.repository.ts';
import { partnersRepository } from './partners.repository.ts';
import { milestonesRepository, projectsRepository } from './projects.repository.ts';
import { strategyInputsRepository } from './strategy-inputs.repository.ts';
import { usersRepository } from './users.repository.ts';

const at = new Date('2026-12-07T04:00:00Z');

for (const kind of testDatabaseKinds()) {
  describe(`strategy repositories on ${kind.name}`, () => {
    let database: Database;
    let db: Db;
    const ids = { home: 0, uni: 0, other: 0, user: 0, agreement: 0 };
    const organisation = (shortName: string, k: 'home_university' | 'partner_university') =>
      organisationsRepository.create(db, testOrganisation(shortName, k));

    beforeAll(async () => {
      database = await kind.open();
      db = database.db;
      ids.home = (await organisation('HOME', 'home_university')).id;
      ids.uni = (await organisation('UNI', 'partner_university')).id;
      ids.other = (await organisation('UNI2', 'partner_university')).id;
      ids.user = (
        await usersRepository.create(db, {
          email: 'owner@test.kz',
          fullName: 'Owner',
          role: 'coordinator',
          organisationId: ids.home,
          locale: 'ru',
          passwordHash: 'x',
        })
      ).id;
      ids.agreement = (
        await agreementsRepository.create(
          db,
          {
            number: 'FB-1',
            kind: 'foreign_branch',
            title: { kk: 'Ф', ru: 'Ф', en: 'B' },
            status: 'draft',
            signedOn: null,
            validUntil: null,
            terminatedOn: null,
            notes: '',
          },
          [ids.home, ids.other],
        )
      ).id;
      await partnersRepository.saveBranch(db, ids.uni, { status: 'open', note: '' }, at);
    });
    afterAll(async () => database?.close());

    it('reads branch profiles and branch agreements without the home university', async () => {
      expect(await strategyInputsRepository.branchProfiles(db)).toEqual([
        { organisationId: ids.uni, shortName: 'UNI', branchStatus: 'open' },
      ]);
      expect(await strategyInputsRepository.agreementsOfKind(db, 'foreign_branch')).toEqual([
        {
          id: ids.agreement,
          number: 'FB-1',
          status: 'draft',
          signedOn: null,
          validUntil: null,
          partyIds: [ids.other],
        },
      ]);
      expect(await strategyInputsRepository.cataloguedProgrammes(db)).toEqual([]);
    });

    it('inserts a snapshot once per KPI and period, and never overwrites it', async () => {
      const snapshot = (value: number) => ({
        kpiId: 'foreign_branches',
        period: '2026-12',
        value,
        status: 'ok' as const,
        breakdown: [{ key: 'open', value }],
        contributors: null,
        takenAt: at,
        takenBy: ids.user,
      });
      expect(await kpiSnapshotsRepository.insertMissing(db, [snapshot(1)])).toHaveLength(1);
      expect(await kpiSnapshotsRepository.insertMissing(db, [snapshot(2)])).toHaveLength(0);
      const [kept] = await kpiSnapshotsRepository.ofPeriods(db, ['2026-12']);
      expect(kept).toMatchObject({ value: 1, breakdown: [{ key: 'open', value: 1 }] });
      const note = { kk: 'Ұлттық мақсат', ru: 'Национальная цель', en: 'National goal' };
      const target = await kpiTargetsRepository.create(db, {
        kpiId: 'foreign_branches',
        value: 5,
        deadline: '2027-12-31',
        note,
      });
      expect(target.note).toEqual(note);
      const renoted = { ...note, en: 'National goal: five branches' };
      await kpiTargetsRepository.update(db, target.id, { note: renoted }, at);
      expect((await kpiTargetsRepository.findById(db, target.id))?.note).toEqual(renoted);
      await kpiTargetsRepository.update(db, target.id, { value: 4 }, at);
      expect((await kpiTargetsRepository.all(db))[0]).toMatchObject({ value: 4, note: renoted });
      await expect(
        kpiTargetsRepository.create(db, {
          kpiId: 'foreign_branches',
          value: 6,
          deadline: '2027-12-31',
          note: { kk: '', ru: '', en: '' },
        }),
      ).rejects.toThrow();
    });

    it('counts milestones per project and finds an owner’s overdue ones', async () => {
      const projectId = await projectsRepository.create(db, {
        kind: 'branch',
        name: { kk: 'Ж', ru: 'П', en: 'P' },
        organisationId: ids.uni,
        agreementId: null,
        status: 'active',
        startsOn: '2026-01-01',
        endsOn: null,
        description: { kk: '', ru: '', en: '' },
      });
      const milestone = (dueOn: string, status: 'pending' | 'done') =>
        milestonesRepository.create(db, projectId, {
          title: { kk: `${dueOn} kk`, ru: `${dueOn} ru`, en: '' },
          ownerId: ids.user,
          dueOn,
          status,
          completedOn: null,
          evidence: [],
        });
      await milestone('2026-11-01', 'pending');
      await milestone('2026-10-01', 'done');
      await milestone('2027-01-01', 'pending');
      const found = await projectsRepository.findById(db, projectId, '2026-12-07');
      expect(found?.milestones).toEqual({ total: 3, done: 1, overdue: 1 });
      const overdue = await milestonesRepository.ofOwner(db, ids.user, {
        page: 1,
        pageSize: 10,
        overdueOn: '2026-12-07',
      });
      expect(overdue.items.map((m) => m.title)).toEqual([
        { kk: '2026-11-01 kk', ru: '2026-11-01 ru', en: '' },
      ]);
    });
  });
}
