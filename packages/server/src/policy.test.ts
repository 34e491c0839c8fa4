import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Client } from './test/factories.ts';
import { createBareTestApp } from './testing.ts';

describe('authorization', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let clients: Record<Role | 'partner2', Client>;
  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    clients = world.clients;
  });
  afterAll(async () => t?.close());

  it('declares a policy on every registered /api route', () => {
    const apiRoutes = t.app.kadrRoutes.filter((r) => r.url.startsWith('/api'));
    expect(apiRoutes.length).toBeGreaterThan(15);
    const missing = apiRoutes.filter((r) => !r.hasPolicy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('answers every non-public /api route with 401 to an anonymous caller', async () => {
    const open = new Set([
      '/api/health',
      '/api/settings',
      '/api/auth/login',
      '/api/openapi.json',
      '/api/schemas/passport.json',
      '/api/mentor-links/:token', // a mentor without an account: the single-use token is the credential
    ]);
    const routes = t.app.kadrRoutes.filter(
      (r) =>
        r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && !open.has(r.url) && r.method !== 'HEAD',
    );
    for (const route of routes) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '1');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect([route.method, url, response.statusCode]).toEqual([route.method, url, 401]);
    }
  });

  const adminOnly: [string, string, unknown?][] = [
    ['GET', '/api/users'],
    ['GET', '/api/users/1'],
    ['PATCH', '/api/users/2', { fullName: 'X' }],
    ['POST', '/api/users/2/reset-password', { newPassword: 'another-password-1' }],
    ['GET', '/api/audit'],
    [
      'POST',
      '/api/organisations',
      { kind: 'company', name: { kk: 'a', ru: 'a', en: 'a' }, shortName: 'Z', country: 'KZ' },
    ],
    ['PATCH', '/api/organisations/1', { city: { kk: 'Ешқайда', ru: 'Нигде', en: 'Nowhere' } }],
  ];

  for (const role of ROLES.filter((r) => r !== 'admin')) {
    it(`forbids ${role} the admin routes with 403 and changes nothing`, async () => {
      for (const [method, url, payload] of adminOnly) {
        const response = await clients[role].request(method as 'GET', url, payload);
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      const org = await clients.admin.request('GET', '/api/organisations/1');
      expect(org.json()).toMatchObject({ id: world.home.id, city: world.home.city });
    });
  }

  it('lets every role read organisations, scoped to the own organisation for partner, mentor and student', async () => {
    for (const role of ROLES) {
      const response = await clients[role].request('GET', '/api/organisations?pageSize=100');
      expect(response.statusCode).toBe(200);
      const ids = response.json().items.map((o: { id: number }) => o.id);
      if (['partner', 'mentor', 'student'].includes(role)) {
        expect(ids).toEqual([clients[role].me.organisationId]);
      } else {
        const all = [world.home, world.partnerOrg, world.otherPartnerOrg, world.ministry].map((o) => o.id);
        expect(ids.sort((a: number, b: number) => a - b)).toEqual(all.sort((a, b) => a - b));
      }
    }
  });

  it("hides another organisation's record from a partner with 404", async () => {
    const partner = clients.partner;
    const own = await partner.request('GET', `/api/organisations/${partner.me.organisationId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().shortName).toBe(world.partnerOrg.shortName);
    const other = await partner.request('GET', `/api/organisations/${clients.partner2.me.organisationId}`);
    expect(other.statusCode).toBe(404);
  });
});
