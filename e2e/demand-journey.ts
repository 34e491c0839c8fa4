/**
 * Workforce demand in the browser (issue 13's done-when, with the strategy journey that follows it in journey.ts:
 * the admin sees the branch KPI against its target with the projects behind it and downloads the annual report PDF
 * in Kazakh). The ERG partner declares its demand for metallurgy engineers for the next three years through the
 * form, each a new version superseding the demo's; the coordinator sees the metallurgy shortfall on the heat map,
 * opens the cell (partners and programmes behind it) and the competencies no metallurgy programme teaches to the
 * level asked, and downloads the XLSX. Both pages are checked with axe.
 */
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BASE, choose, expect, shot, signInStep, signOut, step } from './harness.ts';

/** ESCO v1.2.0 "metallurgist" (ISCO 2146.5), the concept nearest to a metallurgical engineer. */
const URI = 'http://data.europa.eu/esco/occupation/bcf8f332-c7e1-4a08-8651-28d668290eaf';

/** Declares one year's plan of a single line through the dialog. */
async function declare(page: Page, year: number, headcount: number) {
  await page.locator('[data-testid=declare-demand]').click();
  const form = page.locator('[data-testid=declare-demand-form]');
  await form.waitFor();
  await form.locator('[data-testid=demand-year]').fill(String(year));
  const line = form.locator('[data-testid=demand-line-0]');
  const label = line.locator('[data-testid=occupation-label]');
  await label.getByRole('textbox', { name: /^In Kazakh/ }).fill('Металлург-инженер');
  await label.getByRole('textbox', { name: /^In Russian/ }).fill('Инженер-металлург');
  await label.getByRole('textbox', { name: /^In English/ }).fill('Metallurgist');
  await line.locator('[data-testid=occupation-uri]').fill(URI);
  await line.locator('[data-testid=programme-group]').fill('B074');
  await line.locator('[data-testid=headcount]').fill(String(headcount));
  await choose(page, line.getByRole('combobox', { name: /^Priority area/ }), 'Metallurgy');
  await choose(page, line.getByRole('combobox', { name: /^Region/ }), 'Pavlodar region', 'Pavlodar');
  await choose(page, line.getByRole('combobox', { name: 'Add a competency' }), /I4\.2\.1/, 'I4.2.1');
  await line.getByRole('textbox', { name: /^Level asked for/ }).fill('5');
  await form.getByRole('button', { name: 'Declare this version' }).click();
  await form.waitFor({ state: 'detached' });
}

/** The partner's declarations and the coordinator's view of the gaps. */
export async function demandJourney(page: Page) {
  const year = new Date().getUTCFullYear();
  if (!(await signInStep(page, 'demand: the ERG partner signs in', 'partner'))) return;
  await step(
    'demand: the partner declares metallurgy engineers for the next three years, each a new version',
    async () => {
      await page.locator('[data-nav=demand]').click();
      await page.locator('[data-testid=demand-plans]').waitFor();
      await expectAccessible(page, 'demand plans');
      for (const [i, headcount] of [60, 65, 70].entries()) await declare(page, year + 1 + i, headcount);
      await page.getByRole('switch', { name: 'Only versions in force' }).check();
      const rows = page.locator('[data-testid=demand-plans] tbody tr');
      await page.locator(`tr[data-plan^="ERG-${year + 3}-"]`, { hasText: 'In force' }).waitFor();
      const text = (await rows.allTextContents()).join(' | ');
      expect(!text.includes('KAZ Minerals'), `the partner sees another partner's plans: ${text}`);
      for (const y of [year + 1, year + 2, year + 3]) {
        const row = page.locator(`tr[data-plan^="ERG-${y}-"]`);
        // the list re-renders after the switch: wait for the year's row before counting
        await page.locator(`tr[data-plan^="ERG-${y}-"]`, { hasText: 'In force' }).first().waitFor();
        expect((await row.count()) === 1, `no single plan in force for ${y}`);
        expect(((await row.textContent()) ?? '').includes('1'), `plan ${y}: ${await row.textContent()}`);
      }
      await page.getByRole('switch', { name: 'Only versions in force' }).uncheck();
      const superseded = page.locator(`tr[data-plan^="ERG-${year + 1}-"]`, { hasText: 'Superseded' });
      expect((await superseded.count()) >= 1, 'the earlier version is not kept as history');
      await shot(page, 'demand-plans');
    },
    page,
  );
  await signOut(page);

  if (!(await signInStep(page, 'demand: the coordinator signs in', 'coordinator'))) return;
  await step(
    'demand: the coordinator sees the metallurgy engineers shortfall and the missing competencies',
    async () => {
      await page.locator('[data-nav=gaps]').click();
      const cell = page.locator(`[data-testid=gap-cell-B074-${year + 1}]`);
      await cell.waitFor();
      const label = (await cell.textContent()) ?? '';
      expect(/shortfall/.test(label), `B074 ${year + 1}: ${label}`);
      expect(
        ((await cell.textContent()) ?? '').startsWith('−'),
        `no minus sign: ${await cell.textContent()}`,
      );
      const skills = page.locator('[data-testid=skill-gaps]').first();
      const text = (await skills.textContent()) ?? '';
      expect(text.includes('I4.2.1') && text.includes('B074'), `skill gaps: ${text}`);
      await expectAccessible(page, 'gaps');
      await shot(page, 'demand-gaps');
      await cell.click();
      const detail = page.locator('[data-testid=gap-cell-detail]');
      await detail.waitFor();
      const detailText = (await detail.textContent()) ?? '';
      expect(
        detailText.includes('ERG') && detailText.includes('Metallurgist') && detailText.includes('6B07203'),
        `cell detail: ${detailText}`,
      );
      // Occupations in the reader's language: the demo's labels were mixed "Инженер-металлург / metallurgist".
      expect(!/[А-Яа-яЁё]/.test(detailText), `Cyrillic in the English cell detail: ${detailText}`);
      await expectAccessible(page, 'gap cell');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      const xlsx = await page.request.get(`${BASE}/api/demand/gaps.xlsx?lang=kk`);
      expect(xlsx.status() === 200, `XLSX: ${xlsx.status()}`);
      expect((await xlsx.body()).subarray(0, 2).toString('latin1') === 'PK', 'not an XLSX');
    },
    page,
  );
  await signOut(page);
}
