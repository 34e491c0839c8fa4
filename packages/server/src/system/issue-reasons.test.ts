import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, buildOrganisation, buildUser, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

type Issue = { path: string; message: string; reason?: Record<string, unknown> };

// Every field error carries a machine reason (the zod issue code with the contracts' rule or pattern and the
// limits), so that clients say it in their own language; the English message stays for people reading the API.
describe('the reasons of field errors', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let admin: Client;
  let labCode: string;
  beforeAll(async () => {
    t = await createBareTestApp();
    const home = await buildOrganisation(t.database.db, { kind: 'home_university' });
    const user = await buildUser(t.database.db, { role: 'admin', organisationId: home.id });
    admin = await signIn(t.app, user.email);
    labCode = (await buildLab(t.database.db)).code;
  });
  afterAll(async () => t?.close());

  const issuesOf = async (response: { statusCode: number; json(): unknown }, status = 400) => {
    expect(response.statusCode).toBe(status);
    const issues = (response.json() as { error: { details: { issues: Issue[] } } }).error.details.issues;
    for (const issue of issues) expect(issue.reason, issue.path).toBeDefined();
    return issues.map((i) => [i.path, i.reason]);
  };
  const lab = {
    code: 'LAB-NEW',
    name: { kk: 'Зертхана', ru: 'Лаборатория' },
    priorityArea: 'it',
    capacity: 20,
  };

  it('names the pattern, the limits and the type a body broke', async () => {
    const bad = { ...lab, code: 'LAB 1', name: { kk: 'x'.repeat(301), ru: 'Лаб' }, capacity: 0, room: 7 };
    expect(await issuesOf(await admin.request('POST', '/api/labs', bad))).toEqual([
      ['body.code', { code: 'invalid_format', format: 'regex', pattern: 'assetCode', origin: 'string' }],
      ['body.name.kk', { code: 'too_big', origin: 'string', maximum: 300 }],
      ['body.room', { code: 'invalid_type' }],
      ['body.capacity', { code: 'too_small', origin: 'number', minimum: 1 }],
    ]);
  });

  it("names the contracts' cross-field rule and the query limits", async () => {
    const booking = {
      labId: 1,
      purpose: 'discipline_session',
      disciplineName: 'Металлургия',
      startsAt: '2030-01-05T10:00:00+05:00',
      endsAt: '2030-01-05T09:00:00+05:00',
    };
    expect(await issuesOf(await admin.request('POST', '/api/bookings', booking))).toEqual([
      ['body.endsAt', { code: 'custom', rule: 'endsAfterStart' }],
    ]);
    expect(await issuesOf(await admin.request('GET', '/api/labs?pageSize=1000'))).toEqual([
      ['query.pageSize', { code: 'too_big', origin: 'number', maximum: 200 }],
    ]);
  });

  it('names the rules the server checks against stored records and periods', async () => {
    const item = {
      inventoryNumber: 'EQ-REASON-1',
      name: { kk: 'Зат', ru: 'Предмет', en: 'Item' },
      labId: 999_999,
      priorityArea: 'it',
      costTiyn: 100,
      acquiredOn: '2024-01-01',
    };
    expect(await issuesOf(await admin.request('POST', '/api/equipment', item))).toEqual([
      ['body.labId', { code: 'custom', rule: 'exists' }],
    ]);
    expect(
      await issuesOf(await admin.request('GET', '/api/utilisation?from=2026-02-01&to=2026-01-01')),
    ).toEqual([['query.from', { code: 'custom', rule: 'periodInOrder' }]]);
    expect(
      await issuesOf(await admin.request('GET', '/api/utilisation?from=2000-01-01&to=2026-01-01')),
    ).toEqual([['query.to', { code: 'custom', rule: 'periodLength', maximum: 3653 }]]);
    expect(await issuesOf(await admin.request('POST', '/api/labs', { ...lab, code: labCode }), 409)).toEqual([
      ['body.code', { code: 'custom', rule: 'unique' }],
    ]);
  });
});
