/**
 * Small helpers for the browser journey: a step runner that keeps going after a failure and
 * counts results, and the page actions every role repeats (sign in, switch language, sign out).
 */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { axeTally } from './axe.ts';

/** The server under test (set by e2e/run.mjs) and the demo users' password. */
export const BASE = process.env.KADR_E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = process.env.KADR_DEMO_PASSWORD ?? '';

/** The email of a demo user, e.g. `admin@demo.kadr.kz`. */
export const emailOf = (login: string) => `${login}@demo.kadr.kz`;

/** Where screenshots and logs go (gitignored). */
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

const results = { passed: 0, failed: 0, failures: [] as string[] };

/**
 * Runs one named check; a failure is recorded (with a screenshot when a page is given) and the
 * journey goes on.
 * @returns whether the step passed
 */
export async function step(name: string, run: () => Promise<void>, page?: Page): Promise<boolean> {
  const started = Date.now();
  try {
    await run();
    results.passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    results.failed += 1;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    results.failures.push(`${name}: ${message}`);
    console.log(`FAIL ${name}: ${message}`);
    if (page) {
      const file = `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
      await page.screenshot({ path: ARTIFACTS + file, fullPage: true }).catch(() => undefined);
    }
    return false;
  }
}

/** Saves a screenshot as e2e/artifacts/NAME.png. */
export function shot(page: Page, name: string, fullPage = true) {
  return page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage });
}

/** The counts so far, and the failures with their messages. */
export function summary() {
  return { ...results };
}

/** Fails with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Fails unless the two lists are equal, showing both. */
export function expectList(actual: readonly string[], expected: readonly string[], what: string) {
  expect(
    actual.length === expected.length && actual.every((v, i) => v === expected[i]),
    `${what}: expected [${expected.join(', ')}], got [${actual.join(', ')}]`,
  );
}

/** Signs in through the form, submitting with Enter, and waits for the navigation. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('input[name=password]').press('Enter');
  await page.locator('[data-testid=nav-items]').waitFor();
}

/** Clicks sign-out and waits for the sign-in form. */
export async function signOut(page: Page) {
  await page.locator('[data-testid=sign-out]').click();
  await page.locator('input[name=email]').waitFor();
  expect(new URL(page.url()).pathname === '/sign-in', `after sign-out the address is ${page.url()}`);
}

/** The ids of the sidebar entries, in order. */
export async function navIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-nav]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-nav') ?? ''));
}

/** Picks a language in the kk / ru / en switch and waits until `<html lang>` follows. */
export async function switchLanguage(page: Page, locale: 'kk' | 'ru' | 'en') {
  await page.locator(`[data-testid=language-switch] [data-locale="${locale}"]`).click();
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
}

/** Chooses an option of a Mantine Select (optionally typing to search first). */
export async function choose(page: Page, input: Locator, option: string | RegExp, search?: string) {
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Signs out when a session is open, so the next sign-in starts from the form. */
export async function ensureSignedOut(page: Page) {
  await page.goto(`${BASE}/`);
  await page.waitForLoadState('networkidle');
  if ((await page.locator('[data-testid=sign-out]').count()) > 0) await signOut(page);
}

/**
 * The step that signs the demo user `login` in (closing any open session first) and picks the
 * interface language.
 * @returns whether it passed; a journey stops when it did not
 * @example if (!(await signInStep(page, 'bookings: admin signs in', 'admin'))) return;
 */
export function signInStep(page: Page, name: string, login: string, locale: 'kk' | 'ru' | 'en' = 'en') {
  return step(
    name,
    async () => {
      await ensureSignedOut(page);
      await signIn(page, BASE, emailOf(login), PASSWORD);
      await switchLanguage(page, locale);
    },
    page,
  );
}

/** Opens a page from the sidebar and waits for the first row of its table `testId`. */
export async function openTable(page: Page, nav: string, testId: string) {
  await page.locator(`[data-nav=${nav}]`).click();
  await page.locator(`[data-testid=${testId}] tbody tr`).first().waitFor();
}

/** The rows of table `testId` that contain `text`. */
export function rowsWith(page: Page, testId: string, text: string | RegExp): Locator {
  return page.locator(`[data-testid=${testId}] tbody tr`, { hasText: text });
}

/** Types into the search box of table `testId`. */
export function search(page: Page, testId: string, text: string) {
  return page.locator(`[data-testid=${testId}] input[type=search]`).fill(text);
}

/** Presses the button `name` of the open dialog and waits until the dialog has closed. */
export async function closeWith(dialog: Locator, name: string) {
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Confirms the open confirmation dialog with its button `name`; returns the dialog. */
export async function confirmWith(page: Page, name: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  return dialog;
}

/**
 * The ids of partners by short name, read through the page's request context (it shares the
 * session cookie); 0 for a name not found.
 */
export async function partnerIds(page: Page, shortNames: readonly string[]): Promise<Record<string, number>> {
  const response = await page.request.get(`${BASE}/api/partners?pageSize=200`);
  const list = (await response.json()) as { items: { id: number; shortName: string }[] };
  return Object.fromEntries(
    shortNames.map((name) => [name, list.items.find((p) => p.shortName === name)?.id ?? 0]),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar date `days` from today as `YYYY-MM-DD`. */
export function dayOffset(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Types a date (`2026-01-15`) or a date and time (`2026-01-15T10:00`) into a date field and leaves it,
 * which closes its calendar and shows the value in the interface language's pattern.
 */
export async function fillDate(input: Locator, value: string) {
  await input.fill(value);
  await input.blur();
}

/** `YYYY-MM-DD` in the English interface's pattern, `DD/MM/YYYY`. */
export function enDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** A tiny valid PDF (the server checks the `%PDF-` signature), for upload steps. */
export function samplePdf(name: string) {
  const body =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** A write through the API with the page's session and CSRF token (data a step needs but does not test). */
export async function apiWrite(page: Page, method: 'POST' | 'PUT', path: string, data: unknown) {
  const me = (await (await page.request.get(`${BASE}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${BASE}${path}`, {
    method,
    data: data as object,
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: number };
}

/**
 * Runs one journey file alone (`node e2e/run.mjs e2e/<file>.ts`) in headless Chromium, then prints the axe tally and
 * the steps passed and failed, and sets the exit code.
 * @example if (import.meta.url === `file://${process.argv[1]}`) await runAlone(main);
 */
export async function runAlone(main: (browser: Browser) => Promise<void>) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    await main(browser);
  } finally {
    await browser.close();
  }
  const { passed, failed, failures } = summary();
  const axe = axeTally();
  console.log(`axe: ${axe.pages} pages checked, ${axe.serious} serious and ${axe.critical} critical nodes`);
  if (failures.length > 0) console.log(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/**
 * A browser context as every journey uses it, and its page: the clock in UTC on purpose (times on the pages must
 * still read in the university's zone); bypassCSP lets the journey inject axe-core (the app itself never needs it).
 */
export async function journeyPage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}
