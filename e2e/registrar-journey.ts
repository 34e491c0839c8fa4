/**
 * The registrar's forms in Chromium, each open dialog checked with axe: the coordinator records a discipline result
 * for a student (a letter that contradicts the points is refused under the letter field, in words), corrects it,
 * opens the enrolment form; then writes the kk/ru/en descriptions of a draft version's learning outcomes, puts the
 * version in force, reads why its outcomes no longer change there and starts a new version that carries them.
 * `node e2e/run.mjs e2e/registrar-journey.ts` runs it alone.
 */
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import { apiWrite, BASE, choose, expect, fillDate, runAlone, signInStep, step } from './harness.ts';

/** The coordinator records and corrects a result, opens the enrolment form and describes outcomes. */
export async function registrarJourney(page: Page) {
  if (!(await signInStep(page, 'registrar: coordinator signs in', 'coordinator'))) return;
  let studentId = 0;
  let draftId = 0;
  await step(
    'registrar: records a result, refused first for a letter that contradicts the points, then corrects it',
    async () => {
      const students = (await (await page.request.get(`${BASE}/api/students?pageSize=50`)).json()) as {
        items: { id: number; enrolment?: { status: string } | null }[];
      };
      studentId = students.items.find((s) => s.enrolment?.status === 'active')?.id ?? 0;
      expect(studentId > 0, 'no demo student with an active enrolment');
      await page.goto(`${BASE}/students/${studentId}`);
      await page.locator('[data-testid=student-results]').waitFor();
      await page.locator('[data-testid=result-create]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=result-form]').waitFor();
      await choose(page, dialog.getByRole('combobox', { name: /^Discipline/ }), /·/);
      await dialog.getByRole('textbox', { name: /^Points/ }).fill('70');
      await choose(page, dialog.getByRole('combobox', { name: /^Grade/ }), /^A$/);
      await dialog.getByRole('textbox', { name: /^Attempt/ }).fill('7');
      await fillDate(dialog.getByLabel(/^Graded on/), '2026-01-20');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.getByText('The letter does not match the points on the national scale').waitFor();
      await expectAccessible(page, 'coordinator: result form refused');
      await dialog.getByRole('combobox', { name: /^Grade/ }).click();
      await page.getByRole('option', { name: /^C\+$/ }).click();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'detached' });
      const correct = page.getByRole('button', { name: /attempt 7$/ });
      await correct.click();
      const edit = page.getByRole('dialog');
      await edit.getByRole('textbox', { name: /^Points/ }).fill('95');
      await edit.getByRole('combobox', { name: /^Grade/ }).click();
      await page.getByRole('option', { name: /^A$/ }).click();
      await expectAccessible(page, 'coordinator: result correction');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      const row = page.locator('[data-testid=student-results] tbody tr', { hasText: '95' });
      await row.first().waitFor();
    },
    page,
  );
  await step(
    'registrar: opens the enrolment form (the active versions of the catalogue)',
    async () => {
      await page.locator('[data-testid=enrolment-create]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=enrolment-form]').waitFor();
      await dialog.getByRole('combobox', { name: /^Programme and version/ }).click();
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Escape');
      await expectAccessible(page, 'coordinator: enrolment form');
      await page.keyboard.press('Escape');
    },
    page,
  );
  await step(
    "registrar: writes a discipline's outcome descriptions in kk, ru and en",
    async () => {
      const programme = await apiWrite(page, 'POST', '/api/programmes', {
        code: `6B07${String((Date.now() % 900) + 100)}`,
        programmeGroup: 'B062',
        level: 'bachelor',
        priorityArea: 'metallurgy',
        name: { kk: 'Материалтану', ru: 'Материаловедение', en: 'Materials science' },
        languages: ['kk', 'ru'],
        credits: 240,
        durationSemesters: 8,
        codevelopers: [],
      });
      const versionId = (
        await apiWrite(page, 'POST', `/api/programmes/${programme.id}/versions`, { startYear: 2027 })
      ).id;
      const discipline = await apiWrite(page, 'POST', `/api/programme-versions/${versionId}/disciplines`, {
        code: 'MSC 1101',
        name: { kk: 'Металдар құрылымы', ru: 'Структура металлов', en: 'Structure of metals' },
        credits: 5,
        ects: 5,
        semester: 1,
        cycle: 'basic',
        component: 'compulsory',
      });
      const competencies = (await (await page.request.get(`${BASE}/api/competencies?pageSize=1`)).json()) as {
        items: { id: number }[];
      };
      const competencyId = competencies.items[0]!.id;
      await apiWrite(page, 'PUT', `/api/programme-versions/${versionId}/outcomes`, {
        promised: [{ competencyId, targetLevel: 3 }],
        outcomes: [{ disciplineId: discipline.id, competencyId, targetLevel: 3 }],
      });
      await page.goto(`${BASE}/programme-versions/${versionId}/outcomes`);
      await page.getByRole('button', { name: /^Outcome descriptions of MSC 1101/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=outcome-texts]').waitFor();
      await dialog
        .getByRole('textbox', { name: 'In Kazakh' })
        .fill('Металдардың кристалдық құрылымын түсіндіреді');
      await dialog
        .getByRole('textbox', { name: 'In Russian' })
        .fill('Объясняет кристаллическое строение металлов');
      await dialog
        .getByRole('textbox', { name: 'In English' })
        .fill('Explains the crystal structure of metals');
      await expectAccessible(page, 'coordinator: outcome descriptions');
      await dialog.locator('[data-testid=outcome-texts-save]').click();
      await dialog.waitFor({ state: 'detached' });
      const saved = (await (
        await page.request.get(`${BASE}/api/programme-versions/${versionId}/outcomes`)
      ).json()) as { outcomes: { description: { kk: string } }[] };
      expect(
        saved.outcomes[0]?.description.kk === 'Металдардың кристалдық құрылымын түсіндіреді',
        `saved ${JSON.stringify(saved.outcomes[0]?.description)}`,
      );
      draftId = versionId;
    },
    page,
  );
  await step(
    'registrar: an approved version explains why its outcomes are read-only and starts a new version copied from it',
    async () => {
      expect(draftId > 0, 'no version from the step before');
      // No co-developers: the submission itself puts the version in force.
      const submitted = (await apiWrite(page, 'POST', `/api/programme-versions/${draftId}/submit`, {})) as {
        status?: string;
      };
      expect(submitted.status === 'active', `the submitted version is ${submitted.status}`);
      await page.goto(`${BASE}/programme-versions/${draftId}/outcomes`);
      const notice = page.locator('[data-testid=outcomes-locked]');
      await notice.getByText(/is in force: every co-developer approved it/).waitFor();
      expect(
        (await page.locator('[data-testid=outcomes-save]').count()) === 0,
        'an approved version offers Save',
      );
      await expectAccessible(page, 'coordinator: outcomes of an approved version');
      await notice.locator('[data-testid=outcomes-new-version]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=version-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^First academic year|^Start year/ }).fill('2028');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(
        (url) =>
          /\/programme-versions\/\d+\/outcomes$/.test(url.pathname) && !url.pathname.includes(`/${draftId}/`),
      );
      await page.locator('[data-testid=outcomes-save]').waitFor();
      await page.getByRole('button', { name: /^Outcome descriptions of MSC 1101/ }).click();
      const texts = page.getByRole('dialog');
      const kk = await texts.getByRole('textbox', { name: 'In Kazakh' }).inputValue();
      expect(kk === 'Металдардың кристалдық құрылымын түсіндіреді', `the copy's description reads ${kk}`);
      await page.keyboard.press('Escape');
    },
    page,
  );
}

async function main(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await registrarJourney(page);
  await context.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(main);
