/**
 * The admin's journey (create an organisation and a user through the UI, find both in the audit
 * log, create a token, use the burger on a phone) and the sign-in errors (wrong password, 429).
 */
import type { Page } from 'playwright-core';
import {
  BASE,
  choose,
  emailOf,
  expect,
  PASSWORD,
  shot,
  signIn,
  signOut,
  step,
  switchLanguage,
} from './harness.ts';

/** A wrong password shows the translated error; repeated failures show the wait in minutes. */
export async function wrongPassword(page: Page) {
  await step(
    'wrong password shows the translated error',
    async () => {
      await page.goto(`${BASE}/sign-in`);
      await switchLanguage(page, 'en');
      await page.locator('input[name=email]').fill(emailOf('admin'));
      await page.locator('input[name=password]').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const error = page.locator('[data-testid=sign-in-error]');
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      expect(text.includes('Wrong email or password'), `error text: ${text}`);
      await shot(page, 'sign-in-wrong-password', false);
    },
    page,
  );

  await step(
    'repeated failures show "try again in N minutes" (429)',
    async () => {
      await switchLanguage(page, 'ru');
      await page.locator('input[name=email]').fill('locked-out@demo.kadr.kz');
      const error = page.locator('[data-testid=sign-in-error]');
      for (let attempt = 0; attempt < 8; attempt += 1) {
        await page.locator('input[name=password]').fill(`wrong-password-${attempt}`);
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
        await page.locator('input[name=password]').press('Enter');
        if ((await answer).status() === 429) break;
      }
      await page
        .locator('[data-testid=sign-in-error]', { hasText: /через \d+ минут/ })
        .waitFor({ timeout: 5000 });
      expect(/Слишком много попыток/.test((await error.textContent()) ?? ''), 'no Russian 429 message');
      await shot(page, 'sign-in-too-many-attempts', false);
    },
    page,
  );
}

/** The admin's pages, driven through the UI as a person would. */
export async function adminJourney(page: Page) {
  const stamp = Date.now().toString(36);
  const shortName = `E2E-${stamp}`;
  const email = `e2e-${stamp}@demo.kadr.kz`;
  if (!(await step('admin: signs in again', () => signIn(page, BASE, emailOf('admin'), PASSWORD), page)))
    return;

  await step(
    'admin: home page shows users by role',
    async () => {
      // A taller window, so the README screenshot shows the whole page with its chart.
      await page.setViewportSize({ width: 1280, height: 1040 });
      await page.locator('canvas').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(800); // let the chart finish its entry animation
      await shot(page, 'home-admin', false);
      await page.setViewportSize({ width: 1280, height: 800 });
    },
    page,
  );

  await step(
    'admin: creates an organisation through the UI',
    async () => {
      await page.goto(`${BASE}/organisations`);
      await page.getByRole('button', { name: 'New organisation' }).click();
      const modal = page.getByRole('dialog');
      await modal.getByLabel('Name in Kazakh').fill(`E2E сынақ ұйымы ${stamp}`);
      await modal.getByLabel('Name in Russian').fill(`Тестовая организация E2E ${stamp}`);
      await modal.getByLabel('Name in English').fill(`E2E test organisation ${stamp}`);
      await modal.getByLabel('Short name').fill(shortName);
      const city = modal.getByRole('group', { name: 'City' });
      await city.getByLabel('In Kazakh').fill('Екібастұз');
      await city.getByLabel('In Russian').fill('Экибастуз');
      await city.getByLabel('In English').fill('Ekibastuz');
      await choose(page, modal.getByRole('combobox', { name: 'Sector' }), 'Energy');
      await choose(page, modal.getByRole('combobox', { name: 'Priority areas' }), 'Energy');
      await page.keyboard.press('Escape'); // close the dropdown, not the modal
      await shot(page, 'organisation-form', false);
      await modal.getByRole('button', { name: 'Create' }).click();
      await modal.waitFor({ state: 'detached' });
      await page.getByLabel('Search').fill(shortName);
      await page.locator('[data-testid=organisations-table]', { hasText: '1 record' }).waitFor();
      const row = page.locator('[data-testid=organisations-table] tbody tr', { hasText: shortName });
      await row.waitFor();
      expect(((await row.textContent()) ?? '').includes('Ekibastuz'), 'the English city in the row');
      await switchLanguage(page, 'kk');
      await row.filter({ hasText: 'Екібастұз' }).waitFor();
      await switchLanguage(page, 'en');
      await shot(page, 'organisations');
    },
    page,
  );

  await step(
    'admin: creates a user through the UI (submitting with Enter)',
    async () => {
      await page.goto(`${BASE}/admin/users`);
      await page.getByRole('button', { name: 'New user' }).click();
      const modal = page.getByRole('dialog');
      await modal.getByLabel('Email').fill(email);
      await modal.getByLabel('Full name').fill('Асель Тестова');
      await choose(page, modal.getByRole('combobox', { name: 'Role' }), 'Mentor');
      await choose(
        page,
        modal.getByRole('combobox', { name: 'Organisation' }),
        new RegExp(shortName),
        shortName,
      );
      await modal.getByLabel('Initial password').fill('a-long-enough-password');
      await modal.getByLabel('Initial password').press('Enter');
      await modal.waitFor({ state: 'detached' });
      await page.getByLabel('Search').fill(email);
      await page.locator('[data-testid=users-table]', { hasText: '1 record' }).waitFor();
      await page.locator('[data-testid=users-table] tbody tr', { hasText: email }).waitFor();
      await shot(page, 'users');
    },
    page,
  );

  await step(
    'admin: finds both creations in the audit log with their diff',
    async () => {
      await page.goto(`${BASE}/admin/audit`);
      const table = page.locator('[data-testid=audit-table]');
      // The demo's log is longer than the count's cap (ADR 0018): the page says so instead of a number.
      await page.getByText('more than 1,000 records').waitFor();
      for (const [entity, name, text] of [
        ['user', 'User', email],
        ['organisation', 'Organisation', shortName],
      ] as const) {
        // The kinds of record are named in the reader's language; the filter is a searchable list.
        await choose(page, page.getByRole('combobox', { name: 'Entity' }), name, name.slice(0, 4));
        const first = table.locator('tbody tr').first();
        await first.locator(`td [title="${entity}"]`, { hasText: name }).waitFor();
        await first.getByRole('button').click();
        const diff = table.locator('[data-testid=audit-diff]').first();
        await diff.waitFor();
        const diffText = (await diff.textContent()) ?? '';
        expect(diffText.includes(text), `the ${entity} diff does not mention ${text}`);
        expect(
          /admin@demo\.kadr\.kz/.test((await first.textContent()) ?? ''),
          `the ${entity} entry is not by the admin`,
        );
        if (entity === 'user') await shot(page, 'audit');
        await first.getByRole('button').click();
      }
    },
    page,
  );

  await step(
    'admin: profile page shows password and token forms',
    async () => {
      await page.goto(`${BASE}/profile`);
      await page.getByLabel('Token name').fill('e2e');
      await page.getByLabel('Your password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.locator('[data-testid=token-secret]').waitFor();
      await shot(page, 'profile-token', false);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();
    },
    page,
  );

  await step(
    'admin: small screens get a burger menu',
    async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${BASE}/`);
      // The collapsed sidebar slides off screen; the burger brings it back.
      const navLeft = async () => (await page.locator('[data-nav=users]').boundingBox())?.x ?? -1;
      await page.locator('[data-testid=home-title]').waitFor();
      expect((await navLeft()) < 0, 'the sidebar is on screen before the burger is pressed');
      const burger = page.getByRole('button', { name: 'Show or hide navigation' });
      await burger.click();
      await page.locator('[data-nav=users]').waitFor();
      await page.waitForTimeout(400); // the slide-in transition
      expect((await navLeft()) >= 0, 'the burger did not open the sidebar');
      await shot(page, 'mobile-nav', false);
      await page.setViewportSize({ width: 1280, height: 800 });
    },
    page,
  );

  await step(
    'the new user signs in and changes the password (in Russian, its saved language)',
    async () => {
      await signOut(page);
      await signIn(page, BASE, email, 'a-long-enough-password');
      await page.locator('html[lang="ru"]').waitFor({ state: 'attached' });
      await page.locator('[data-nav=profile]').click();
      await page.getByLabel('Текущий пароль').fill('not-my-password');
      await page.getByLabel('Новый пароль', { exact: false }).first().fill('another-long-password');
      await page.getByLabel('Повторите новый пароль').fill('another-long-password');
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await page.getByText('Текущий пароль неверен').waitFor();
      await page.getByLabel('Текущий пароль').fill('a-long-enough-password');
      await page.getByLabel('Повторите новый пароль').press('Enter');
      await page.getByText('Пароль изменён').waitFor();
      await signOut(page);
      await signIn(page, BASE, email, 'another-long-password');
      await signOut(page);
    },
    page,
  );
}
