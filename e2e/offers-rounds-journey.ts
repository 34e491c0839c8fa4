/**
 * Rounds in the browser: the officer sets up a new round (a demo offer and the demo student) and opens it from the
 * round page, checked with axe. The partner's offer form, the student's keyboard ranking and the partner's
 * applicants run in the placement chain (placement-chain-journey.ts), on the demo round open for ranking.
 */
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BASE, expect, shot, signInStep, step } from './harness.ts';
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

/** The officer opens a new round. */
export async function offersRoundsJourney(page: Page) {
  const stamp = Date.now().toString(36).toUpperCase();
  if (!(await signInStep(page, 'rounds: officer signs in', 'officer'))) return;
  await step(
    'rounds: the officer sets up a round with a demo offer and the demo student, and opens it',
    async () => {
      const offers = await api<{ items: { id: number; capacity: number }[] }>(
        page,
        'GET',
        '/api/offers?status=published&pageSize=1',
      );
      const offer = offers.items[0];
      expect(offer, 'the demo has no published offer');
      const round = await api<{ id: number }>(page, 'POST', '/api/rounds', {
        name: {
          kk: `Жазғы практика ${stamp}`,
          ru: `Летняя практика ${stamp}`,
          en: `Summer practice ${stamp}`,
        },
        academicYear: new Date().getFullYear(),
        maxChoices: 3,
        rankingClosesAt: inDays(7),
        partnerRankingClosesAt: inDays(10),
        responseClosesAt: inDays(14),
      });
      await api(page, 'PUT', `/api/rounds/${round.id}/offers/${offer.id}`, { seats: 1 });
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
      // The round is named in the page's language (English), not in the others.
      await page.getByRole('heading', { level: 1, name: `Summer practice ${stamp}` }).waitFor();
      await page.locator('[data-testid=round-offers] tbody tr').first().waitFor();
      // A pasted list with a wrong line names the line and adds nobody.
      await page.locator('[data-testid=round-student-numbers]').fill('12345');
      await page.locator('[data-testid=add-round-students-by-number]').click();
      await page.locator('[data-testid=round-student-number-errors]').getByText('Line 1').waitFor();
      await expectAccessible(page, 'round (officer)');
      await shot(page, 'round-officer');
    },
    page,
  );
}
