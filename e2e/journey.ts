/**
 * The foundation journey in Chromium: every demo role signs in, sees exactly its navigation,
 * switches kk → ru → en and signs out; the admin creates an organisation and a user through the
 * UI and finds both in the audit log; wrong passwords show translated errors, including 429; a programme version
 * is drafted by the coordinator and approved by its co-developing partner; issue 11's analysis, results import and
 * competency passport (passport-journey.ts); issue 12's placement chain (placement-chain-journey.ts).
 * Run by e2e/run.mjs (which starts the server); prints `N passed, M failed`.
 */
import { type Browser, chromium } from 'playwright-core';
import { adminJourney, wrongPassword } from './admin-journey.ts';
import { agreementsJourney } from './agreements-journey.ts';
import { axeTally, expectAccessible } from './axe.ts';
import { bookingsJourney } from './bookings-journey.ts';
import { competenciesJourney } from './competencies-journey.ts';
import { cspJourney } from './csp-journey.ts';
import { demandJourney } from './demand-journey.ts';
import { BASE, expectList, journeyPage, step, summary } from './harness.ts';
import { materialJourney } from './material-journey.ts';
import { passportJourney } from './passport-journey.ts';
import { offersRoundsJourney } from './offers-rounds-journey.ts';
import { placementChainJourney } from './placement-chain-journey.ts';
import { programmesJourney } from './programmes-journey.ts';
import { DEMO_USERS, roleJourney } from './role-journey.ts';
import { strategyJourney } from './strategy-journey.ts';

async function main(browser: Browser) {
  const { context, page } = await journeyPage(browser);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await step(
    'the sign-in page has no serious or critical axe finding',
    async () => {
      await page.goto(`${BASE}/sign-in`);
      await page.locator('input[name=email]').waitFor();
      await expectAccessible(page, 'sign-in');
    },
    page,
  );
  await wrongPassword(page);
  for (const user of DEMO_USERS) await roleJourney(page, user);
  await adminJourney(page);
  await materialJourney(page);
  await agreementsJourney(page);
  await bookingsJourney(page);
  await programmesJourney(page);
  // Issue 13's done-when: the partner's demand and the coordinator's gaps, then the admin's KPI and report.
  await demandJourney(page);
  await strategyJourney(page);
  await competenciesJourney(page);
  await passportJourney(page);
  await offersRoundsJourney(page);
  // Issue 12's done-when: offer, ranking, allocation, explanation, agreement, journal, mentor link, passport.
  await placementChainJourney(page, browser);
  await step('no uncaught errors in the page', async () => expectList(pageErrors, [], 'page errors'));
  await context.close();
  await cspJourney(browser);
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser | undefined;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
} catch (error) {
  console.error(`Chromium did not start from ${executablePath} (apt-get install -y chromium): ${error}`);
}
if (browser) {
  try {
    await main(browser);
  } finally {
    await browser.close();
  }
} else {
  await step('Chromium starts', async () => {
    throw new Error(`no browser at ${executablePath}`);
  });
}
const { passed, failed, failures } = summary();
const axe = axeTally();
console.log(`axe: ${axe.pages} pages checked, ${axe.serious} serious and ${axe.critical} critical nodes`);
if (failures.length > 0) console.log(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
