/**
 * What every demo role does in the journey: sign in, see exactly its navigation, switch
 * kk → ru → en (saved on the user), read its home and organisation pages, sign out.
 */
import type { Page, Route } from 'playwright-core';
import { NAV_BY_ROLE } from '../packages/web/src/app/navigation-by-role.test-support.ts';
import { expectAccessible } from './axe.ts';
import {
  BASE,
  emailOf,
  expect,
  expectList,
  navIds,
  PASSWORD,
  shot,
  signIn,
  signOut,
  step,
  switchLanguage,
} from './harness.ts';

/** The demo users the journey signs in, in order, each with its role (`partner2` is a second partner's). */
const DEMO_ROLES = [
  ['admin', 'admin'],
  ['coordinator', 'coordinator'],
  ['officer', 'officer'],
  ['admissions', 'admissions'],
  ['observer', 'observer'],
  ['partner', 'partner'],
  ['partner2', 'partner'],
  ['mentor', 'mentor'],
  ['student', 'student'],
] as const;

/** Every demo user and the sidebar it must show, in order (its role's, from the navigation test's list). */
export const DEMO_USERS: { login: string; nav: readonly string[] }[] = DEMO_ROLES.map(([login, role]) => ({
  login,
  nav: NAV_BY_ROLE[role],
}));

/** The "Home" entry of the sidebar in each language: the label the journey watches change. */
const HOME_LABEL = { kk: 'Басты бет', ru: 'Главная', en: 'Home' } as const;

/**
 * Waits until the page in <main> has settled: no request in flight, no loader, the page's heading shown
 * (and a moment for Mantine's transitions, which axe would otherwise catch half-faded).
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1, main h2').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role=status] .mantine-Loader-root'));
  await page.waitForTimeout(300);
}

/**
 * Opens every page of the sidebar (and the first partner's and agreement's own page where the role
 * has them) and checks each with axe: no serious or critical finding.
 */
export async function walkPagesWithAxe(page: Page, who: string, nav: readonly string[]) {
  for (const id of nav) {
    await step(
      `${who}: page ${id} has no serious or critical axe finding`,
      async () => {
        await page.locator(`[data-nav=${id}]`).click();
        await settle(page);
        await expectAccessible(page, `${who} ${id}`);
        if (id === 'partners' || id === 'agreements') {
          const table = id === 'partners' ? 'partners-table' : 'agreements-table';
          const link = page.locator(`[data-testid=${table}] tbody tr a`).first();
          await link.click();
          await settle(page);
          await expectAccessible(page, `${who} ${id} (one record)`);
        }
      },
      page,
    );
  }
}

/** Runs the journey of one demo user; every check is a separate step. */
export async function roleJourney(page: Page, user: { login: string; nav: readonly string[] }) {
  const who = user.login;
  const signedIn = await step(`${who}: signs in`, () => signIn(page, BASE, emailOf(who), PASSWORD), page);
  if (!signedIn) return;
  await step(
    `${who}: sees exactly its navigation`,
    async () => expectList(await navIds(page), user.nav, 'nav'),
    page,
  );
  await step(
    `${who}: switches the language kk → ru → en`,
    async () => {
      for (const locale of ['kk', 'ru', 'en'] as const) {
        await switchLanguage(page, locale);
        await page.locator('[data-nav=home]', { hasText: HOME_LABEL[locale] }).waitFor({ timeout: 5000 });
      }
      // The choice is saved on the user, not only in this browser (the save may still be in flight).
      let saved = '';
      for (let attempt = 0; attempt < 20 && saved !== 'en'; attempt += 1) {
        if (attempt > 0) await page.waitForTimeout(100);
        const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
        saved = (me as { locale: string }).locale;
      }
      expect(saved === 'en', `saved locale is ${saved}, expected en`);
    },
    page,
  );
  await step(
    `${who}: switches the language by keyboard (a radio group: the arrow keys pick the next language)`,
    async () => {
      // Each save answers late, so that the switch back to English happens while Russian is still being saved.
      let answered = 0;
      const late = async (route: Route) => {
        await page.waitForTimeout(400);
        // Passed on, and counted once the server has answered it.
        const response = await route.fetch().catch(() => undefined);
        if (response) await route.fulfill({ response }).catch(() => {});
        answered += 1;
      };
      await page.route('**/api/auth/preferences', late);
      await page.locator('[data-testid=language-switch] input:checked').focus();
      await page.keyboard.press('ArrowLeft');
      await page.locator('html[lang="ru"]').waitFor({ state: 'attached', timeout: 5000 });
      const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
      expect(focused === 'ru', `the focus is on ${focused}, expected the Russian option`);
      await page.keyboard.press('ArrowRight');
      await page.locator('html[lang="en"]').waitFor({ state: 'attached', timeout: 5000 });
      // The last language chosen is the one saved on the user, once the first save (Russian) has been answered.
      for (let attempt = 0; attempt < 50 && answered === 0; attempt += 1) await page.waitForTimeout(100);
      let saved = '';
      for (let attempt = 0; attempt < 30 && saved !== 'en'; attempt += 1) {
        await page.waitForTimeout(100);
        const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
        saved = (me as { locale: string }).locale;
      }
      await page.unroute('**/api/auth/preferences', late);
      expect(saved === 'en', `saved locale is ${saved} after switching back, expected en`);
    },
    page,
  );
  await step(
    `${who}: home page says what the role does`,
    async () => {
      await page.locator('[data-testid=role-about]').waitFor();
      const text = (await page.locator('[data-testid=role-about]').textContent()) ?? '';
      expect(text.length > 40, `role description too short: ${text}`);
      await shot(page, `home-${who}`);
    },
    page,
  );
  await walkPagesWithAxe(page, who, user.nav);
  if (user.nav.includes('organisation')) {
    await step(
      `${who}: sees its own organisation, read-only`,
      async () => {
        await page.locator('[data-nav=organisation]').click();
        await page.locator('main table', { hasText: 'Short name' }).waitFor();
        expect((await page.getByRole('button', { name: /Edit/ }).count()) === 0, 'an edit button is shown');
        await shot(page, `organisation-${who}`);
      },
      page,
    );
  }
  if (user.nav.includes('organisations') && who !== 'admin') {
    await step(
      `${who}: reads organisations without edit buttons`,
      async () => {
        await page.locator('[data-nav=organisations]').click();
        await page.locator('[data-testid=organisations-table] tbody tr').first().waitFor();
        const editing = await page.getByRole('button', { name: /^(New organisation|Edit)/ }).count();
        expect(editing === 0, `${editing} create/edit buttons are shown`);
      },
      page,
    );
  }
  if (who !== 'admin') {
    await step(
      `${who}: is sent home from an admin page`,
      async () => {
        await page.goto(`${BASE}/admin/users`);
        await page.locator('[data-testid=role-about]').waitFor();
        expect(new URL(page.url()).pathname === '/', `still on ${page.url()}`);
      },
      page,
    );
  }
  await step(`${who}: signs out`, () => signOut(page), page);
}
