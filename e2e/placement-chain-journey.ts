/**
 * Issue 12's "done when" as one browser journey on the demo data (docs/capabilities/placements.md): the partner
 * posts and publishes an offer; the officer puts it in the demo round open for ranking; the demo student ranks a
 * scarce offer first and the new one second, from the keyboard alone; the partner sees the applicant; the officer
 * closes the ranking, follows the round's link to its allocation, runs the engine, reads the preview's statistics
 * and publishes; the student reads in plain words why they got their second choice (the scarce offer's partner
 * ranked them third for two seats, as the demo seeds it) and accepts; supervisor, mentor and the three sign-offs;
 * the agreement PDF is downloaded and read with pdftotext; the practice starts and the officer issues the mentor's
 * link from the placement page (its email waits in the outbox); the student writes a day in the journal; the
 * mentor, without an account, opens the link, approves that day and assesses the competency; the student's
 * passport shows the new practice evidence. Every page on the way is checked with axe.
 * `node e2e/run.mjs e2e/placement-chain-journey.ts` runs it alone.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import {
  ARTIFACTS,
  BASE,
  choose,
  confirmWith,
  dayOffset,
  expect,
  expectList,
  journeyPage,
  rowsWith,
  runAlone,
  shot,
  signInStep,
  step,
} from './harness.ts';
import { placementDashboardStep } from './placements-journey.ts';
import { settle } from './role-journey.ts';

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${BASE}${url}`);
  expect(response.ok(), `${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** The ids of the entries of the student's ranking, in order. */
const rankingOrder = (page: Page) =>
  page
    .locator('[data-testid=my-ranking] li')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-id') ?? ''));

/** Opens the placement of the chain's offer from the sidebar's placements list. */
async function openPlacement(page: Page, title: string) {
  await page.locator('[data-nav=placements]').click();
  const row = rowsWith(page, 'placements-table', title);
  await row.first().waitFor();
  await row.first().getByRole('link').click();
  await page.locator('[data-testid=placement-status]').waitFor();
  await settle(page);
}

export async function placementChainJourney(page: Page, browser: Browser) {
  const stamp = Date.now().toString(36).toUpperCase();
  const title = `Substation commissioning ${stamp}`;
  const body = `Checked the relay protection settings with the shift engineer (${stamp}).`;
  const ids = { offer: 0, round: 0, roundName: '', scarce: 0, placement: 0 };
  let token = '';

  if (!(await signInStep(page, 'chain: the partner signs in', 'partner'))) return;
  await step(
    'chain: the partner posts an offer through the form, with a required competency, and publishes it',
    async () => {
      await page.locator('[data-nav=offers]').click();
      await settle(page);
      await page.locator('[data-testid=create-offer]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Title in Kazakh').fill(`Қосалқы станцияны іске қосу ${stamp}`);
      await dialog.getByLabel('Title in Russian').fill(`Пусконаладка подстанции ${stamp}`);
      await dialog.getByLabel('Title in English').fill(title);
      await choose(page, dialog.getByLabel('Type of practice'), 'Industrial practice');
      await dialog.getByLabel('Places').fill('2');
      // The practice has begun (the journal takes days up to today) and runs for weeks.
      await dialog.getByLabel('Starts on').fill(dayOffset(-5));
      await dialog.getByLabel('Ends on').fill(dayOffset(40));
      await choose(page, dialog.getByRole('combobox', { name: 'Region' }), 'Pavlodar region', 'Pavlodar');
      const place = dialog.getByRole('group', { name: 'Place (address)' });
      await place.getByLabel('In Kazakh').fill('Екібастұз ГРЭС-1, Екібастұз');
      await place.getByLabel('In Russian').fill('Экибастузская ГРЭС-1, Экибастуз');
      await place.getByLabel('In English').fill('Ekibastuz GRES-1, Ekibastuz');
      const prerequisites = dialog.getByRole('group', { name: 'Prerequisites' });
      await prerequisites.getByLabel('In Kazakh').fill('Электр қауіпсіздігі бойынша III топ');
      await prerequisites.getByLabel('In Russian').fill('III группа по электробезопасности');
      await prerequisites.getByLabel('In English').fill('Electrical safety group III');
      const picker = dialog.getByLabel('Find a competency');
      await picker.click();
      await picker.pressSequentially('Physics', { delay: 30 });
      const physics = page.getByRole('option', { name: /^1\.1\.2 Physics/ }).first();
      await physics.waitFor().catch(async (error) => {
        console.log(`  options: ${(await page.getByRole('option').allTextContents()).join(' | ')}`);
        throw error;
      });
      await physics.click();
      const add = dialog.getByRole('button', { name: 'Add', exact: true });
      await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, await add.elementHandle());
      await add.click();
      await dialog
        .getByText(/^1\.1\.2 Physics/)
        .first()
        .waitFor();
      await expectAccessible(page, 'chain: offer form');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = rowsWith(page, 'offers-table', title);
      await row.getByRole('button', { name: 'Publish' }).click();
      await row.getByText('Published').waitFor();
      // The offer's line shows its place and prerequisites in the reader's language (English here).
      await row.getByText('Location: Ekibastuz GRES-1, Ekibastuz').waitFor();
      await row.getByText('Prerequisites: Electrical safety group III').waitFor();
      await expectAccessible(page, 'chain: offers');
      const found = await json<{
        items: {
          id: number;
          region: string | null;
          location: Record<string, string>;
          prerequisites: Record<string, string>;
        }[];
      }>(page, `/api/offers?q=${stamp}`);
      ids.offer = found.items[0]?.id ?? 0;
      expect(ids.offer > 0, 'the new offer is not found');
      const saved = found.items[0]!;
      expect(saved.region === 'pavlodar', `the offer's region: ${saved.region}`);
      expect(
        saved.location.kk === 'Екібастұз ГРЭС-1, Екібастұз' &&
          saved.prerequisites.en === 'Electrical safety group III',
        `the offer's place and prerequisites: ${JSON.stringify([saved.location, saved.prerequisites])}`,
      );
    },
    page,
  );
  if (!ids.offer) return;

  if (!(await signInStep(page, 'chain: the officer signs in', 'officer'))) return;
  await step(
    'chain: the officer adds the offer to the demo round open for ranking, from the round page',
    async () => {
      type Named = { id: number; name: { kk: string; ru: string; en: string } };
      const open = await json<{ items: Named[] }>(page, '/api/rounds?status=open');
      const round = open.items.find((r) => r.name.ru.startsWith('Производственная практика'));
      expect(round, `no open demo round among ${open.items.map((r) => r.name.ru).join(', ')}`);
      ids.round = round.id;
      ids.roundName = round.name.en;
      await page.locator('[data-nav=rounds]').click();
      // The English page names the round in English only (the demo's name was one kk / ru string before).
      await rowsWith(page, 'rounds-table', round.name.en).getByRole('link').last().click();
      await page.getByRole('heading', { level: 1, name: round.name.en, exact: true }).waitFor();
      await page.locator('[data-testid=close-round]').waitFor();
      await choose(
        page,
        page.getByLabel('Published offer').and(page.locator('input')),
        new RegExp(stamp),
        stamp,
      );
      await page.getByLabel('Seats').and(page.locator('input')).fill('2');
      await page.locator('[data-testid=add-round-offer]').click();
      await rowsWith(page, 'round-offers', title).waitFor();
      // The round's offer table names the offer with its place and prerequisites, in English here.
      await rowsWith(page, 'round-offers', title)
        .getByText('Prerequisites: Electrical safety group III')
        .waitFor();
      await rowsWith(page, 'round-offers', title)
        .getByText('Location: Ekibastuz GRES-1, Ekibastuz')
        .waitFor();
      await settle(page);
      await expectAccessible(page, 'chain: round with the new offer');
    },
    page,
  );
  if (!ids.round) return;

  if (!(await signInStep(page, 'chain: the student signs in', 'student'))) return;
  await step(
    'chain: the student ranks the scarce offer first and the new one second, from the keyboard',
    async () => {
      const mine = await json<{ offers: { offer: { id: number; organisationShortName: string } }[] }>(
        page,
        `/api/rounds/${ids.round}/my-ranking`,
      );
      ids.scarce =
        mine.offers.find((o) => o.offer.organisationShortName === 'Prommashkomplekt')?.offer.id ?? 0;
      expect(ids.scarce > 0, 'the demo round has no Prommashkomplekt offer');
      await page.locator('[data-nav=rounds]').click();
      await page.locator(`a[href="/rounds/${ids.round}/ranking"]`).click();
      await page.locator('[data-testid=ranking-safe]').waitFor();
      await page
        .getByRole('heading', { level: 1, name: `Your choices: ${ids.roundName}`, exact: true })
        .waitFor();
      await settle(page);
      // The student reads the new offer's place and prerequisites in English before ranking it, and in the list after.
      const offered = page.locator('[data-testid=available-offers] li', { hasText: title });
      await offered.getByText('Location: Ekibastuz GRES-1, Ekibastuz').waitFor();
      await offered.getByText('Prerequisites: Electrical safety group III').waitFor();
      // Added from the keyboard, the new offer first: the focus moves to the added entry and it is announced.
      for (const [id, position] of [
        [ids.offer, 1],
        [ids.scarce, 2],
      ] as const) {
        await page.locator(`[data-testid=add-${id}]`).focus();
        await page.keyboard.press('Enter');
        await page
          .locator('[data-testid=my-ranking-live]', { hasText: `choice ${position} of ${position}` })
          .waitFor();
        const focused = await page.evaluate(() =>
          document.activeElement?.closest('li')?.getAttribute('data-id'),
        );
        expect(focused === String(id), `after Add the focus is on entry ${focused}, not ${id}`);
      }
      await page.locator(`[data-testid=move-down-${ids.offer}]`).focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=my-ranking-live]', { hasText: 'is now choice 2 of 2' }).waitFor();
      expectList(await rankingOrder(page), [String(ids.scarce), String(ids.offer)], 'ranking');
      await page
        .locator(`[data-testid=my-ranking] li[data-id="${ids.offer}"]`)
        .getByText('Prerequisites: Electrical safety group III')
        .waitFor();
      await page.locator('[data-testid=save-ranking]').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Your ranking is saved').waitFor();
      await expectAccessible(page, 'chain: ranking');
      await shot(page, 'chain-ranking');
      const saved = await json<{ ranking: number[] }>(page, `/api/rounds/${ids.round}/my-ranking`);
      expectList(saved.ranking.map(String), [String(ids.scarce), String(ids.offer)], 'saved ranking');
    },
    page,
  );

  if (!(await signInStep(page, 'chain: the partner signs in to see its applicants', 'partner'))) return;
  await step(
    'chain: the partner sees the student who chose its offer among its applicants',
    async () => {
      await page.goto(`${BASE}/rounds/${ids.round}/offers/${ids.offer}`);
      await settle(page);
      await page.locator('[data-testid=applicants-table] tbody tr').first().waitFor();
      // Under the offer's title, what the partner asked of its applicants and where.
      await page
        .locator('[data-testid=offer-prerequisites]', {
          hasText: 'Prerequisites: Electrical safety group III',
        })
        .waitFor();
      await page
        .locator('[data-testid=offer-location]', { hasText: 'Location: Ekibastuz GRES-1, Ekibastuz' })
        .waitFor();
      await expectAccessible(page, 'chain: applicants');
    },
    page,
  );

  if (!(await signInStep(page, 'chain: the officer signs in to allocate', 'officer'))) return;
  await step(
    'chain: the officer closes the ranking, follows the link to its allocation, runs the engine and previews',
    async () => {
      await page.goto(`${BASE}/rounds/${ids.round}`);
      await page.locator('[data-testid=close-round]').click();
      await page.locator('[data-testid=round-allocation]').click();
      await page.getByRole('heading', { name: 'Allocation of a round' }).waitFor();
      expect(
        new URL(page.url()).searchParams.get('round') === String(ids.round),
        `the link led to ${page.url()}`,
      );
      await page.getByRole('button', { name: 'Run the engine' }).click();
      const preview = page.locator('[data-testid=allocation-preview]');
      await preview.waitFor({ timeout: 60_000 });
      for (const figure of ['Students', 'Placed', 'Without a place', 'Seats filled'])
        await preview
          .getByText(new RegExp(`^${figure}: `))
          .first()
          .waitFor();
      await preview.getByRole('table', { name: 'By partner' }).getByText('Prommashkomplekt').waitFor();
      await preview.getByText('The checker accepted the allocation').waitFor();
      await expectAccessible(page, 'chain: allocation preview');
      await shot(page, 'chain-allocation-preview');
    },
    page,
  );
  await step(
    'chain: the officer publishes the allocation',
    async () => {
      await page.locator('[data-testid=allocation-preview]').getByRole('button', { name: 'Publish' }).click();
      await confirmWith(page, 'Publish');
      await page.getByText('The allocation is published.').first().waitFor();
      const round = await json<{ status: string }>(page, `/api/rounds/${ids.round}`);
      expect(round.status === 'published', `the round is ${round.status}`);
    },
    page,
  );
  await step(
    'chain: the officer names the supervisor and the mentor and signs off for the university',
    async () => {
      await openPlacement(page, title);
      ids.placement = Number(new URL(page.url()).pathname.split('/').pop());
      await choose(
        page,
        page.getByLabel('University supervisor').and(page.locator('input')),
        'Елена Ковальчук',
      );
      await page.getByLabel("Mentor's name").fill('Gulnara Seitkali');
      await page.getByLabel("Mentor's email").fill(`mentor.${stamp.toLowerCase()}@erg.example.kz`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('[data-testid=placement-mentor]', { hasText: 'Gulnara Seitkali' }).waitFor();
      await page.locator('[data-testid=signoff-university]').click();
      await page.locator('[data-testid=signoffs] tbody tr').first().waitFor();
      await expectAccessible(page, 'chain: placement (officer)');
    },
    page,
  );
  await placementDashboardStep(page);

  if (!(await signInStep(page, 'chain: the student signs in to read the result', 'student'))) return;
  await step(
    'chain: the student reads why they got their second choice, in plain words, and accepts',
    async () => {
      await page.locator('[data-nav=placementResults]').click();
      const card = page.locator('section', { hasText: title });
      await card.waitFor();
      await card.getByRole('heading', { level: 2, name: ids.roundName, exact: true }).waitFor();
      const sentences = await card.locator('[data-testid=explanation] li').allTextContents();
      expect(
        sentences.some((s) => s.startsWith('You received your 2nd choice') && s.includes(title)),
        `no second-choice sentence in: ${sentences.join(' | ')}`,
      );
      expect(
        sentences.some((s) =>
          /^Your first choice, .+, was filled with students ranked above you: the last admitted was ranked 2nd, you were 3rd\.$/.test(
            s,
          ),
        ),
        `no reason for the first choice in: ${sentences.join(' | ')}`,
      );
      await expectAccessible(page, 'chain: results');
      await shot(page, 'chain-results');
      // The same explanation in Kazakh and Russian, as the API answers it for the student's language.
      for (const [locale, words] of [
        ['kk', 'рейтингте сізден жоғары тұрған студенттермен толды'],
        ['ru', 'заполнен студентами, стоящими в рейтинге выше вас'],
      ] as const) {
        const results = await json<{ explanation: string[] }[]>(
          page,
          `/api/me/placement-results?locale=${locale}`,
        );
        expect(
          results.some((r) => r.explanation.some((s) => s.includes(words))),
          `no ${locale} explanation with "${words}"`,
        );
      }
      await card.getByRole('button', { name: 'Accept' }).click();
      await confirmWith(page, 'Accept');
      await page.getByText('You accepted the place.').first().waitFor();
    },
    page,
  );
  await step(
    'chain: the student signs off the agreement and its PDF is generated with the terms',
    async () => {
      await openPlacement(page, title);
      await page.locator('[data-testid=placement-status]', { hasText: 'Confirmed' }).waitFor();
      await page.locator('[data-testid=signoff-student]').click();
      await page.locator('[data-testid=signoffs] tbody tr').nth(1).waitFor();
      const href = await page.locator('[data-testid=agreement-en]').getAttribute('href');
      const pdf = await page.request.get(`${BASE}${href}`);
      expect(pdf.ok(), `the agreement answered ${pdf.status()}`);
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString() === '%PDF-', 'the agreement is not a PDF');
      const file = `${ARTIFACTS}chain-agreement.pdf`;
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const term of [title, `P-${ids.placement}`, 'Gulnara Seitkali', '1.1.2 Physics'])
        expect(text.includes(term), `the agreement's text lacks "${term}"`);
      await expectAccessible(page, 'chain: placement (student)');
    },
    page,
  );

  if (!(await signInStep(page, 'chain: the partner signs in to sign off', 'partner'))) return;
  await step(
    'chain: the partner signs off for the company: all three parties have',
    async () => {
      await openPlacement(page, title);
      await page.locator('[data-testid=signoff-company]').click();
      await page
        .locator('[data-testid=agreement-signed]', { hasText: 'Signed off by all three parties' })
        .waitFor();
    },
    page,
  );

  if (!(await signInStep(page, 'chain: the officer signs in to start the practice', 'officer'))) return;
  await step(
    'chain: the officer starts the practice and issues the mentor link from the page; its email waits in the outbox',
    async () => {
      await openPlacement(page, title);
      await page.locator('[data-testid=transition-in-progress]').click();
      await page.locator('[data-testid=placement-status]', { hasText: 'In progress' }).waitFor();
      await page.getByRole('button', { name: 'Issue a link for the mentor' }).click();
      const link = await page
        .locator('[data-testid=mentor-link] pre, [data-testid=mentor-link] code')
        .first()
        .textContent();
      token = (link ?? '').trim().split('/mentor/')[1] ?? '';
      expect(token.length > 20, `no token in "${link}"`);
      await expectAccessible(page, 'chain: placement with the mentor link');
      await page.locator('[data-nav=outbox]').click();
      await page.getByLabel('Search').fill(`placement:${ids.placement}`);
      await page.locator('[data-testid=outbox-table] tbody tr', { hasText: 'Mentor link' }).first().waitFor();
      await expectAccessible(page, 'chain: notification outbox');
    },
    page,
  );
  if (!token) return;

  if (!(await signInStep(page, 'chain: the student signs in to keep the journal', 'student'))) return;
  await step(
    'chain: the student writes a day in the journal',
    async () => {
      await openPlacement(page, title);
      await page.locator('[data-testid=journal-link]').click();
      const form = page.getByRole('form', { name: 'Add a day' });
      await form.getByLabel('Date').fill(dayOffset(-1));
      await form.getByLabel('Hours').fill('6');
      await form.getByLabel('What was done').fill(body);
      await form.getByRole('button', { name: 'Add a day' }).click();
      await page.locator('[data-testid=journal-entry]', { hasText: stamp }).getByText('Submitted').waitFor();
      await expectAccessible(page, 'chain: journal (student)');
    },
    page,
  );

  await step(
    'chain: the mentor opens the link without an account, approves that day and assesses the competency',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      try {
        const mentor = await context.newPage();
        mentor.setDefaultTimeout(15_000);
        await mentor.goto(`${BASE}/mentor/${token}`);
        await mentor.getByLabel('Your name').fill('Gulnara Seitkali');
        const day = mentor.locator('[data-testid=journal-entry]', { hasText: stamp });
        const approve = day.getByRole('radio', { name: 'Approve' });
        await approve.waitFor({ state: 'attached' });
        await approve.evaluate((el) => (el as HTMLInputElement).click());
        await mentor.getByLabel('Level of 1.1.2').and(mentor.locator('input')).click();
        await mentor.getByRole('option').nth(3).click();
        await expectAccessible(mentor, 'chain: the mentor link, no account');
        await shot(mentor, 'chain-mentor-link');
        await mentor.locator('[data-testid=mentor-link-submit]').click();
        await mentor.locator('[data-testid=mentor-link-done]').waitFor();
        const again = await mentor.request.get(`${BASE}/api/mentor-links/${token}`);
        expect(again.status() === 410, `a used link answered ${again.status()}, not 410`);
      } catch (error) {
        for (const p of context.pages()) await shot(p, 'failure-chain-mentor-link');
        throw error;
      } finally {
        await context.close();
      }
    },
    page,
  );

  await step(
    "chain: the student's journal shows the day approved and the passport shows the new practice evidence",
    async () => {
      await page.reload();
      await page.locator('[data-testid=journal-entry]', { hasText: stamp }).getByText('Approved').waitFor();
      await page.locator('[data-nav=passport]').click();
      const row = page.locator('[data-testid=passport-competency]', { hasText: stamp });
      await row
        .getByText(/Practice assessment/)
        .first()
        .waitFor();
      expect(
        ((await row.textContent()) ?? '').includes('1.1.2'),
        'the evidence is not under competency 1.1.2',
      );
      await expectAccessible(page, 'chain: passport with the new evidence');
      await shot(page, 'chain-passport');
    },
    page,
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runAlone(async (browser) => {
    const { context, page } = await journeyPage(browser);
    await placementChainJourney(page, browser);
    await context.close();
  });
