import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../client.ts';
import { testDatabaseKinds, testOrganisation } from '../testing.ts';
import { consentedScopes, consentedScopesOf, consentsRepository } from './consents.repository.ts';
import { organisationsRepository } from './organisations.repository.ts';
import { studentsRepository } from './students.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`consents and students on ${kind.name}`, () => {
    let database: Database;
    let db: Db;
    const ids = { erg: 0, kaz: 0, a: 0, b: 0 };
    beforeAll(async () => {
      database = await kind.open();
      db = database.db;
      ids.erg = (await organisationsRepository.create(db, testOrganisation('ERG'))).id;
      ids.kaz = (await organisationsRepository.create(db, testOrganisation('KAZ'))).id;
      const student = (iin: string, fullName: string) =>
        studentsRepository.create(db, { iin, fullName, email: '', phone: '', userId: null });
      ids.a = (await student('061211600012', 'Айгерім')).id;
      ids.b = (await student('950101300016', 'Бауыржан')).id;
      const consent = (
        studentId: number,
        organisationId: number,
        scopes: ('profile' | 'contacts' | 'results' | 'passport')[],
        givenOn: string,
        validUntil: string | null,
      ) =>
        consentsRepository.create(db, {
          studentId,
          organisationId,
          scopes,
          purpose: { kk: '', ru: '', en: '' },
          givenOn,
          validUntil,
          recordedBy: null,
        });
      await consent(ids.a, ids.erg, ['profile'], '2026-01-01', null);
      await consent(ids.a, ids.erg, ['results', 'profile'], '2026-06-01', '2026-12-31');
      await consent(ids.a, ids.kaz, ['passport'], '2027-01-01', null);
      const revoked = await consent(ids.b, ids.erg, ['contacts'], '2026-01-01', null);
      await consentsRepository.revoke(db, revoked.id, new Date('2026-03-01T00:00:00Z'));
    });
    afterAll(async () => database?.close());

    it('unites the scopes of the current consents of one organisation, by day', async () => {
      expect(await consentedScopes(db, ids.a, ids.erg, '2026-05-31')).toEqual(['profile']);
      expect(await consentedScopes(db, ids.a, ids.erg, '2026-12-31')).toEqual(['profile', 'results']);
      expect(await consentedScopes(db, ids.a, ids.kaz, '2026-12-31')).toEqual([]);
      expect(await consentedScopes(db, ids.a, ids.kaz, '2027-01-01')).toEqual(['passport']);
      expect(await consentedScopes(db, ids.b, ids.erg, '2026-02-01')).toEqual([]);
      const many = await consentedScopesOf(db, [ids.a, ids.b], ids.erg, '2026-07-01');
      expect([...many]).toEqual([[ids.a, ['profile', 'results']]]);
    });

    it('keeps a consent purpose in its three language columns', async () => {
      const purpose = { kk: 'Өндірістік практика', ru: 'Производственная практика', en: '' };
      const created = await consentsRepository.create(db, {
        studentId: ids.b,
        organisationId: ids.kaz,
        scopes: ['profile'],
        purpose,
        givenOn: '2030-01-01',
        validUntil: null,
        recordedBy: null,
      });
      expect(created.purpose).toEqual(purpose);
      expect((await consentsRepository.listForStudent(db, ids.b, ids.kaz)).map((c) => c.purpose)).toEqual([
        purpose,
      ]);
    });

    it("lists a partner's consented students only, searching the IIN only when asked", async () => {
      const page = (params: object) =>
        studentsRepository.list(db, { page: 1, pageSize: 10, searchIin: false, ...params });
      const erg = { organisationId: ids.erg, on: '2026-07-01' };
      expect((await page({ consentedTo: erg })).items.map((s) => s.id)).toEqual([ids.a]);
      expect((await page({ consentedTo: erg, q: '0612116' })).total).toBe(0);
      expect((await page({ searchIin: true, q: '0612116' })).items.map((s) => s.id)).toEqual([ids.a]);
      expect((await page({ consentedTo: { organisationId: ids.kaz, on: '2026-07-01' } })).total).toBe(0);
    });
  });
}
