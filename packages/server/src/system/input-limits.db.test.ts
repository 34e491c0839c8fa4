import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, buildWorld, type Client, issuePaths } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';

// On PGlite and, in the PostgreSQL tier, on PostgreSQL: what one refuses the other may take (a NUL byte, a year
// 0000 date, an id past 2^31-1), so the contracts must refuse it before either sees it.
for (const kind of testDatabaseKinds()) {
  describe(`input limits on ${kind.name}: values the database or the calendar cannot take answer 400 naming the field`, () => {
    let t: Awaited<ReturnType<typeof createBareTestApp>>;
    let admin: Client;
    let partner: Client;
    let labId: number;
    beforeAll(async () => {
      t = await createBareTestApp({}, { database: await kind.open() });
      ({ admin, partner } = (await buildWorld(t)).clients);
      labId = (await buildLab(t.database.db)).id;
    });
    afterAll(async () => t?.close());

    it('refuses a utilisation period in the year 9999 (whose next day formats as +010000) instead of looping', async () => {
      const answer = await admin.request('GET', '/api/utilisation?from=9999-12-30&to=9999-12-31');
      expect(issuePaths(answer)).toEqual(['query.from', 'query.to']);
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });

    it('refuses a utilisation period longer than ten years and answers one of exactly ten years', async () => {
      expect(
        issuePaths(await admin.request('GET', '/api/utilisation?from=2000-01-01&to=2200-12-31')),
      ).toEqual(['query.to']);
      const tenYears = await admin.request('GET', '/api/utilisation?from=2015-01-01&to=2024-12-31');
      expect(tenYears.statusCode).toBe(200);
      expect(tenYears.json().byMonth).toHaveLength(120);
      expect((await admin.request('GET', '/api/utilisation?from=2015-01-01&to=2025-01-01')).statusCode).toBe(
        400,
      );
    });

    it('refuses the NUL character in a body text field and in a search', async () => {
      const lab = { code: 'NUL-1', name: { kk: 'a', ru: 'a', en: '' }, priorityArea: 'energy', capacity: 5 };
      const body = await admin.request('POST', '/api/labs', { ...lab, room: 'a\u0000b' });
      expect(issuePaths(body)).toEqual(['body.room']);
      expect(issuePaths(await admin.request('GET', '/api/labs?q=%00'))).toEqual(['query.q']);
      const names = await admin.request('POST', '/api/labs', { ...lab, name: { kk: '\u0000', ru: 'a' } });
      expect(issuePaths(names)).toEqual(['body.name.kk']);
    });

    it('refuses dates in the years 0000 and 0001 and after 2200, also for a partner', async () => {
      const organisationId = partner.me.organisationId;
      const agreement = await admin.request('POST', '/api/agreements', {
        kind: 'mou',
        number: 'Y0-1',
        title: { kk: 'a', ru: 'a', en: '' },
        partyIds: [organisationId],
        signedOn: '0000-01-01',
        validUntil: null,
        notes: '',
      });
      expect(issuePaths(agreement)).toContain('body.signedOn');
      expect(issuePaths(await admin.request('GET', '/api/investments?from=0000-01-01'))).toEqual([
        'query.from',
      ]);
      expect(issuePaths(await admin.request('GET', '/api/bookings?from=0001-01-01T00:00:00Z'))).toEqual([
        'query.from',
      ]);
      expect(issuePaths(await admin.request('GET', '/api/audit?from=0001-01-01T00:00:00%2B05:00'))).toEqual([
        'query.from',
      ]);
      expect(issuePaths(await admin.request('GET', '/api/audit?to=2201-01-01T00:00:00Z'))).toEqual([
        'query.to',
      ]);
      const impact = await partner.request('GET', `/api/partners/${organisationId}/impact?from=0001-01-01`);
      expect(issuePaths(impact)).toEqual(['query.from']);
    });

    it('refuses ids above 2^31-1 in paths, queries and bodies', async () => {
      for (const resource of [
        'organisations',
        'agreements',
        'labs',
        'equipment',
        'investments',
        'bookings',
        'users',
      ]) {
        expect(issuePaths(await admin.request('GET', `/api/${resource}/2147483648`)), resource).toEqual([
          'params.id',
        ]);
        expect((await admin.request('GET', `/api/${resource}/2147483647`)).statusCode, resource).toBe(404);
      }
      expect(issuePaths(await admin.request('DELETE', '/api/agreement-documents/2147483648'))).toEqual([
        'params.id',
      ]);
      expect(issuePaths(await admin.request('GET', '/api/equipment?labId=2147483648'))).toEqual([
        'query.labId',
      ]);
      const booking = await admin.request('POST', '/api/bookings', {
        labId: 2 ** 31,
        purpose: 'discipline_session',
        disciplineName: 'x',
        startsAt: '2030-01-05T09:00:00+05:00',
        endsAt: '2030-01-05T10:00:00+05:00',
      });
      expect(issuePaths(booking)).toEqual(['body.labId']);
      const agreement = await admin.request('POST', '/api/agreements', {
        kind: 'mou',
        number: 'BIG-1',
        title: { kk: 'a', ru: 'a', en: '' },
        partyIds: [2 ** 31],
        signedOn: null,
        validUntil: null,
        notes: '',
      });
      expect(issuePaths(agreement)).toContain('body.partyIds.0');
      expect(labId).toBeGreaterThan(0);
    });

    it('refuses weak passwords wherever a password is set: user creation, reset and change', async () => {
      const user = (password: string) => ({
        email: 'weak@demo.kadr.kz',
        fullName: 'Weak',
        role: 'admin',
        organisationId: admin.me.organisationId,
        password,
      });
      for (const weak of [
        'aaaaaaaaaa',
        '1234567890',
        'password12',
        ' '.repeat(10),
        'password1234',
        'a'.repeat(12),
      ]) {
        expect(issuePaths(await admin.request('POST', '/api/users', user(weak))), weak).toEqual([
          'body.password',
        ]);
        expect(
          issuePaths(
            await admin.request('POST', `/api/users/${partner.me.id}/reset-password`, { newPassword: weak }),
          ),
        ).toEqual(['body.newPassword']);
        const change = { currentPassword: 'test-password-1', newPassword: weak };
        expect(issuePaths(await partner.request('POST', '/api/auth/password', change))).toEqual([
          'body.newPassword',
        ]);
      }
      expect((await admin.request('GET', '/api/users?q=weak@')).json().total).toBe(0);
      expect((await admin.request('POST', '/api/users', user('a fine long passphrase'))).statusCode).toBe(
        201,
      );
    });
  });
}
