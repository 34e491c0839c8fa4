/**
 * The allocation pages in Chromium, each in kk, ru and en with axe (no serious or critical finding) and by
 * keyboard: the officer's run/preview/publish page (/allocation), the student's results (/placements/results) and
 * the partner's results (/round-results). `node e2e/run.mjs e2e/allocation-journey.ts` runs it alone; the role
 * journey (role-journey.ts) also opens these pages from each role's sidebar.
 */
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { expect, journeyPage, runAlone, signInStep, step, switchLanguage } from './harness.ts';
import { settle } from './role-journey.ts';

/** Opens a page from the sidebar in each language and checks it with axe, then reaches its first control by Tab. */
export async function allocationPages(page: Page) {
  const pages = [
    { login: 'officer', nav: 'allocation', control: 'input' },
    { login: 'student', nav: 'placementResults', control: null },
    { login: 'partner', nav: 'roundResults', control: 'input' },
  ];
  for (const { login, nav, control } of pages) {
    if (!(await signInStep(page, `allocation: ${login} signs in`, login))) continue;
    for (const locale of ['kk', 'ru', 'en'] as const) {
      await step(
        `allocation: ${login}'s page ${nav} in ${locale} has no serious or critical axe finding`,
        async () => {
          await switchLanguage(page, locale);
          await page.locator(`[data-nav=${nav}]`).click();
          await settle(page);
          await expectAccessible(page, `${login} ${nav} ${locale}`);
        },
        page,
      );
    }
    if (control)
      await step(
        `allocation: ${login} reaches the round selector by keyboard`,
        async () => {
          await page.locator('main h1').click();
          for (let i = 0; i < 10; i++) {
            await page.keyboard.press('Tab');
            const inMain = await page.evaluate(
              (tag) =>
                document.activeElement?.closest('main') !== null &&
                document.activeElement?.tagName.toLowerCase() === tag,
              control,
            );
            if (inMain) return;
          }
          expect(false, 'the round selector was not reached by Tab');
        },
        page,
      );
  }
}

async function main(browser: Browser) {
  const { context, page } = await journeyPage(browser);
  await allocationPages(page);
  await context.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(main);
