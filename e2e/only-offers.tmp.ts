/**
 * The foundation journey in Chromium: every demo role signs in, sees exactly its navigation,
 * switches kk → ru → en and signs out; the admin creates an organisation and a user through the
 * UI and finds both in the audit log; wrong passwords show translated errors, including 429; a programme version
 * is drafted by the coordinator and approved by its co-developing partner.
 * Run by e2e/run.mjs (which starts the server); prints `N passed, M failed`.
 */
import { type Browser, chromium } from 'playwright-core';
import { adminJourney, wrongPassword } from './admin-journey.ts';
import { agreementsJourney } from './agreements-journey.ts';
import { axeTally, expectAccessible } from './axe.ts';
import { bookingsJourney } from './bookings-journey.ts';
import { competenciesJourney } from './competencies-journey.ts';
import { cspJourney } from './csp-journey.ts';
import { BASE, expectList, step, summary } from './harness.ts';
import { materialJourney } from './material-journey.ts';
import { offersRoundsJourney } from './offers-rounds-journey.ts';
import { programmesJourney } from './programmes-journey.ts';
import { DEMO_USERS, roleJourney } from './role-journey.ts';
import { strategyJourney } from './strategy-journey.ts';

async function main(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await offersRoundsJourney(page);
  await step('no uncaught errors in the page', async () => expectList(pageErrors, [], 'page errors'));
  await context.close();
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
