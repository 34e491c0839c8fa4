/**
 * Programmes in the browser: the coordinator adds a programme co-developed with ERG through the UI, opens a draft
 * version, adds a discipline and submits it; the ERG partner user finds the programme, approves the version for
 * its organisation and sees it come into force; the other partner company gets the not-found view. Each page is
 * checked with axe, the version page in Kazakh too.
 */
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import {
  BASE,
  choose,
  closeWith,
  confirmWith,
  expect,
  openTable,
  rowsWith,
  search,
  shot,
  signInStep,
  step,
  switchLanguage,
} from './harness.ts';

/** Reloads the page, so that the notification of the last change (its close button has no name) is gone. */
async function settle(page: Page) {
  await page.reload();
  await page.locator('[data-testid=programme-detail], [data-testid=version-detail]').first().waitFor();
}

/** The coordinator's, the co-developer's and another partner's part of the programme capability. */
export async function programmesJourney(page: Page) {
  const code = `6B09${String(100 + (Date.now() % 900))}`;
  let versionUrl = '';
  let programmeUrl = '';

  if (!(await signInStep(page, 'programmes: coordinator signs in', 'coordinator'))) return;

  await step(
    'programmes: coordinator adds a programme co-developed with ERG',
    async () => {
      await page.locator('[data-nav=programmes]').click();
      await page.locator('[data-testid=programmes-table]').waitFor();
      await expectAccessible(page, 'coordinator: programmes');
      // Narrower than the table: its horizontal scrollbar shows without the pointer over it (the theme's
      // TableScrollContainer default), so the columns past the edge do not look cut off.
      const size = page.viewportSize();
      await page.setViewportSize({ width: 1000, height: size?.height ?? 800 });
      const scrollbar = page.locator(
        '[data-testid=programmes-table] .mantine-ScrollArea-scrollbar[data-orientation=horizontal]',
      );
      await scrollbar.waitFor({ timeout: 5000 });
      expect(
        (await scrollbar.getAttribute('data-state')) === 'visible',
        'the programmes table shows its horizontal scrollbar at 1000 px without the pointer over it',
      );
      if (size) await page.setViewportSize(size);
      await page.locator('[data-testid=programme-create]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=programme-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Code/ }).fill(code);
      await dialog.getByRole('textbox', { name: /^Programme group/ }).fill('B061');
      await dialog.getByRole('textbox', { name: /Kazakh/ }).fill('Металлургиялық инженерия');
      await dialog.getByRole('textbox', { name: /Russian/ }).fill('Металлургическая инженерия');
      await dialog.getByRole('textbox', { name: /English/ }).fill('Metallurgical engineering');
      await dialog.getByRole('button', { name: 'Add a co-developer' }).click();
      await choose(page, dialog.getByRole('combobox', { name: /^Organisation/ }), /^ERG$/, 'ERG');
      await dialog.getByRole('combobox', { name: /^Contribution/ }).focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: 'Labs and equipment' }).click();
      await page.keyboard.press('Escape');
      await expectAccessible(page, 'coordinator: programme form');
      await shot(page, 'programme-form', false);
      await closeWith(dialog, 'Create');
      await search(page, 'programmes-table', code);
      await rowsWith(page, 'programmes-table', code).getByRole('link', { name: code }).click();
      await page.locator('[data-testid=programme-detail]').waitFor();
      programmeUrl = page.url();
      await settle(page);
      await expectAccessible(page, 'coordinator: programme page');
    },
    page,
  );

  await step(
    'programmes: coordinator opens a draft, adds a discipline and submits it for approval',
    async () => {
      await page.locator('[data-testid=version-create]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=version-form]').waitFor();
      await closeWith(dialog, 'Create');
      await page.locator('[data-testid=version-detail]').waitFor();
      versionUrl = page.url();
      await page.locator('[data-testid=discipline-create]').click();
      const form = page.getByRole('dialog');
      await form.locator('[data-testid=discipline-form]').waitFor();
      await form.getByRole('textbox', { name: /^Discipline code/ }).fill('MET 2101');
      await form.getByRole('textbox', { name: /Kazakh/ }).fill('Металлургия негіздері');
      await form.getByRole('textbox', { name: /Russian/ }).fill('Основы металлургии');
      await closeWith(form, 'Create');
      await page.locator('[data-testid=semester-1] tbody tr', { hasText: 'MET 2101' }).waitFor();
      await settle(page);
      await expectAccessible(page, 'coordinator: draft version');
      await page.locator('[data-testid=version-submit]').click();
      await (await confirmWith(page, 'Submit for approval')).waitFor({ state: 'hidden' });
      const stage = await page.locator('[data-testid=version-stage]').first().textContent();
      expect(stage === 'Awaiting approval', `the stage is ${stage}`);
      const missing = (await page.locator('[data-testid=version-missing]').textContent()) ?? '';
      expect(missing.includes('approval by ERG'), `missing: ${missing}`);
      await shot(page, 'version-awaiting');
    },
    page,
  );

  if (!(await signInStep(page, 'programmes: the ERG partner signs in', 'partner'))) return;

  await step(
    'programmes: the ERG partner approves the version for its organisation and it comes into force',
    async () => {
      await openTable(page, 'programmes', 'programmes-table');
      await search(page, 'programmes-table', code);
      await rowsWith(page, 'programmes-table', code).waitFor();
      await page.goto(versionUrl);
      await page.locator('[data-testid=version-approve]').click();
      await (await confirmWith(page, 'Approve')).waitFor({ state: 'hidden' });
      await page.locator('[data-testid=version-stage]', { hasText: 'In force' }).waitFor();
      expect((await page.locator('[data-testid=version-approve]').count()) === 0, 'approve is still offered');
      await settle(page);
      await expectAccessible(page, 'partner: version in force');
      await switchLanguage(page, 'kk');
      await page.locator('[data-testid=version-stage]', { hasText: 'Күшінде' }).waitFor();
      await expectAccessible(page, 'partner: version in force (kk)');
      await switchLanguage(page, 'en');
    },
    page,
  );

  if (!(await signInStep(page, 'programmes: the other partner company signs in', 'partner2'))) return;

  await step(
    'programmes: a partner that does not co-develop the programme gets the not-found view',
    async () => {
      await page.goto(programmeUrl || `${BASE}/programmes/0`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(
        (await page.locator('[data-testid=programme-detail]').count()) === 0,
        'partner2 sees the programme',
      );
    },
    page,
  );
}
