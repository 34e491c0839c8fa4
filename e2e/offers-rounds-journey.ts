/**
 * Offers and rounds in the browser: the partner posts an offer through the form and publishes it; the officer puts
 * it and a second offer in a new round with the demo student and opens it; the student ranks both from the
 * keyboard alone (the move buttons, the announcement in the live region) and saves; the partner opens the
 * applicants of its offer and ranks them. Each page is checked with axe.
 */
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BASE, choose, expect, rowsWith, shot, signInStep, step } from './harness.ts';
import { settle } from './role-journey.ts';

/** Calls the API with the page's session (its CSRF token read from /api/auth/me). */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get(`${BASE}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${BASE}${path}`, {
    method,
    ...(data === undefined ? {} : { data: data as object }),
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The partner's, the officer's and the student's part of the placements before the engine runs. */
export async function offersRoundsJourney(page: Page) {
  const stamp = Date.now().toString(36).toUpperCase();
  const title = `Rolling mill internship ${stamp}`;
  const ids = { offer: 0, second: 0, round: 0 };

  if (!(await signInStep(page, 'offers: partner signs in', 'partner'))) return;
  await step(
    'offers: the partner posts an offer through the form and publishes it',
    async () => {
      await page.locator('[data-nav=offers]').click();
      await settle(page);
      await page.locator('[data-testid=create-offer]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Title in English').fill(title);
      await choose(page, dialog.getByLabel('Type of practice'), 'Industrial practice');
      await dialog.getByLabel('Places').fill('3');
      await dialog.getByLabel('Starts on').fill('2027-06-01');
      await dialog.getByLabel('Ends on').fill('2027-07-31');
      await dialog.getByLabel('Region').fill('Pavlodar');
      await expectAccessible(page, 'offer form');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = rowsWith(page, 'offers-table', title);
      await row.getByRole('button', { name: 'Publish' }).click();
      await row.getByText('Published').waitFor();
      await expectAccessible(page, 'offers');
      await shot(page, 'offers');
      const found = await api<{ items: { id: number; organisationId: number }[] }>(
        page,
        'GET',
        `/api/offers?q=${encodeURIComponent(stamp)}`,
      );
      ids.offer = found.items[0]!.id;
      const second = await api<{ id: number }>(page, 'POST', '/api/offers', {
        title: { en: `Quality lab practice ${stamp}` },
        practiceType: 'educational',
        capacity: 2,
        startsOn: '2027-06-01',
        endsOn: '2027-06-30',
      });
      ids.second = second.id;
      await api(page, 'POST', `/api/offers/${second.id}/publish`);
    },
    page,
  );
  if (!ids.second) return;

  if (!(await signInStep(page, 'rounds: officer signs in', 'officer'))) return;
  await step(
    'rounds: the officer sets up a round with both offers and the demo student, and opens it',
    async () => {
      const round = await api<{ id: number }>(page, 'POST', '/api/rounds', {
        name: `Summer practice ${stamp}`,
        academicYear: new Date().getFullYear(),
        maxChoices: 3,
        rankingClosesAt: inDays(7),
        partnerRankingClosesAt: inDays(10),
        responseClosesAt: inDays(14),
      });
      ids.round = round.id;
      for (const offerId of [ids.offer, ids.second])
        await api(page, 'PUT', `/api/rounds/${round.id}/offers/${offerId}`, { seats: 2 });
      let student: { id: number; email?: string } | undefined;
      for (let p = 1; !student && p <= 30; p++) {
        const page_ = await api<{ items: { id: number; email?: string }[] }>(
          page,
          'GET',
          `/api/students?pageSize=200&page=${p}`,
        );
        if (page_.items.length === 0) break;
        student = page_.items.find((s) => s.email === 'student@demo.kadr.kz');
      }
      expect(student, 'the demo student is not found');
      await api(page, 'POST', `/api/rounds/${round.id}/students`, { studentIds: [student.id] });
      await page.goto(`${BASE}/rounds/${round.id}`);
      await settle(page);
      await page.locator('[data-testid=open-round]').click();
      await page.getByText('Open for ranking').first().waitFor();
      await page.locator('[data-testid=round-offers] tbody tr').nth(1).waitFor();
      await expectAccessible(page, 'round (officer)');
      await shot(page, 'round-officer');
    },
    page,
  );
  if (!ids.round) return;

  if (!(await signInStep(page, 'ranking: student signs in', 'student'))) return;
  await step(
    'ranking: the student ranks both offers from the keyboard and saves',
    async () => {
      await page.goto(`${BASE}/rounds/${ids.round}/ranking`);
      await settle(page);
      await page.locator('[data-testid=ranking-safe]').waitFor();
      await expectAccessible(page, 'ranking (empty)');
      for (const id of [ids.offer, ids.second]) {
        await page.locator(`[data-testid=add-${id}]`).focus();
        await page.keyboard.press('Enter');
      }
      const order = () =>
        page
          .locator('[data-testid=my-ranking] li')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-id')));
      expect((await order()).join() === `${ids.offer},${ids.second}`, `order after adding: ${await order()}`);
      await page.locator(`[data-testid=move-down-${ids.offer}]`).focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=my-ranking-live]', { hasText: 'is now choice 2 of 2' }).waitFor();
      expect((await order()).join() === `${ids.second},${ids.offer}`, `order after moving: ${await order()}`);
      await page.locator('[data-testid=save-ranking]').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Your ranking is saved').waitFor();
      await expectAccessible(page, 'ranking (two choices)');
      await shot(page, 'ranking');
      await page.reload();
      await page.locator('[data-testid=my-ranking] li').nth(1).waitFor();
      expect((await order()).join() === `${ids.second},${ids.offer}`, `order after reload: ${await order()}`);
    },
    page,
  );

  if (!(await signInStep(page, 'applicants: partner signs in', 'partner'))) return;
  await step(
    'applicants: the partner sees the student who chose its offer and ranks them',
    async () => {
      await page.goto(`${BASE}/rounds/${ids.round}/offers/${ids.offer}`);
      await settle(page);
      await page.locator('[data-testid=applicants-table] tbody tr').first().waitFor();
      await expectAccessible(page, 'applicants');
      await page.locator('[data-testid=save-partner-ranking]').click();
      await page.getByText('Your ranking is saved').waitFor();
      await shot(page, 'applicants');
    },
    page,
  );
}
