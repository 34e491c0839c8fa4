/**
 * Partners and the material base in the browser: the admin records a PPP investment from ERG to a lab
 * through the UI, finds it in the ledger, opens ERG's partner page and downloads the impact report PDF
 * (rendered with poppler to check it); the ERG partner user then sees its own partnership and a
 * not-found view for another partner.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  BASE,
  choose,
  closeWith,
  expect,
  openTable,
  partnerIds,
  rowsWith,
  search,
  shot,
  signInStep,
  signOut,
  step,
  switchLanguage,
} from './harness.ts';

const ERG_NAME = 'Eurasian Resources Group';

/** The admin's and the partner's part of the partners and material base capability. */
export async function materialJourney(page: Page) {
  const stamp = Date.now().toString(36);
  const description = `E2E investment ${stamp}`;
  let ergId = 0;
  let kazId = 0;

  if (!(await signInStep(page, 'material: admin signs in', 'admin'))) return;

  await step(
    'material: admin finds the partner ids',
    async () => {
      const ids = await partnerIds(page, ['ERG', 'KAZ Minerals Bozshakol']);
      ergId = ids.ERG ?? 0;
      kazId = ids['KAZ Minerals Bozshakol'] ?? 0;
      expect(ergId > 0 && kazId > 0, `partner ids: ${JSON.stringify(ids)}`);
    },
    page,
  );

  await step(
    'material: admin records a PPP investment from ERG to a lab',
    async () => {
      await openTable(page, 'investments', 'investments-table');
      await page.locator('[data-testid=investment-charts] canvas').first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Record investment' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=investment-form]').waitFor();
      await choose(page, dialog.getByRole('combobox', { name: /^Partner/ }), /^ERG$/, 'ERG');
      await choose(page, dialog.getByRole('combobox', { name: /^Agreement/ }), /PPP-2018-ERG/);
      await dialog.getByRole('textbox', { name: /^Amount, KZT/ }).fill('1 234 567,89');
      const remaining = dialog.locator('[data-testid=allocation-remaining]');
      expect(
        ((await remaining.textContent()) ?? '').includes('1,234,567.89'),
        'remaining sum is not the amount',
      );
      await choose(page, dialog.getByRole('combobox', { name: /^Lab or item/ }), /^MET-201/, 'MET-201');
      await dialog.getByRole('textbox', { name: /^Share, KZT/ }).fill('1234567.89');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=allocation-remaining]')?.textContent?.includes(': 0\u00a0₸'),
      );
      const what = dialog.getByRole('group', { name: 'Description' });
      await what.getByRole('textbox', { name: /^In Kazakh/ }).fill(`${description} (kk)`);
      await what.getByRole('textbox', { name: /^In Russian/ }).fill(`${description} (ru)`);
      await what.getByRole('textbox', { name: /^In English/ }).fill(description);
      await shot(page, 'investment-form', false);
      await closeWith(dialog, 'Record');
    },
    page,
  );

  await step(
    'material: the investment shows in the ledger',
    async () => {
      await search(page, 'investments-table', stamp);
      const row = rowsWith(page, 'investments-table', description);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(
        text.includes('1,234,567.89') && text.includes('PPP-2018-ERG') && text.includes('MET-201'),
        text,
      );
      await search(page, 'investments-table', '');
      await page.waitForTimeout(800);
      await shot(page, 'investments-admin');
    },
    page,
  );

  await step(
    "material: admin opens ERG's partner page",
    async () => {
      await openTable(page, 'partners', 'partners-table');
      await shot(page, 'partners-admin');
      await page.locator('[data-testid=partners-table] a', { hasText: /^ERG$/ }).click();
      await page.locator('[data-testid=partner-name]', { hasText: ERG_NAME }).waitFor();
      await page.locator('[data-testid=partner-investments]', { hasText: '1,234,567.89' }).waitFor();
      await page.locator('[data-testid=impact-section]', { hasText: 'Student-hours' }).waitFor();
      await shot(page, 'partner-erg-admin');
    },
    page,
  );

  await step(
    'material: the impact report PDF downloads and renders',
    async () => {
      const pdf = `${ARTIFACTS}impact-ERG.pdf`;
      const prefix = `${ARTIFACTS}impact-ERG-page`;
      for (const file of readdirSync(ARTIFACTS)) if (file.startsWith('impact-ERG')) rmSync(ARTIFACTS + file);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=impact-pdf]').click(),
      ]);
      expect(download.suggestedFilename().endsWith('.pdf'), `file name ${download.suggestedFilename()}`);
      await download.saveAs(pdf);
      expect(statSync(pdf).size > 1000, 'the PDF is nearly empty');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, prefix]);
      const png = readdirSync(ARTIFACTS).find((f) => f.startsWith('impact-ERG-page') && f.endsWith('.png'));
      expect(png && existsSync(ARTIFACTS + png), 'pdftoppm wrote no PNG');
      const size = statSync(ARTIFACTS + png).size;
      expect(size > 10_000, `page 1 PNG is only ${size} bytes`);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text.includes(ERG_NAME), `the PDF does not name the partner: ${text.slice(0, 200)}`);
    },
    page,
  );

  await step(
    'material: admin reads agreements, the expiring view and uploads a PDF to one',
    async () => {
      await openTable(page, 'agreements', 'agreements-table');
      await shot(page, 'agreements-admin');
      await page.locator('[data-testid=agreements-view]').getByText('Expiring within 90 days').click();
      await page.locator('[data-testid=agreements-expiring-table]').waitFor();
      await page.locator('[data-testid=agreements-view]').getByText('All', { exact: true }).click();
      await search(page, 'agreements-table', 'PPP-2018-ERG');
      await page.locator('[data-testid=agreements-table] a', { hasText: 'PPP-2018-ERG' }).click();
      await page.locator('[data-testid=agreement-detail]').waitFor();
      const late = await page.locator('[data-testid=agreement-obligations] tr[data-late=true]').count();
      expect(late > 0, 'no overdue obligation is highlighted');
      await page.locator('input[type=file]').setInputFiles(`${ARTIFACTS}impact-ERG.pdf`);
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.locator('[data-testid=agreement-documents] a', { hasText: 'impact-ERG.pdf' }).waitFor();
      await shot(page, 'agreement-admin');
    },
    page,
  );

  await step(
    'material: admin reads labs, equipment and utilisation',
    async () => {
      await page.locator('[data-nav=material]').click();
      await rowsWith(page, 'labs-table', 'MET-201').waitFor();
      await page.getByRole('tab', { name: 'Equipment' }).click();
      await page.locator('[data-testid=equipment-table] tbody tr').first().waitFor();
      await page.getByRole('tab', { name: 'Utilisation' }).click();
      await page.locator('[data-testid=utilisation-table] tbody tr').first().waitFor();
      // The chart by month is loaded lazily; wait for it so the screenshot shows it.
      await page.locator('[data-testid=utilisation-over-time] canvas').first().waitFor();
      await shot(page, 'utilisation-admin');
    },
    page,
  );

  await step(
    'material: a bad import file gets the row, column and reason report',
    async () => {
      await page.locator('[data-nav=imports]').click();
      await page.locator('[data-testid=import-form]').waitFor();
      await page.locator('input[type=file]').setInputFiles({
        name: 'bad-partners.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('short_name,kind,name_kk,name_ru,country\nE2E-BAD,spaceship,Атау,Название,KZ\n'),
      });
      await page.getByRole('button', { name: 'Check' }).click();
      await page.locator('[data-testid=import-issues] tbody tr').first().waitFor();
      const text = (await page.locator('[data-testid=import-issues]').textContent()) ?? '';
      expect(text.includes('kind'), `issues: ${text}`);
      await shot(page, 'imports-admin');
    },
    page,
  );

  await step('material: admin signs out', () => signOut(page), page);

  if (!(await signInStep(page, 'material: ERG partner signs in', 'partner'))) return;

  await step(
    'material: the partner sees its own partnership',
    async () => {
      await page.locator('[data-nav=partnership]').click();
      await page.locator('[data-testid=partner-overview]').waitFor();
      const name = (await page.locator('[data-testid=partner-name]').textContent()) ?? '';
      expect(name.includes('ERG') || name.includes(ERG_NAME), `partner page of ${name}`);
      await page.locator('[data-testid=impact-section]', { hasText: 'Student-hours' }).waitFor();
      await shot(page, 'partnership-partner');
    },
    page,
  );

  await step(
    "material: the partnership page names the partner's city and sector in the reader's language",
    async () => {
      const place = page.locator('[data-testid=partner-place]');
      await place.filter({ hasText: 'Astana · Mining and metallurgy' }).waitFor();
      await switchLanguage(page, 'kk');
      await place.filter({ hasText: 'Астана · Тау-кен металлургия саласы' }).waitFor();
      expect(!/[A-Za-z]/.test((await place.textContent()) ?? ''), 'Latin on the Kazakh partnership page');
      await switchLanguage(page, 'ru');
      await place.filter({ hasText: 'Астана · Горно-металлургическая отрасль' }).waitFor();
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step(
    "material: the partner gets a not-found view for another partner's page",
    async () => {
      await page.goto(`${BASE}/partners/${kazId}`);
      await page.locator('[data-testid=partner-not-found]').waitFor();
      expect((await page.locator('[data-testid=partner-overview]').count()) === 0, 'an overview is shown');
      expect(
        (await page.getByText('KAZ Minerals Bozshakol').count()) === 0,
        "another partner's name is shown",
      );
      await shot(page, 'partner-other-not-found');
    },
    page,
  );

  await step(
    'material: the partner sees only its own investments',
    async () => {
      await openTable(page, 'investments', 'investments-table');
      const partners = await page
        .locator('[data-testid=investments-table] tbody tr [data-partner]')
        .allTextContents();
      expect(partners.length > 0 && partners.every((p) => p === 'ERG'), `partners: ${partners.join(', ')}`);
      await shot(page, 'investments-partner');
    },
    page,
  );

  await step('material: the partner signs out', () => signOut(page), page);

  if (!(await signInStep(page, 'material: observer signs in', 'observer'))) return;
  await step(
    'material: the observer sees investment totals without per-partner data',
    async () => {
      await page.locator('[data-nav=aggregates]').click();
      await page.locator('[data-testid=investment-charts] canvas').first().waitFor({ timeout: 15_000 });
      const text = (await page.locator('main').textContent()) ?? '';
      expect(
        !text.includes('ERG') && !text.includes('Bozshakol'),
        'a partner is named on the aggregates page',
      );
      await page.waitForTimeout(800); // let the charts finish their entry animation
      await shot(page, 'aggregates-observer');
    },
    page,
  );
  await step('material: the observer signs out', () => signOut(page), page);
}
