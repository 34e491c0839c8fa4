/**
 * Issue 11's journey in the browser, after the programme steps of programmes-journey.ts: the coordinator opens
 * the analysis of a demo programme version and sees its matrix and a gap; the admin's results file with bad
 * rows is refused naming each bad row, and a correct one is imported; the demo student opens their passport,
 * downloads the PDF and the JSON, and the JSON validates against the published JSON Schema. The partner company
 * sees the competencies trained on the labs and equipment it funded in its impact report. A 10,000-row results file
 * (a dry run: nothing written) shows the import's progress bar, named and never going back, until it is checked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import {
  ARTIFACTS,
  BASE,
  choose,
  expect,
  journeyPage,
  runAlone,
  shot,
  signInStep,
  step,
  switchLanguage,
} from './harness.ts';

/** The active version of a demo programme whose analysis shows at least one gap. */
async function versionWithGap(page: Page): Promise<number> {
  const programmes = (await (await page.request.get(`${BASE}/api/programmes?pageSize=100`)).json()) as {
    items: { id: number }[];
  };
  for (const programme of programmes.items) {
    const versions = (await (
      await page.request.get(`${BASE}/api/programmes/${programme.id}/versions?pageSize=50`)
    ).json()) as { items: { id: number; status: string }[] };
    for (const version of versions.items.filter((v) => v.status === 'active')) {
      const response = await page.request.get(`${BASE}/api/programme-versions/${version.id}/analysis`);
      if (response.ok() && ((await response.json()) as { gaps: unknown[] }).gaps.length > 0)
        return version.id;
    }
  }
  throw new Error('no active demo programme version has a gap');
}

/** A CSV file for the imports page. */
const csv = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\n')}\n`),
});

/**
 * `count` result rows no demo student has yet (attempt 9), for the enrolled demo students and the disciplines of
 * their versions: a session's worth of results for the imports page's progress bar.
 */
async function manyResultRows(page: Page, count: number): Promise<string[]> {
  const rows: string[] = [];
  const codes = new Map<number, string[]>();
  for (let p = 1; rows.length < count; p++) {
    const students = (await (
      await page.request.get(`${BASE}/api/students?status=active&pageSize=200&page=${p}`)
    ).json()) as { items: { iin?: string; enrolment?: { versionId: number } | null }[] };
    if (students.items.length === 0) break;
    for (const s of students.items) {
      const versionId = s.enrolment?.versionId;
      if (!s.iin || !versionId) continue;
      if (!codes.has(versionId)) {
        const url = `${BASE}/api/programme-versions/${versionId}/disciplines?pageSize=200`;
        const disciplines = (await (await page.request.get(url)).json()) as { items: { code: string }[] };
        codes.set(
          versionId,
          disciplines.items.map((d) => d.code),
        );
      }
      for (const code of codes.get(versionId)!)
        if (rows.length < count) rows.push(`${s.iin},${code},9,${60 + (rows.length % 41)},,2026-01-20`);
    }
  }
  expect(rows.length === count, `the demo gives ${rows.length} result rows, not ${count}`);
  return rows;
}

/** The student's, the coordinator's and the admin's part of programmes, results and the passport. */
export async function passportJourney(page: Page) {
  let iin = '';
  let disciplineCode = '';

  if (!(await signInStep(page, 'passport: the demo student signs in', 'student'))) return;
  await step(
    'passport: the student has a record and an enrolment',
    async () => {
      const me = (await (await page.request.get(`${BASE}/api/me/student`)).json()) as {
        iin?: string;
        enrolment?: { versionId: number } | null;
      };
      expect(me.iin && me.enrolment, `the demo student has no record or enrolment: ${JSON.stringify(me)}`);
      iin = me.iin;
      const url = `${BASE}/api/programme-versions/${me.enrolment.versionId}/disciplines?pageSize=5`;
      const disciplines = (await (await page.request.get(url)).json()) as { items: { code: string }[] };
      disciplineCode = disciplines.items[0]?.code ?? '';
      expect(disciplineCode, "the student's programme version has no discipline");
    },
    page,
  );

  if (!(await signInStep(page, 'passport: the coordinator signs in', 'coordinator'))) return;
  await step(
    'passport: the coordinator sees the matrix of a programme version and a gap',
    async () => {
      const versionId = await versionWithGap(page);
      await page.goto(`${BASE}/programme-versions/${versionId}/analysis`);
      await page.locator('[data-testid=analysis-matrix] tbody tr').first().waitFor();
      await page.locator('[data-testid=analysis-gap]').first().waitFor();
      await expectAccessible(page, 'coordinator: programme analysis');
      await shot(page, 'programme-analysis');
    },
    page,
  );

  if (!(await signInStep(page, 'passport: the admin signs in', 'admin'))) return;
  await step(
    'passport: a results file with bad rows is refused, each bad row named',
    async () => {
      await page.locator('[data-nav=imports]').click();
      await page.locator('[data-testid=import-form]').waitFor();
      await choose(
        page,
        page.locator('[data-testid=import-form]').getByRole('combobox', { name: 'What to import' }),
        'Discipline results',
      );
      await page
        .locator('input[type=file]')
        .setInputFiles(
          csv('bad-results.csv', [
            'iin,discipline,attempt,points,letter,graded_on',
            `000000000000,${disciplineCode},3,80,,2026-01-20`,
            `${iin},${disciplineCode},3,120,,2026-01-20`,
            `${iin},${disciplineCode},3,60,A,2026-01-20`,
          ]),
        );
      await page.getByRole('checkbox', { name: /Dry run/ }).uncheck();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('[data-testid=import-issues] tbody tr').first().waitFor();
      const rows = await page
        .locator('[data-testid=import-issues] tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
        );
      const named = rows.map(([row, column]) => `${row}:${column}`);
      for (const expected of ['2:iin', '3:points', '4:letter'])
        expect(named.includes(expected), `issues ${JSON.stringify(named)} do not name ${expected}`);
      await expectAccessible(page, 'admin: import refused');
      await shot(page, 'results-import-refused');
    },
    page,
  );
  await step(
    'passport: a correct results file is imported',
    async () => {
      await page
        .locator('input[type=file]')
        .setInputFiles(
          csv('results.csv', [
            'iin,discipline,attempt,points,letter,graded_on',
            `${iin},${disciplineCode},3,91,A-,2026-01-20`,
          ]),
        );
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('[data-testid=import-result]').waitFor();
      const done = (await page.locator('[data-testid=import-result]').textContent()) ?? '';
      expect(/\b1\b/.test(done), `the import answered: ${done}`);
    },
    page,
  );

  await step(
    'passport: a 10,000-row results file shows a named progress bar, never going back, until it is checked',
    async () => {
      const lines = [
        'iin,discipline,attempt,points,letter,graded_on',
        ...(await manyResultRows(page, 10_000)),
      ];
      // Every value and stage text the bar shows, recorded in the page from before the upload starts.
      await page.evaluate(() => {
        const seen: { value: number; text: string; name: string }[] = [];
        (window as unknown as { importProgressSeen: typeof seen }).importProgressSeen = seen;
        new MutationObserver(() => {
          const box = document.querySelector('[data-testid=import-progress]');
          const bar = box?.querySelector('[role=progressbar]');
          if (!box || !bar) return;
          const value = Number(bar.getAttribute('aria-valuenow'));
          const text = box.querySelector('p')?.textContent ?? '';
          const name = bar.getAttribute('aria-label') ?? '';
          const last = seen.at(-1);
          if (!last || last.value !== value || last.text !== text) seen.push({ value, text, name });
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.getByRole('checkbox', { name: /Dry run/ }).check();
      await page.locator('input[type=file]').setInputFiles(csv('session-results.csv', lines));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid=import-result]').waitFor({ timeout: 60_000 });
      const done = (await page.locator('[data-testid=import-result]').textContent()) ?? '';
      expect(/10,000/.test(done), `the dry run answered: ${done}`);
      // What the bar showed, as the page's observer recorded it. On a quiet machine the dry run answers in about
      // 300 ms, before the page's first poll (every 500 ms), so the bar may show only its first stage; on a loaded
      // one it rises through "Checking rows". Its name and its order hold either way; that the server reports the
      // rows mid-way is proved by students.importer.test.ts.
      const seen = await page.evaluate(
        () =>
          (window as unknown as { importProgressSeen: { value: number; text: string; name: string }[] })
            .importProgressSeen,
      );
      const values = seen.map((s) => s.value);
      expect(seen.length > 0, 'the progress bar never showed while the file was checked');
      expect(
        seen.every((s) => s.name === 'Import progress'),
        `the bar has no accessible name: ${JSON.stringify(seen)}`,
      );
      expect(/^Reading/.test(seen[0]?.text ?? ''), `the first stage shown: ${JSON.stringify(seen)}`);
      expect(
        values.every((v, i) => i === 0 || v >= values[i - 1]!),
        `the bar went backwards: ${JSON.stringify(seen)}`,
      );
      expect(
        (await page.locator('[data-testid=import-progress]').count()) === 0,
        'the bar stays after the import',
      );
    },
    page,
  );

  if (!(await signInStep(page, 'passport: the partner company signs in', 'partner'))) return;
  await step(
    'passport: the impact report lists the competencies trained on the labs the partner funded',
    async () => {
      await page.locator('[data-nav=partnership]').click();
      const rows = page.locator('[data-testid=impact-competencies] tbody tr');
      await rows.first().waitFor();
      const first = (await rows.first().textContent()) ?? '';
      expect(/%/.test(first), `the first competency row shows no share: ${first}`);
      await expectAccessible(page, 'partner: impact competencies');
    },
    page,
  );

  if (!(await signInStep(page, 'passport: the student signs in again', 'student'))) return;
  await step(
    'passport: the student opens the passport and downloads the Kazakh PDF and the JSON, which validates',
    async () => {
      await page.locator('[data-nav=passport]').click();
      await page.locator('[data-testid=passport-competency]').first().waitFor();
      await expectAccessible(page, 'student: passport');
      await shot(page, 'passport-student');
      await switchLanguage(page, 'kk');
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=passport-pdf]').click(),
      ]);
      const pdfPath = `${ARTIFACTS}passport-kk.pdf`;
      await pdf.saveAs(pdfPath);
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
      expect(/[әғқңөұүһі]/i.test(text), 'the Kazakh PDF has no Kazakh letters in its text');
      await switchLanguage(page, 'en');
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=passport-json]').click(),
      ]);
      const jsonPath = `${ARTIFACTS}passport.json`;
      await json.saveAs(jsonPath);
      const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
      const schema = await (await page.request.get(`${BASE}/api/schemas/passport.json`)).json();
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
      const valid = validate(exported);
      writeFileSync(`${ARTIFACTS}passport-validation.json`, JSON.stringify(validate.errors ?? [], null, 2));
      expect(valid, `the export does not validate: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    },
    page,
  );
  await step(
    'passport: the student gives Lund consent to see the passport, by keyboard, and sees it current',
    async () => {
      await page.locator('[data-nav=myStudent]').click();
      const consents = page.locator('[data-testid=student-consents] tbody tr', { hasText: 'Lund' });
      const before = await consents.count();
      await page.locator('[data-testid=consent-give]').click();
      const dialog = page.getByRole('dialog');
      await choose(page, dialog.getByRole('combobox', { name: /^Organisation/ }), /^Lund/, 'Lund');
      await dialog.getByRole('checkbox', { name: /^Profile/ }).uncheck();
      await dialog.getByRole('checkbox', { name: /^Competency passport/ }).focus();
      await page.keyboard.press('Space');
      expect(
        (await dialog.getByLabel(/^Given on/).count()) === 0,
        'a student is asked for the date a consent was given',
      );
      const purpose = dialog.getByRole('group', { name: 'Purpose' });
      await purpose.getByLabel('In Kazakh').fill('Шетелде оқу');
      await purpose.getByLabel('In Russian').fill('Учёба за рубежом');
      await purpose.getByLabel('In English').fill('Study abroad');
      await expectAccessible(page, 'student: give consent');
      await dialog.getByRole('button', { name: 'Give consent' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await consents.nth(before).waitFor();
      const row = (await consents.nth(before).textContent()) ?? '';
      expect(/Competency passport/.test(row) && /In force/.test(row), `the new consent reads: ${row}`);
      expect(row.includes('Study abroad'), `the new consent's purpose is not in English: ${row}`);
      // The demo's consents say why in the reader's language too (they were Russian on every page).
      const erg =
        (await page
          .locator('[data-testid=student-consents] tbody tr', { hasText: 'Eurasian Resources Group' })
          .first()
          .textContent()) ?? '';
      expect(
        erg.includes('Practice, internship and employment with the partner'),
        `the demo consent's purpose is not in English: ${erg}`,
      );
    },
    page,
  );
}

async function main(browser: Browser) {
  const { context, page } = await journeyPage(browser);
  await passportJourney(page);
  await context.close();
}

// `node e2e/run.mjs e2e/passport-journey.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) await runAlone(main);
