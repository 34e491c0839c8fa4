/**
 * The placement dashboard in the browser (docs/capabilities/placement-dashboards.md): the officer reads it, a table
 * beside each chart, and downloads its XLSX. The rest of issue 12's journey (the mentor link, the agreement PDF, the
 * passport's practice evidence) runs in the placement chain, placement-chain-journey.ts, which calls this step
 * while the officer is signed in.
 */
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { BASE, expect, shot, step } from './harness.ts';

/** The officer (signed in) reads the placement dashboard and downloads its XLSX. */
export function placementDashboardStep(page: Page) {
  return step(
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
}
