import { issuePaths } from '../test/factories.ts';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { SAMPLE_PDF, upload } from '../uploads/test-support.ts';
import { addDays } from '@kadr/core';

type Client = Awaited<ReturnType<typeof signIn>>;
const DAY = 86_400_000;

describe('agreements and obligations API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let partner: Client;
  const today = () => t.today();
  const numbers = (response: { json(): { items: { number: string }[] } }) =>
    response.json().items.map((a) => a.number);
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
    partner = await signIn(t.app, demoEmail.partner);
  });
  afterAll(async () => t?.close());

  const organisationId = async (shortName: string) =>
    (await admin.request('GET', `/api/organisations?q=${encodeURIComponent(shortName)}`)).json().items[0]
      .id as number;
  const auditOf = async (entity: string, id: number) =>
    (await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}&pageSize=50`)).json().items as {
      action: string;
    }[];

  it('lists agreements with search, kind and status filters derived from the dates, sorted and paged', async () => {
    expect(numbers(await admin.request('GET', '/api/agreements?kind=ppp&sort=-number'))).toEqual([
      'PPP-2019-NPH',
      'PPP-2019-KAZM',
      'PPP-2018-ERG',
      'PPP-2016-POCR',
    ]);
    expect(numbers(await admin.request('GET', '/api/agreements?status=expiring'))).toEqual(['PPP-2019-KAZM']);
    expect(numbers(await admin.request('GET', '/api/agreements?status=expired'))).toEqual(['PB-2017-NPH']);
    expect(numbers(await admin.request('GET', '/api/agreements?status=draft'))).toEqual(['FB-2027-BRUNEL']);
    expect(
      numbers(await admin.request('GET', `/api/agreements?q=${encodeURIComponent('Брунел')}`)),
    ).toContain('MOU-2015-BRUNEL');
    const page = (await admin.request('GET', '/api/agreements?page=2&pageSize=5&sort=number')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 5, total: 14 });
    expect((await admin.request('GET', '/api/agreements?status=lapsed')).statusCode).toBe(400);
  });

  it('lists active agreements expiring within N days (default 90) as renewal reminders', async () => {
    const reminders = (await admin.request('GET', '/api/agreements/expiring')).json();
    expect(
      reminders.items.map((a: { number: string; daysToExpiry: number }) => [a.number, a.daysToExpiry]),
    ).toEqual([['PPP-2019-KAZM', 45]]);
    expect((await admin.request('GET', '/api/agreements/expiring?days=30')).json().total).toBe(0);
    expect(numbers(await admin.request('GET', '/api/agreements/expiring?days=2000'))).toContain(
      'PPP-2018-ERG',
    );
  });

  it('creates a draft with the home university as a party, activates and terminates it, auditing each step', async () => {
    const lund = await organisationId('Lund');
    const created = await admin.request('POST', '/api/agreements', {
      number: 'MOU-TEST-1',
      kind: 'mou',
      title: { kk: 'Меморандум', ru: 'Меморандум', en: 'Memorandum' },
      partyIds: [lund],
      validUntil: addDays(today(), 400),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', signedOn: null });
    expect(
      created.json().parties.map((p: { shortName: string; isHome: boolean }) => [p.shortName, p.isHome]),
    ).toEqual([
      ['KDTU', true],
      ['Lund', false],
    ]);
    const id = created.json().id;
    const unsigned = await admin.request('POST', `/api/agreements/${id}/status`, { status: 'active' });
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json().error.code).toBe('INVALID_TRANSITION');
    await admin.request('PATCH', `/api/agreements/${id}`, { signedOn: today() });
    expect(
      (await admin.request('POST', `/api/agreements/${id}/status`, { status: 'active' })).json().status,
    ).toBe('active');
    const wrong = await admin.request('POST', `/api/agreements/${id}/status`, { status: 'expired' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details).toEqual({ from: 'active', to: 'expired', allowed: ['terminated'] });
    const ended = await admin.request('POST', `/api/agreements/${id}/status`, { status: 'terminated' });
    expect(ended.json()).toMatchObject({ status: 'terminated', terminatedOn: today() });
    expect(
      (await admin.request('POST', `/api/agreements/${id}/status`, { status: 'active' })).statusCode,
    ).toBe(409);
    expect((await admin.request('PATCH', `/api/agreements/${id}`, { notes: 'x' })).statusCode).toBe(409);
    expect((await auditOf('agreement', id)).map((e) => e.action).sort()).toEqual([
      'create',
      'update',
      'update',
      'update',
    ]);
  });

  it('answers a duplicate number with 409 and bad dates or parties with 400 naming each', async () => {
    const base = {
      kind: 'mou',
      title: { kk: 'a', ru: 'a', en: '' },
      partyIds: [await organisationId('UPV')],
    };
    const duplicate = await admin.request('POST', '/api/agreements', { ...base, number: 'PPP-2016-POCR' });
    expect(duplicate.statusCode).toBe(409);
    const bad = await admin.request('POST', '/api/agreements', {
      ...base,
      number: 'X',
      signedOn: '2025-05-01',
      validUntil: '2025-04-01',
      kind: 'deal',
    });
    expect(issuePaths(bad).sort()).toEqual(['body.kind']);
    const dates = await admin.request('POST', '/api/agreements', {
      ...base,
      number: 'X',
      signedOn: '2025-05-01',
      validUntil: '2025-04-01',
    });
    expect(dates.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.validUntil',
    ]);
    const parties = await admin.request('POST', '/api/agreements', {
      ...base,
      number: 'X',
      partyIds: [99999],
    });
    expect(parties.json().error.details.issues).toEqual([
      {
        path: 'body.partyIds.0',
        message: 'No organisation 99999',
        reason: { code: 'custom', rule: 'exists' },
      },
    ]);
  });

  it('moves an agreement from active to expiring to expired as the days pass, and renews it', async () => {
    const created = await admin.request('POST', '/api/agreements', {
      number: 'PB-TEST-CLOCK',
      kind: 'practice_base',
      title: { kk: 'б', ru: 'б', en: '' },
      partyIds: [await organisationId('ERG')],
      signedOn: today(),
      validUntil: addDays(today(), 120),
    });
    const id = created.json().id;
    await admin.request('POST', `/api/agreements/${id}/status`, { status: 'active' });
    const status = async () => (await admin.request('GET', `/api/agreements/${id}`)).json().status;
    // Moving the clock ends sessions (idle limit): sign in again after each move.
    const travel = async (days: number) => {
      t.advance(days * DAY);
      admin = await signIn(t.app, demoEmail.admin);
    };
    expect(await status()).toBe('active');
    await travel(40);
    expect(await status()).toBe('expiring');
    await travel(100);
    expect(await status()).toBe('expired');
    await admin.request('PATCH', `/api/agreements/${id}`, {
      validUntil: addDays(t.today(), 1000),
    });
    expect(await status()).toBe('active');
    await travel(-140);
    partner = await signIn(t.app, demoEmail.partner);
  });

  it('deletes a draft but refuses to delete a signed agreement', async () => {
    const draft = (await admin.request('GET', '/api/agreements?status=draft')).json().items[0];
    expect((await admin.request('DELETE', `/api/agreements/${draft.id}`)).statusCode).toBe(204);
    const signed = (await admin.request('GET', '/api/agreements?q=PPP-2016-POCR')).json().items[0];
    expect((await admin.request('DELETE', `/api/agreements/${signed.id}`)).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('stores an uploaded PDF with its SHA-256 and serves the same bytes back', async () => {
    const agreement = (await admin.request('GET', '/api/agreements?q=MOU-2015-BRUNEL')).json().items[0];
    const stored = await upload(
      t.app,
      admin,
      `/api/agreements/${agreement.id}/documents`,
      'Меморандум.pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    expect(stored.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(SAMPLE_PDF).digest('hex');
    expect(stored.json()).toMatchObject({
      fileName: 'Меморандум.pdf',
      sizeBytes: SAMPLE_PDF.length,
      sha256,
      obligationId: null,
    });
    const download = await admin.request('GET', `/api/agreement-documents/${stored.json().id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-sha256']).toBe(sha256);
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    const detail = (await admin.request('GET', `/api/agreements/${agreement.id}`)).json();
    expect(detail.documents.map((d: { id: number }) => d.id)).toContain(stored.json().id);
  });

  it('refuses a non-PDF even when declared as application/pdf (415), an oversized file (413) and a JSON body (415)', async () => {
    const id = (await admin.request('GET', '/api/agreements?q=MOU-2015-BRUNEL')).json().items[0].id;
    const url = `/api/agreements/${id}/documents`;
    const fake = await upload(
      t.app,
      admin,
      url,
      'scan.pdf',
      'application/pdf',
      Buffer.from('<html>not a pdf</html>'),
    );
    expect([fake.statusCode, fake.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await upload(t.app, admin, url, 'big.pdf', 'application/pdf', big);
    expect([large.statusCode, large.json().error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect((await admin.request('POST', url, { file: 'x' })).statusCode).toBe(415);
    const before = (await admin.request('GET', `/api/agreements/${id}`)).json().documents.length;
    expect(before).toBe(2);
  });

  it('adds obligations, marks one met only with evidence, and lists the overdue ones', async () => {
    const agreement = (await admin.request('GET', '/api/agreements?q=JP-2021-LUND')).json().items[0];
    const url = `/api/agreements/${agreement.id}/obligations`;
    const noAmount = await admin.request('POST', url, {
      kind: 'instalment',
      title: { kk: 'Транш', ru: 'Транш', en: '' },
      dueOn: addDays(today(), -3),
    });
    expect(noAmount.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.amountTiyn',
    ]);
    // A title is written in Kazakh and Russian at least: one string, or no Russian, is refused and writes nothing.
    for (const title of ['Транш', { kk: 'Транш', ru: '', en: 'Tranche' }]) {
      const refused = await admin.request('POST', url, { kind: 'deliverable', title, dueOn: today() });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.issues[0].path).toMatch(/^body\.title/);
    }
    const created = await admin.request('POST', url, {
      kind: 'instalment',
      title: { kk: 'Транш', ru: 'Транш', en: '' },
      dueOn: addDays(today(), -3),
      amountTiyn: 5_000_000_00,
    });
    expect(created.json()).toMatchObject({
      status: 'late',
      amountTiyn: 5_000_000_00,
      agreementNumber: 'JP-2021-LUND',
    });
    const id = created.json().id;
    const overdue = (await admin.request('GET', '/api/obligations/overdue?pageSize=100'))
      .json()
      .items.map((o: { id: number; status: string }) => o.id);
    expect(overdue).toContain(id);
    const unproven = await admin.request('PATCH', `/api/obligations/${id}`, { status: 'met' });
    expect(unproven.json().error.details.issues[0].path).toBe('body.status');
    const evidence = await upload(
      t.app,
      admin,
      `/api/obligations/${id}/documents`,
      'payment.pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    expect(evidence.json().obligationId).toBe(id);
    const met = await admin.request('PATCH', `/api/obligations/${id}`, { status: 'met' });
    expect(met.json()).toMatchObject({ status: 'met', metOn: today() });
    expect(met.json().documents).toHaveLength(1);
    const stillOverdue = (await admin.request('GET', '/api/obligations?status=late&pageSize=100'))
      .json()
      .items.map((o: { id: number }) => o.id);
    expect(stillOverdue).not.toContain(id);
    expect(stillOverdue.length).toBe(4);
  });

  it("shows a partner only the agreements it is party to, and answers 404 for another's", async () => {
    expect(numbers(await partner.request('GET', '/api/agreements?sort=number'))).toEqual([
      'PB-2021-ERG',
      'PB-TEST-CLOCK',
      'PPP-2018-ERG',
    ]);
    const other = (await admin.request('GET', '/api/agreements?q=PPP-2016-POCR')).json().items[0];
    expect((await partner.request('GET', `/api/agreements/${other.id}`)).statusCode).toBe(404);
    const otherDocument = (await admin.request('GET', `/api/agreements/${other.id}`)).json().documents[0];
    expect((await partner.request('GET', `/api/agreement-documents/${otherDocument.id}`)).statusCode).toBe(
      404,
    );
    const own = (await partner.request('GET', '/api/obligations?pageSize=100')).json().items;
    expect(new Set(own.map((o: { agreementNumber: string }) => o.agreementNumber))).toEqual(
      new Set(['PPP-2018-ERG']),
    );
    expect(
      (await partner.request('GET', '/api/obligations/overdue'))
        .json()
        .items.map((o: { title: { ru: string } }) => o.title.ru),
    ).toEqual(['Транш 2026: модернизация печного участка']);
  });
});
