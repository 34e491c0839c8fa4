import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;

const STAFF: Role[] = ['admin', 'coordinator', 'officer'];
const RECORDS: Role[] = [...STAFF, 'partner'];
const AGGREGATES: Role[] = [...STAFF, 'observer'];

/** Who reads what in capabilities 1 and 3 (URLs use the partner user's organisation, ERG). */
const reads: [string, Role[]][] = [
  ['/api/partners', RECORDS],
  ['/api/partners/aggregates', AGGREGATES],
  ['/api/partners/:erg', RECORDS],
  ['/api/contacts', RECORDS],
  ['/api/joint-programmes', RECORDS],
  ['/api/agreements', RECORDS],
  ['/api/agreements/expiring', RECORDS],
  ['/api/obligations', RECORDS],
  ['/api/obligations/overdue', RECORDS],
  ['/api/labs', RECORDS],
  ['/api/equipment', RECORDS],
  ['/api/investments', RECORDS],
  ['/api/investments/aggregates', [...AGGREGATES, 'partner']],
  ['/api/bookings', STAFF],
  ['/api/utilisation', STAFF],
  ['/api/partners/:erg/impact', RECORDS],
  ['/api/impact/aggregates', AGGREGATES],
  ['/api/imports/formats', ['admin']],
];

/** Writes: admin only. The bodies are valid enough to reach authorization, which comes before validation. */
const writes: [string, string][] = [
  ['POST', '/api/contacts'],
  ['PATCH', '/api/contacts/1'],
  ['POST', '/api/joint-programmes'],
  ['PUT', '/api/partners/:erg/branch'],
  ['POST', '/api/agreements'],
  ['POST', '/api/agreements/1/status'],
  ['POST', '/api/agreements/1/obligations'],
  ['PATCH', '/api/obligations/1'],
  ['POST', '/api/agreements/1/documents'],
  ['POST', '/api/labs'],
  ['PATCH', '/api/equipment/1'],
  ['POST', '/api/investments'],
  ['DELETE', '/api/investments/1'],
  ['POST', '/api/bookings'],
  ['PUT', '/api/bookings/1/usage'],
  ['POST', '/api/imports/organisations'],
];

describe('role rules of partners, agreements and the material base', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const clients = {} as Record<Role, Client>;
  let erg: number;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) clients[role] = await signIn(t.app, demoEmail[role]);
    erg = clients.partner.me.organisationId;
  });
  afterAll(async () => t?.close());

  for (const role of ROLES) {
    it(`lets ${role} read exactly what its role allows and answers 403 otherwise`, async () => {
      for (const [path, allowed] of reads) {
        const url = path.replace(':erg', String(erg));
        const response = await clients[role].request('GET', url);
        const expected = allowed.includes(role) ? 200 : 403;
        expect([url, response.statusCode]).toEqual([url, expected]);
      }
    });
  }

  for (const role of ROLES.filter((r) => r !== 'admin')) {
    it(`forbids ${role} every write with 403`, async () => {
      for (const [method, path] of writes) {
        const url = path.replace(':erg', String(erg));
        const response = await clients[role].request(
          method as 'POST',
          url,
          method === 'DELETE' ? undefined : {},
        );
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
      }
    });
  }

  it('scopes every list a partner reads to exactly its own organisation’s records', async () => {
    const list = async (role: Role, url: string) =>
      (await clients[role].request('GET', `${url}?pageSize=200`)).json().items as Record<string, unknown>[];
    const ids = (items: Record<string, unknown>[]) => items.map((i) => i.id);
    const parties = (a: Record<string, unknown>) =>
      (a.parties as { organisationId: number }[]).map((p) => p.organisationId);
    const scoped: [string, (item: Record<string, unknown>) => boolean][] = [
      ['/api/partners', (p) => p.id === erg],
      ['/api/contacts', (c) => c.organisationId === erg],
      ['/api/agreements', (a) => parties(a).includes(erg)],
      ['/api/investments', (i) => i.organisationId === erg],
    ];
    for (const [url, isOwn] of scoped) {
      const all = await list('admin', url);
      const own = all.filter(isOwn);
      // Both sides non-empty, so the comparison below can fail: the partner has records, others have more.
      expect([url, own.length > 0, own.length < all.length]).toEqual([url, true, true]);
      expect([url, ids(await list('partner', url))]).toEqual([url, ids(own)]);
    }
    expect(await list('partner', '/api/joint-programmes')).toEqual([]);
    expect((await list('admin', '/api/joint-programmes')).length).toBeGreaterThan(0);
    const items = await list('partner', '/api/equipment');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan((await list('admin', '/api/equipment')).length);
  });
});
