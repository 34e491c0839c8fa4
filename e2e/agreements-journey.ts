/**
 * Agreements in the browser: the admin drafts an agreement with Lund University (a taken number is
 * refused at the field), cannot activate it without a signing date (the server's 409 reason shows),
 * adds the date and activates it, adds an instalment and marks it met with evidence, attaches a PDF
 * to it (downloads and deletes it), finds the overdue list linked to agreements, and follows the party
 * link to Lund's partner page to add a contact.
 */
import type { Page } from 'playwright-core';
import {
  choose,
  closeWith,
  confirmWith,
  fillDate,
  expect,
  openTable,
  rowsWith,
  samplePdf,
  shot,
  signInStep,
  signOut,
  step,
  switchLanguage,
} from './harness.ts';

/** The admin's part of the agreements capability: drafts, status, obligations, contacts. */
export async function agreementsJourney(page: Page) {
  const stamp = Date.now().toString(36).toUpperCase();
  const number = `E2E-MOU-${stamp}`;
  const contactName = `Anna Lindqvist ${stamp}`;
  let agreementUrl = '';

  if (!(await signInStep(page, 'agreements: admin signs in', 'admin'))) return;

  await step(
    'agreements: the home page lists overdue obligations and links to the whole list',
    async () => {
      await page.locator('[data-nav=home]').click();
      const overdue = page.locator('[data-testid=attention-overdue]');
      // The demo data holds ERG's 2026 instalment, due 30 September 2026 and not met.
      await overdue
        .getByRole('link', { name: /PPP-2018-ERG/ })
        .first()
        .waitFor();
      await page.locator('[data-testid=attention-expiring]').waitFor();
      await shot(page, 'home-attention');
      await overdue.getByRole('link', { name: 'See all' }).click();
      await page.locator('[data-testid=overdue-obligations-table] tbody tr').first().waitFor();
      expect(page.url().includes('view=overdue'), `url: ${page.url()}`);
    },
    page,
  );

  await step(
    'agreements: a taken number is refused at the field, then a draft is created',
    async () => {
      await openTable(page, 'agreements', 'agreements-table');
      await page.getByRole('button', { name: 'New agreement' }).click();
      const dialog = page.getByRole('dialog');
      const form = dialog.locator('[data-testid=agreement-form]');
      await form.waitFor();
      await form.getByRole('textbox', { name: /^Number/ }).fill('PPP-2018-ERG');
      await form
        .getByRole('textbox', { name: /^Name in Kazakh/ })
        .fill('Lund университетімен өзара түсіністік меморандумы');
      await form
        .getByRole('textbox', { name: /^Name in Russian/ })
        .fill('Меморандум о взаимопонимании с Лундским университетом');
      await form
        .getByRole('textbox', { name: /^Name in English/ })
        .fill('Memorandum of understanding with Lund University');
      await choose(page, form.getByRole('combobox', { name: /^Partner organisations/ }), /^Lund$/, 'Lund');
      // The multi-select keeps its list open for more picks; a click on the title closes it.
      await dialog.getByRole('heading', { name: 'New agreement (draft)' }).click();
      await form.getByRole('button', { name: 'Create', exact: true }).click();
      await form.getByText('already used').waitFor();
      await form.getByRole('alert').getByText('Some fields are not filled in correctly.').waitFor();
      await shot(page, 'agreement-form-number-taken', false);
      await form.getByRole('textbox', { name: /^Number/ }).fill(number);
      await closeWith(dialog, 'Create');
      await page.locator('[data-testid=agreement-detail] h1', { hasText: number }).waitFor();
      agreementUrl = page.url();
    },
    page,
  );

  await step(
    "agreements: activating without a signing date shows the server's reason",
    async () => {
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      const dialog = await confirmWith(page, 'Activate');
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text.includes('signing date'), `alert: ${text}`);
      await shot(page, 'agreement-activate-refused', false);
      await closeWith(dialog, 'Cancel');
    },
    page,
  );

  await step(
    'agreements: the admin adds the dates and activates the agreement',
    async () => {
      await page.locator('[data-testid=agreement-actions]').getByRole('button', { name: 'Edit' }).click();
      const form = page.locator('[data-testid=agreement-form]');
      await form.waitFor();
      await fillDate(form.getByLabel(/^Signed/), '2026-01-15');
      await fillDate(form.getByLabel(/^Valid until/), '2029-12-31');
      await page.waitForTimeout(400);
      await shot(page, 'agreement-form-edit', false);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      const dialog = await confirmWith(page, 'Activate');
      await dialog.waitFor({ state: 'hidden' });
      await page
        .locator('[data-testid=agreement-detail] .mantine-Badge-root', { hasText: /^Active$/ })
        .waitFor();
      await page.getByRole('button', { name: 'Terminate', exact: true }).waitFor();
    },
    page,
  );

  await step(
    'agreements: the admin adds an instalment and marks it met with evidence',
    async () => {
      await page.getByRole('button', { name: 'Add obligation' }).click();
      const form = page.locator('[data-testid=obligation-form]');
      await form.waitFor();
      await choose(page, form.getByRole('combobox', { name: /^Kind/ }), 'Instalment');
      await fillDate(form.getByLabel(/^Due/), '2027-03-01');
      const what = form.getByRole('group', { name: 'What is owed' });
      await what.getByRole('textbox', { name: /^In Kazakh/ }).fill('Бірлескен зертханаға бірінші транш');
      await what.getByRole('textbox', { name: /^In Russian/ }).fill('Первый транш совместной лаборатории');
      await what.getByRole('textbox', { name: /^In English/ }).fill('First instalment for the joint lab');
      await form.getByRole('textbox', { name: /^Amount, KZT/ }).fill('2 500 000');
      await form.getByRole('button', { name: 'Create', exact: true }).click();
      await form.waitFor({ state: 'hidden' });
      const row = rowsWith(page, 'agreement-obligations', 'First instalment');
      await row.waitFor();
      expect(((await row.textContent()) ?? '').includes('2,500,000'), 'the amount is not shown');
      await row.getByRole('button', { name: 'Status' }).click();
      const statusForm = page.locator('[data-testid=obligation-status-form]');
      await statusForm.waitFor();
      await statusForm
        .getByRole('textbox', { name: /^Evidence/ })
        .fill('Payment order No. 118 of 2027-02-20');
      await page.waitForTimeout(400); // the dialog's fade-in
      await shot(page, 'obligation-met-form', false);
      await statusForm.getByRole('button', { name: 'Save', exact: true }).click();
      await statusForm.waitFor({ state: 'hidden' });
      await rowsWith(page, 'agreement-obligations', 'Payment order No. 118')
        .getByText('Met', { exact: true })
        .waitFor();
      await shot(page, 'agreement-page-admin');
    },
    page,
  );

  await step(
    'agreements: the admin attaches a PDF as evidence of the instalment, downloads and deletes it',
    async () => {
      const row = rowsWith(page, 'agreement-obligations', 'First instalment');
      await row.getByRole('button', { name: /^PDF evidence of/ }).click();
      const dialog = page.getByRole('dialog');
      const documents = dialog.locator('[data-testid=obligation-documents]');
      await documents.waitFor();
      await documents.locator('input[type=file]').setInputFiles(samplePdf('payment-order-118.pdf'));
      await documents.getByRole('button', { name: 'Upload' }).click();
      const link = documents.locator('[data-testid=obligation-documents-table] a', {
        hasText: 'payment-order-118.pdf',
      });
      await link.waitFor();
      await page.waitForTimeout(400); // the dialog's fade-in
      await shot(page, 'obligation-documents', false);
      const download = await page.request.get(
        new URL((await link.getAttribute('href')) ?? '', page.url()).href,
      );
      const bytes = await download.body();
      expect(download.ok() && bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is no PDF');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await row.getByRole('link', { name: 'payment-order-118.pdf' }).waitFor();
      await row.getByRole('button', { name: /^PDF evidence of/ }).click();
      await documents.getByRole('button', { name: 'Delete document payment-order-118.pdf' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete the document?' });
      await closeWith(confirm, 'Delete');
      await documents.getByText('Nothing yet.').waitFor();
      await page.keyboard.press('Escape');
      await documents.waitFor({ state: 'hidden' });
      expect((await row.getByRole('link').count()) === 0, 'the deleted PDF is still linked');
    },
    page,
  );

  await step(
    'agreements: the overdue obligations link to their agreements',
    async () => {
      await openTable(page, 'agreements', 'agreements-table');
      await shot(page, 'agreements-list-admin');
      await page.locator('[data-testid=agreements-view]').getByText('Overdue obligations').click();
      const link = page.locator('[data-testid=overdue-obligations-table] tbody tr a').first();
      await link.waitFor();
      await shot(page, 'obligations-overdue');
      const agreementNumber = (await link.textContent()) ?? '';
      await link.click();
      await page.locator('[data-testid=agreement-detail] h1', { hasText: agreementNumber }).waitFor();
    },
    page,
  );

  await step(
    "agreements: the admin follows the party link to Lund's partner page and adds a contact",
    async () => {
      await page.goto(agreementUrl);
      await page.locator('[data-testid=agreement-detail] h1', { hasText: number }).waitFor();
      const parties = page.locator('[data-testid=agreement-parties]');
      expect((await parties.getByRole('link').count()) === 1, 'the home university is linked too');
      await parties.getByRole('link', { name: 'Lund' }).click();
      await page.locator('[data-testid=partner-agreements] a', { hasText: number }).waitFor();
      await page.getByRole('button', { name: 'Add contact' }).click();
      const form = page.locator('[data-testid=contact-form]');
      await form.waitFor();
      await form.getByRole('textbox', { name: /^Phone/ }).fill('call me');
      await form.getByRole('button', { name: 'Create', exact: true }).click();
      await form.getByText('Fill in this field').waitFor();
      await form.getByText('Digits, spaces').waitFor();
      await shot(page, 'contact-form-invalid', false);
      await form.getByRole('textbox', { name: /^Name/ }).fill(contactName);
      const position = form.getByRole('group', { name: 'Position' });
      await position.getByLabel('In Kazakh').fill('Халықаралық бөлімнің үйлестірушісі');
      await position.getByLabel('In Russian').fill('Координатор международного отдела');
      await position.getByLabel('In English').fill('International office coordinator');
      await form.getByRole('textbox', { name: /^Email/ }).fill('anna.lindqvist@lu.example');
      await form.getByRole('textbox', { name: /^Phone/ }).fill('+46 46 222 00 00');
      await closeWith(form, 'Create');
      await rowsWith(page, 'partner-contacts', contactName).waitFor();
      const row = (await rowsWith(page, 'partner-contacts', contactName).textContent()) ?? '';
      expect(row.includes('International office coordinator'), `the position is not in English: ${row}`);
      // The demo's contacts read their positions in English too (a Spanish and Russian ones before).
      const demo = (await rowsWith(page, 'partner-contacts', 'Anders Lindqvist').textContent()) ?? '';
      expect(demo.includes('Programme director, energy sciences'), `the demo position: ${demo}`);
      await shot(page, 'partner-lund-admin');
    },
    page,
  );

  await step(
    'agreements: the joint programme and branch forms read in Kazakh',
    async () => {
      await switchLanguage(page, 'kk');
      await page.getByRole('button', { name: 'Бірлескен бағдарлама қосу' }).click();
      const form = page.locator('[data-testid=joint-programme-form]');
      await form.waitFor();
      await form.getByRole('button', { name: 'Жасау', exact: true }).click();
      await form.getByText('Бұл өрісті толтырыңыз').first().waitFor();
      await page.waitForTimeout(400);
      await shot(page, 'joint-programme-form-kk', false);
      await form.getByRole('button', { name: 'Бас тарту' }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: 'Филиал мәртебесі' }).click();
      await page.locator('[data-testid=branch-form]').waitFor();
      await page.waitForTimeout(400);
      await shot(page, 'branch-form-kk', false);
      await page.locator('[data-testid=branch-form]').getByRole('button', { name: 'Бас тарту' }).click();
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step('agreements: admin signs out', () => signOut(page), page);
  if (!(await signInStep(page, 'agreements: officer signs in', 'officer'))) return;

  await step(
    'agreements: an officer reads agreements and contacts without write controls',
    async () => {
      await openTable(page, 'partners', 'partners-table');
      await page.locator('[data-testid=partners-table] a', { hasText: /^Lund$/ }).click();
      await rowsWith(page, 'partner-contacts', contactName).waitFor();
      expect(
        (await page.getByRole('button', { name: 'Add contact' }).count()) === 0,
        'officer sees Add contact',
      );
      expect(
        (await page.locator('[data-testid=partner-actions]').count()) === 0,
        'officer sees partner actions',
      );
      await page.locator('[data-testid=partner-agreements] a', { hasText: number }).click();
      await page.locator('[data-testid=agreement-obligations] tbody tr').first().waitFor();
      expect(
        (await page.locator('[data-testid=agreement-actions]').count()) === 0,
        'officer sees agreement actions',
      );
      expect(
        (await page.getByRole('button', { name: 'Add obligation' }).count()) === 0,
        'officer sees Add obligation',
      );
      await shot(page, 'agreement-page-officer');
    },
    page,
  );
  await step('agreements: officer signs out', () => signOut(page), page);
}
