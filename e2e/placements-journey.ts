/**
 * Issue 12's journey in the browser, as far as the merged parts of placements allow (docs/capabilities/
 * notifications.md, placement-dashboards.md, placements.md): the officer reads the placement dashboard and its
 * XLSX; issues the mentor link of the demo placement in progress, whose email waits in the outbox; the mentor,
 * without an account, opens the link, approves the journal and assesses the competencies; the demo student's
 * completed placement has its agreement PDF, and the student's passport shows the practice assessments.
 * Not yet here (their pages are not merged): the partner posting an offer, the students ranking, the officer's
 * allocation preview and publication, the student's accept with the explanation of the second choice.
 */
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BASE, expect, shot, signInStep, step } from './harness.ts';

interface PlacementItem {
  id: number;
  status: string;
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${BASE}${url}`);
  expect(response.ok(), `${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

export async function placementsJourney(page: Page, browser: Browser) {
  let token = '';
  let placementId = 0;

  if (!(await signInStep(page, 'placements: the officer signs in', 'officer'))) return;
  await step(
    'placements: the officer reads the dashboard, a table beside each chart, and downloads its XLSX',
    async () => {
      await page.locator('[data-nav=placementDashboard]').click();
      await page.locator('[data-testid=placement-programmes] tbody tr').first().waitFor();
      await page.locator('[data-testid=placement-partners] tbody tr').first().waitFor();
      await page.locator('[data-testid=placement-areas] tbody tr').first().waitFor();
      await expectAccessible(page, 'officer: placement dashboard');
      await shot(page, 'placement-dashboard');
      const href = await page.locator('[data-testid=placement-dashboard-xlsx]').getAttribute('href');
      const xlsx = await page.request.get(`${BASE}${href}`);
      expect(xlsx.ok(), `the XLSX answered ${xlsx.status()}`);
      expect((await xlsx.body()).subarray(0, 2).toString() === 'PK', 'the XLSX is not a zip archive');
    },
    page,
  );

  await step(
    'placements: the officer issues the mentor link of the placement in progress; its email waits in the outbox',
    async () => {
      const list = await json<{ items: PlacementItem[] }>(page, '/api/placements?status=in-progress');
      placementId = list.items[0]?.id ?? 0;
      expect(placementId > 0, 'the demo has no placement in progress');
      const issued = await page.request.post(`${BASE}/api/placements/${placementId}/mentor-links`, {
        data: { days: 14 },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(issued.status() === 201, `issuing the link answered ${issued.status()}: ${await issued.text()}`);
      token = ((await issued.json()) as { token: string }).token;
      await page.locator('[data-nav=outbox]').click();
      await page.getByLabel('Search').fill(`placement:${placementId}`);
      await page.locator('[data-testid=outbox-table] tbody tr', { hasText: 'Mentor link' }).first().waitFor();
      await expectAccessible(page, 'officer: notification outbox');
      await shot(page, 'outbox');
    },
    page,
  );

  await step(
    'placements: the mentor opens the link without an account, approves the journal and assesses',
    async () => {
      expect(token, 'no mentor link was issued');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      try {
        const mentor = await context.newPage();
        mentor.setDefaultTimeout(15_000);
        await mentor.goto(`${BASE}/mentor/${token}`);
        await mentor.getByLabel('Your name').fill('Demo Mentor');
        const approve = mentor.getByRole('radio', { name: 'Approve' });
        await approve.first().waitFor({ state: 'attached' });
        for (let i = 0; i < (await approve.count()); i++)
          await approve.nth(i).evaluate((el) => (el as HTMLInputElement).click());
        const levels = mentor.getByLabel(/^Level of /).and(mentor.locator('input'));
        for (let i = 0; i < (await levels.count()); i++) {
          await levels.nth(i).click();
          await mentor.getByRole('option').nth(3).click();
        }
        await shot(mentor, 'mentor-link');
        await expectAccessible(mentor, 'mentor: the link page, no account');
        await mentor.locator('[data-testid=mentor-link-submit]').click();
        await mentor.locator('[data-testid=mentor-link-done]').waitFor();
        await shot(mentor, 'mentor-link-done');
        const again = await mentor.request.get(`${BASE}/api/mentor-links/${token}`);
        expect(again.status() === 410, `a used link answered ${again.status()}, not 410`);
      } catch (error) {
        for (const p of context.pages()) await shot(p, 'failure-mentor-link-page');
        throw error;
      } finally {
        await context.close();
      }
    },
    page,
  );

  if (!(await signInStep(page, 'placements: the demo student signs in', 'student'))) return;
  await step(
    "placements: the agreement PDF of the student's completed placement is generated",
    async () => {
      const own = await json<{ items: PlacementItem[] }>(page, '/api/placements?status=completed');
      expect(own.items.length > 0, 'the demo student has no completed placement');
      const pdf = await page.request.get(`${BASE}/api/placements/${own.items[0]!.id}/agreement?lang=en`);
      expect(pdf.ok(), `the agreement answered ${pdf.status()}`);
      expect((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'the agreement is not a PDF');
      expect(/^[0-9a-f]{64}$/.test(pdf.headers()['x-document-sha256'] ?? ''), 'no SHA-256 of the agreement');
    },
    page,
  );
  await step(
    "placements: the student's passport shows the practice assessments as evidence",
    async () => {
      await page.locator('[data-nav=passport]').click();
      await page.getByText('Practice assessment').first().waitFor();
      await expectAccessible(page, 'student: passport with practice evidence');
    },
    page,
  );
}

/** The CSRF token of the signed-in session. */
async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get(`${BASE}/api/auth/me`)).json()) as { csrfToken: string };
  return me.csrfToken;
}
