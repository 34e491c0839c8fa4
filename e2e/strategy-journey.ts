/**
 * The strategy tracker in the browser: the admin sees the branch KPI against its target (its note in the reader's
 * language) with the projects behind it, opens the records behind the value, downloads the annual report PDF in
 * Kazakh (its title and Kazakh letters checked with poppler when present); the projects page shows the milestones on
 * a timeline (titles, descriptions and evidence link labels in the reader's language), and the coordinator's home
 * page lists the coordinator's overdue milestones; the owner's form of one in progress starts from that status
 * and takes a PDF and a link labelled in three languages as evidence. The pages are checked with axe.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { ARTIFACTS, BASE, expect, shot, signInStep, signOut, step } from './harness.ts';

/** The admin's and the coordinator's part of the strategy tracker. */
export async function strategyJourney(page: Page) {
  if (!(await signInStep(page, 'strategy: admin signs in', 'admin'))) return;

  await step(
    'strategy: the branch KPI shows its value against the target of five',
    async () => {
      await page.locator('[data-nav=strategy]').click();
      const card = page.locator('[data-testid=kpi-foreign_branches]');
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(/Target \d by/.test(text), `branch card: ${text}`);
      const values = await page
        .locator('tr', { hasText: 'Foreign university branches open' })
        .locator('td:nth-child(2)')
        .allTextContents();
      expect(values.includes('5'), `branch targets: ${values.join(', ')}`);
      // Target notes in the reader's language, on the card and in the targets table (they were Russian).
      expect(text.includes('The Brunel branch opens by the next academic year'), `branch card note: ${text}`);
      const notes = (
        await page.locator('tr', { hasText: 'Foreign university branches open' }).allTextContents()
      ).join(' ');
      expect(notes.includes('National goal: at least five branches'), `branch target notes: ${notes}`);
      expect(
        !/Национальная цель|Филиал Брунеля/.test(notes),
        `a Russian target note on the English page: ${notes}`,
      );
      await card.locator('[data-testid=kpi-projects]').waitFor();
      // the practice KPIs are computed from the placements (the demo: 4 of 16 hired after practice in the last
      // year, the past round's 2 of 10 and the dual cohort's 2 of 6; 8 students in dual education now)
      await page.locator('[data-testid=kpi-hire_rate]', { hasText: /25[.,]0\s?%/ }).waitFor();
      const dual = page.locator('[data-testid=kpi-students_in_dual_education] [data-testid=kpi-value]');
      await dual.waitFor();
      const dualText = ((await dual.textContent()) ?? '').trim();
      expect(dualText === '8', `students in dual education: ${dualText}`);
      await expectAccessible(page, 'strategy');
      await shot(page, 'strategy');
    },
    page,
  );

  await step(
    'strategy: the records behind the branch KPI name the partners',
    async () => {
      await page.locator('[data-testid=kpi-foreign_branches] [data-testid=kpi-records]').click();
      const list = page.locator('[data-testid=kpi-records-list]');
      await list.waitFor();
      const text = (await list.textContent()) ?? '';
      expect(text.includes('UPV') && text.includes('Brunel'), `records: ${text}`);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
    },
    page,
  );

  await step(
    'strategy: the annual report PDF in Kazakh',
    async () => {
      const response = await page.request.get(`${BASE}/api/strategy/report.pdf?lang=kk`);
      expect(response.status() === 200, `report: ${response.status()}`);
      const body = await response.body();
      expect(body.subarray(0, 5).toString('latin1') === '%PDF-', 'not a PDF');
      const file = `${ARTIFACTS}strategy-report-kk.pdf`;
      writeFileSync(file, body);
      if (spawnSync('pdftotext', ['-v']).status === 0) {
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        expect(
          text.includes('Стратегияны іске асыру туралы жылдық есеп'),
          'Kazakh title missing from the PDF',
        );
        // the KPI table in Kazakh, with the letters only Kazakh has (a font without them would drop them)
        expect(text.includes('Практикадағы студенттер'), 'Kazakh KPI name missing from the PDF');
        expect(/[әғқңөұүһі]/.test(text), 'no Kazakh letters in the PDF text');
      }
    },
    page,
  );

  await step(
    'strategy: the projects page shows the milestones on a timeline',
    async () => {
      await page.locator('[data-nav=strategy]').click();
      await page.locator('[data-testid=kpi-foreign_branches] [data-testid=kpi-projects]').click();
      await page.locator('[data-testid^=project-]').first().waitFor();
      await page.locator('[data-testid^=milestone-]').first().waitFor();
      expect((await page.locator('[data-testid^=project-]').count()) >= 3, 'fewer than three projects');
      // Milestone titles and project descriptions in the reader's language (they were Russian on English pages).
      // Each project loads its milestones in its own request: wait for each text rather than read the page once.
      const main = page.locator('main');
      for (const text of [
        'Branch campus licence',
        'First intake: 48 students',
        'Polytechnic University of Valencia',
        'Licence of the Ministry of Science and Higher Education',
      ])
        await main
          .filter({ hasText: text })
          .waitFor({ timeout: 15_000 })
          .catch(() => expect(false, `"${text}" is not on the English projects page`));
      const projects = (await main.textContent()) ?? '';
      expect(
        !projects.includes('Лицензия филиала'),
        'a Russian milestone title on the English projects page',
      );
      expect(
        !projects.includes('Лицензия МНВО'),
        'a Russian evidence link label on the English projects page',
      );
      await expectAccessible(page, 'projects');
      await shot(page, 'projects');
    },
    page,
  );
  await signOut(page);

  if (!(await signInStep(page, 'strategy: coordinator signs in', 'coordinator'))) return;
  await step(
    "strategy: the coordinator's home page lists the coordinator's overdue milestones",
    async () => {
      const card = page.locator('[data-testid=overdue-milestones]');
      await card.waitFor();
      expect(((await card.textContent()) ?? '').includes('overdue milestones'), 'no overdue milestones card');
      await expectAccessible(page, 'home with overdue milestones');
    },
    page,
  );
  await step(
    'strategy: the owner opens an overdue milestone in progress, keeps its status, uploads a PDF and adds a link labelled in kk, ru and en',
    async () => {
      await page
        .getByRole('button', { name: /^Update the milestone Accreditation of the Chemical Technology/ })
        .click();
      const form = page.locator('[data-testid=milestone-form]');
      await form.waitFor();
      const status = await form.getByRole('combobox', { name: /^Status/ }).inputValue();
      expect(status === 'In progress', `the form starts from ${status}, not the stored status`);
      const pdf = Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
        'latin1',
      );
      await form
        .locator('[data-testid=milestone-files] input[type=file]')
        .setInputFiles({ name: 'intake-order.pdf', mimeType: 'application/pdf', buffer: pdf });
      await form.getByRole('button', { name: 'Upload' }).click();
      await form.getByRole('link', { name: 'intake-order.pdf' }).waitFor();
      await expectAccessible(page, 'milestone form with evidence files');
      // A link whose label is written in the three languages (it was one free text).
      await form
        .getByRole('textbox', { name: /^Evidence link$/ })
        .fill('https://example.kz/accreditation.pdf');
      const label = form.getByRole('group', { name: 'Evidence link label' });
      await label.getByRole('textbox', { name: /^In Kazakh/ }).fill('Аккредитация туралы куәлік');
      await label.getByRole('textbox', { name: /^In Russian/ }).fill('Свидетельство об аккредитации');
      await label.getByRole('textbox', { name: /^In English/ }).fill('Accreditation certificate');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      const mine = await (await page.request.get(`${BASE}/api/me/milestones`)).json();
      const saved = (mine.items as { evidence: { label: Record<string, string>; url: string }[] }[])
        .flatMap((m) => m.evidence)
        .find((e) => e.url === 'https://example.kz/accreditation.pdf');
      expect(
        saved?.label.kk === 'Аккредитация туралы куәлік' && saved.label.en === 'Accreditation certificate',
        `the link's labels: ${JSON.stringify(saved?.label)}`,
      );
    },
    page,
  );
  await signOut(page);
}
