/**
 * The forms under the production Content-Security-Policy: the main journey bypasses the CSP to inject
 * axe-core, so this one runs in its own context that keeps it. The sign-in and investment forms validate
 * with the contracts' zod schemas (jitless, so no `new Function`); any CSP violation the page reports fails.
 */
import type { Browser } from 'playwright-core';
import { BASE, choose, emailOf, expect, expectList, PASSWORD, step, switchLanguage } from './harness.ts';

export async function cspJourney(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // Recorded before any script of the page runs, so a violation at load time counts too.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });

  await step(
    'csp: the sign-in form checks the email with the contract, under the CSP',
    async () => {
      await page.goto(`${BASE}/sign-in`);
      await switchLanguage(page, 'en');
      await page.locator('input[name=email]').fill('not-an-email');
      await page.locator('input[name=password]').fill(PASSWORD);
      await page.locator('input[name=password]').press('Enter');
      await page.getByText('Enter a valid email address').waitFor();
      await page.locator('input[name=email]').fill(emailOf('admin'));
      await page.locator('input[name=password]').press('Enter');
      await page.locator('[data-testid=nav-items]').waitFor();
      // Signing in applies the user's saved language.
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step(
    'csp: the investment form refuses allocations that miss the amount, by the contract, under the CSP',
    async () => {
      await page.locator('[data-nav=investments]').click();
      await page.getByRole('button', { name: 'Record investment' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=investment-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Amount, KZT/ }).fill('1000');
      await choose(page, dialog.getByRole('combobox', { name: /^Lab or item/ }), /^MET-201/, 'MET-201');
      await dialog.getByRole('textbox', { name: /^Share, KZT/ }).fill('999');
      await dialog.getByRole('button', { name: 'Record', exact: true }).click();
      await dialog.getByText('The allocations must add up to the investment amount').waitFor();
      expect(
        (await dialog.getByText('Fill in this field').count()) >= 2,
        'partner and agreement are required',
      );
    },
    page,
  );

  await step('csp: the page reported no Content-Security-Policy violation', async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expectList([...violations, ...refused], [], 'CSP violations');
  });
  await context.close();
}
