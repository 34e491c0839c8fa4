/**
 * Competency frameworks and outcomes in the browser: the coordinator creates an ESCO framework through the UI,
 * imports ESCO's skills and broader-relations files (a dry run, then for real) and finds the competencies typed
 * in the table; a file with a bad row is refused naming its row and column; a new competency gets its broader one
 * and other names in kk, ru and en. Then, on a draft programme version
 * made through the API, the coordinator promises a competency, maps a discipline to it with the keyboard and
 * saves. Each page is checked with axe.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import {
  apiWrite,
  BASE,
  choose,
  closeWith,
  expect,
  openTable,
  rowsWith,
  search,
  shot,
  signInStep,
  step,
} from './harness.ts';
import { settle } from './role-journey.ts';

const FIXTURES = new URL('../packages/server/src/imports/fixtures/esco/', import.meta.url).pathname;
const csv = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

/** Writes through the API with the page's session (its CSRF token read from /api/auth/me). */
/** The coordinator's part: an ESCO framework imported from the fixture files, then a draft's outcomes. */
export async function competenciesJourney(page: Page) {
  const stamp = Date.now().toString(36).toUpperCase();
  const code = `ESCO-${stamp}`;
  if (!(await signInStep(page, 'competencies: coordinator signs in', 'coordinator'))) return;

  await step(
    'competencies: coordinator creates an ESCO framework',
    async () => {
      await page.locator('[data-nav=frameworks]').click();
      await settle(page);
      await expectAccessible(page, 'frameworks');
      await page.getByRole('button', { name: 'New framework' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=framework-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Code/ }).fill(code);
      await choose(page, dialog.getByRole('combobox', { name: /^Source/ }), 'ESCO');
      await dialog.getByRole('textbox', { name: /^Name in Kazakh/ }).fill('ESCO дағдылары');
      await dialog.getByRole('textbox', { name: /^Name in Russian/ }).fill('Навыки ESCO');
      await dialog.getByRole('textbox', { name: /^Name in English/ }).fill('ESCO skills');
      await dialog.getByRole('textbox', { name: /^Source version/ }).fill('ESCO v1.2.0');
      await closeWith(dialog, 'Create');
      await search(page, 'frameworks-table', stamp);
      await rowsWith(page, 'frameworks-table', code).getByRole('link', { name: code }).click();
      await page.locator('[data-testid=esco-import-form]').waitFor();
    },
    page,
  );

  await step(
    'competencies: a skills file with a bad row is refused naming the row and column',
    async () => {
      const bad = Buffer.from(
        'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n' +
          'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/e2e-1,competence,sector-specific,weld pipes,,\n',
      );
      const form = page.locator('[data-testid=esco-import-form]');
      await form.locator('input[type=file]').first().setInputFiles(csv('skills_en.csv', bad));
      await form.getByRole('button', { name: 'Check' }).click();
      const issues = page.locator('[data-testid=esco-import-issues]');
      await issues.waitFor();
      expect(
        ((await issues.textContent()) ?? '').includes('skills row 2, column skillType'),
        'no row 2 issue',
      );
      // The "framework created" notification's close button (Mantine's class m_919a4d88) has no name: the app's
      // notifications, not this page; wait until it has closed.
      await page.waitForFunction(() => !document.querySelector('.m_919a4d88'), undefined, {
        timeout: 20_000,
      });
      await expectAccessible(page, 'framework with import issues');
    },
    page,
  );

  await step(
    'competencies: the ESCO files import after a dry run, typed and linked',
    async () => {
      const form = page.locator('[data-testid=esco-import-form]');
      const files = form.locator('input[type=file]');
      await files.nth(0).setInputFiles(csv('skills_en.csv', readFileSync(`${FIXTURES}skills_en.csv`)));
      await files
        .nth(1)
        .setInputFiles(
          csv('broaderRelationsSkillPillar.csv', readFileSync(`${FIXTURES}broaderRelationsSkillPillar.csv`)),
        );
      await form.getByRole('button', { name: 'Check' }).click();
      const result = page.locator('[data-testid=esco-import-result]');
      await result.waitFor();
      expect(((await result.textContent()) ?? '').includes('12 would be created'), 'dry run counts');
      await form.getByRole('checkbox', { name: /Dry run/ }).uncheck();
      await form.getByRole('button', { name: 'Import' }).click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=esco-import-result]')?.textContent?.includes('12 created'),
      );
      await page.locator('[data-testid=competencies-table] tbody tr', { hasText: 'work in teams' }).waitFor();
      const teams = rowsWith(page, 'competencies-table', 'work in teams');
      expect(((await teams.textContent()) ?? '').includes('Competence'), 'work in teams is a competence');
      await search(page, 'competencies-table', 'fractionators');
      await rowsWith(page, 'competencies-table', 'operate distillation columns').waitFor();
      await settle(page);
      await expectAccessible(page, 'framework after import');
      await shot(page, 'esco-framework');
    },
    page,
  );

  await step(
    'competencies: a new competency gets its broader one chosen by name',
    async () => {
      await page.getByRole('button', { name: 'New competency' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=competency-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Code/ }).fill(`E2E-${stamp}`);
      await dialog
        .getByRole('textbox', { name: /^In English/ })
        .first()
        .fill('operate pilot columns');
      await choose(
        page,
        dialog.getByRole('combobox', { name: /^Broader competency/ }),
        /operate distillation columns/,
        'distillation',
      );
      // Other names in each language, one a line (they were one list in no language).
      const others = dialog.getByRole('group', { name: 'Other names, one a line' });
      await others.getByRole('textbox', { name: /^In Kazakh/ }).fill('тәжірибелік колонналарды басқару');
      await others.getByRole('textbox', { name: /^In Russian/ }).fill('вести опытные колонны');
      await others
        .getByRole('textbox', { name: /^In English/ })
        .fill('run pilot columns\npilot distillation');
      await expectAccessible(page, 'competency form with the broader one chosen');
      await closeWith(dialog, 'Create');
      const found = (await (await page.request.get(`${BASE}/api/competencies?q=E2E-${stamp}`)).json()) as {
        items: { parentId: number | null; altLabels: Record<'kk' | 'ru' | 'en', string[]> }[];
      };
      const altLabels = JSON.stringify(found.items[0]?.altLabels);
      expect(
        altLabels ===
          JSON.stringify({
            kk: ['тәжірибелік колонналарды басқару'],
            ru: ['вести опытные колонны'],
            en: ['run pilot columns', 'pilot distillation'],
          }),
        `other names: ${altLabels}`,
      );
      const parents = (await (
        await page.request.get(
          `${BASE}/api/competencies?q=${encodeURIComponent('operate distillation columns')}`,
        )
      ).json()) as { items: { id: number }[] };
      expect(
        found.items[0]?.parentId === parents.items[0]?.id,
        `broader ${found.items[0]?.parentId}, expected ${parents.items[0]?.id}`,
      );
    },
    page,
  );

  let versionId = 0;
  await step(
    'competencies: a draft programme version exists (made through the API)',
    async () => {
      const programme = await apiWrite(page, 'POST', '/api/programmes', {
        code: `6B08${String((Date.now() % 900) + 100)}`,
        programmeGroup: 'B060',
        level: 'bachelor',
        priorityArea: 'petrochemistry',
        name: { kk: 'Мұнай-химия технологиясы', ru: 'Технология нефтехимии', en: 'Petrochemical technology' },
        languages: ['kk', 'ru'],
        credits: 240,
        durationSemesters: 8,
        codevelopers: [],
      });
      versionId = (
        await apiWrite(page, 'POST', `/api/programmes/${programme.id}/versions`, { startYear: 2027 })
      ).id;
      await apiWrite(page, 'POST', `/api/programme-versions/${versionId}/disciplines`, {
        code: 'CHE 2101',
        name: { kk: 'Ректификация процестері', ru: 'Процессы ректификации', en: 'Distillation processes' },
        credits: 5,
        ects: 5,
        semester: 3,
        cycle: 'major',
        component: 'compulsory',
      });
    },
    page,
  );

  await step(
    'competencies: the coordinator promises a competency and maps a discipline to it from the keyboard',
    async () => {
      await page.goto(`${BASE}/programme-versions/${versionId}/outcomes`);
      await settle(page);
      await choose(
        page,
        page.getByRole('combobox', { name: 'Add a competency' }),
        /operate distillation columns/,
        'distillation',
      );
      const promised = page.getByRole('combobox', { name: /^Promised level of/ });
      await promised.selectOption('4');
      const cell = page.getByRole('combobox', { name: /in CHE 2101/ });
      await cell.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect((await cell.inputValue()) === '3', `the cell holds ${await cell.inputValue()}`);
      await page.locator('[data-testid=outcomes-save]').click();
      await page.getByText('The outcomes were saved').waitFor();
      await page.reload();
      await settle(page);
      const saved = page.getByRole('combobox', { name: /in CHE 2101/ });
      expect((await saved.inputValue()) === '3', 'the level was not saved');
      await expectAccessible(page, 'outcomes editor');
      await shot(page, 'outcomes-editor');
    },
    page,
  );
  await openTable(page, 'frameworks', 'frameworks-table');
}
