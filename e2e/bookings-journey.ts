/**
 * Labs, equipment and bookings in the browser: the material page loads without zod, and its lab form loads when
 * opened from the keyboard, takes the focus and gives it back (ADR 0019); the admin creates a lab and an item in it
 * through the forms, is refused deleting the lab that still holds the item, books the item, tries an overlapping
 * booking and reads which booking it clashes with, records the actual use, reschedules a second
 * booking (into a clash, then a free slot) and cancels it, and reads the utilisation of that item
 * over a chosen period, with its chart by month.
 */
import type { Page, Request } from 'playwright-core';
import { expectAccessible } from './axe.ts';
import {
  BASE,
  fillDate,
  choose,
  closeWith,
  dayOffset,
  enDate,
  expect,
  openTable,
  rowsWith,
  search,
  shot,
  signInStep,
  signOut,
  step,
  switchLanguage,
} from './harness.ts';

/** The admin's part of the material base: forms, bookings, the conflict, actual use and utilisation. */
export async function bookingsJourney(page: Page) {
  const stamp = Date.now().toString(36).toUpperCase();
  const labCode = `E2E-LAB-${stamp}`;
  const itemCode = `E2E-EQ-${stamp}`;
  const discipline = `E2E spectroscopy ${stamp}`;
  // Last week, so the default and the chosen utilisation periods both include it.
  const day = dayOffset(-7);

  if (!(await signInStep(page, 'bookings: admin signs in', 'admin'))) return;

  await step(
    'bookings: the material page loads no zod; its lab form loads when opened by keyboard, takes focus, gives it back',
    async () => {
      // A fresh document: the sign-in form loaded zod when the password was typed.
      const scripts: string[] = [];
      const record = (request: Request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      };
      page.on('request', record);
      await page.goto(`${BASE}/material`);
      await page.locator('[data-testid=labs-table] tbody tr').first().waitFor();
      const zod = () => scripts.filter((path) => /\/zod-[\w-]+\.js$/.test(path));
      expect(zod().length === 0, `the list loaded ${zod().join(', ')}`);
      const create = page.getByRole('button', { name: 'New lab' });
      await create.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=lab-form]').waitFor();
      expect(zod().length === 1, `zod with the form: ${zod().join(', ') || 'none'}`);
      const code = dialog.getByRole('textbox', { name: /^Code/ });
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-autofocus') === true);
      expect(
        await code.evaluate((input) => input === document.activeElement),
        'focus is not in the code field',
      );
      await expectAccessible(page, 'lab form, loaded on opening');
      await page.keyboard.type('DRAFT');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'New lab');
      await page.keyboard.press('Enter');
      await dialog.locator('[data-testid=lab-form]').waitFor();
      expect((await code.inputValue()) === '', 'the form did not open with an empty draft');
      await closeWith(dialog, 'Cancel');
      await page.waitForFunction(() => document.activeElement?.textContent === 'New lab');
      page.off('request', record);
    },
    page,
  );

  await step(
    'bookings: admin creates a lab through the form',
    async () => {
      await openTable(page, 'material', 'labs-table');
      await page.getByRole('button', { name: 'New lab' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=lab-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Code/ }).fill(labCode);
      await dialog.getByRole('textbox', { name: /^Name in Kazakh/ }).fill('Спектроскопия зертханасы');
      await dialog.getByRole('textbox', { name: /^Name in Russian/ }).fill('Лаборатория спектроскопии');
      await dialog.getByRole('textbox', { name: /^Name in English/ }).fill('Spectroscopy lab');
      const building = dialog.getByRole('group', { name: 'Building' });
      await building.getByRole('textbox', { name: /^In Kazakh/ }).fill('Бас корпус');
      await building.getByRole('textbox', { name: /^In Russian/ }).fill('Главный корпус');
      await building.getByRole('textbox', { name: /^In English/ }).fill('Main building');
      await dialog.getByRole('textbox', { name: /^Room/ }).fill('214');
      await dialog.getByRole('textbox', { name: /^Places/ }).fill('16');
      await shot(page, 'lab-form', false);
      await closeWith(dialog, 'Create');
      await search(page, 'labs-table', labCode);
      await rowsWith(page, 'labs-table', 'Spectroscopy lab').waitFor();
    },
    page,
  );

  await step(
    'bookings: a second lab with the same code gets the error at the code field',
    async () => {
      await page.getByRole('button', { name: 'New lab' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /^Code/ }).fill(labCode);
      await dialog.getByRole('textbox', { name: /^Name in Kazakh/ }).fill('Қайталама');
      await dialog.getByRole('textbox', { name: /^Name in Russian/ }).fill('Дубликат');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await dialog.getByRole('alert').filter({ hasText: 'not filled in correctly' }).waitFor();
      const code = dialog.getByRole('textbox', { name: /^Code/ });
      expect((await code.getAttribute('aria-invalid')) === 'true', 'the code field is not marked invalid');
      await closeWith(dialog, 'Cancel');
    },
    page,
  );

  await step(
    'bookings: admin adds an equipment item to the lab',
    async () => {
      await page.getByRole('tab', { name: 'Equipment' }).click();
      await page.getByRole('button', { name: 'New item' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=equipment-form]').waitFor();
      await dialog.getByRole('textbox', { name: /^Inventory number/ }).fill(itemCode);
      await choose(page, dialog.getByRole('combobox', { name: /^Lab/ }), new RegExp(`^${labCode}`), labCode);
      await dialog.getByRole('textbox', { name: /^Name in Kazakh/ }).fill('ИҚ-Фурье спектрометрі');
      await dialog.getByRole('textbox', { name: /^Name in Russian/ }).fill('ИК-Фурье-спектрометр');
      await dialog.getByRole('textbox', { name: /^Name in English/ }).fill('FTIR spectrometer');
      await dialog.getByRole('textbox', { name: /^Cost, KZT/ }).fill('12 500 000');
      await fillDate(dialog.getByLabel(/^Acquired/), '2024-09-02');
      await shot(page, 'equipment-form', false);
      await closeWith(dialog, 'Create');
      await search(page, 'equipment-table', itemCode);
      const row = rowsWith(page, 'equipment-table', itemCode);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text.includes('12,500,000') && text.includes(labCode), text);
      expect(text.includes('FTIR spectrometer'), `the English name is not shown: ${text}`);
      // A Kazakh reader reads the item's Kazakh name.
      await switchLanguage(page, 'kk');
      await row.getByText('ИҚ-Фурье спектрометрі').waitFor();
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step(
    'bookings: in the Russian interface a date field reads and shows DD.MM.YYYY with a Russian calendar',
    async () => {
      await switchLanguage(page, 'ru');
      await page.getByRole('button', { name: 'Новое оборудование' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=equipment-form]').waitFor();
      const acquired = dialog.getByLabel(/^Приобретено/);
      const placeholder = await acquired.getAttribute('placeholder');
      expect(placeholder === 'ДД.ММ.ГГГГ', `placeholder: ${placeholder}`);
      await fillDate(acquired, '02.09.2024');
      const shown = await acquired.inputValue();
      expect(shown === '02.09.2024', `the field shows ${shown}`);
      await acquired.click();
      await page.getByRole('button', { name: /сентябрь 2024/i }).waitFor();
      await page.waitForTimeout(300); // the calendar's fade-in
      await shot(page, 'date-field-ru', false);
      await acquired.blur();
      await closeWith(dialog, 'Отмена');
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step(
    'bookings: deleting a lab that still holds an item is refused with the reason',
    async () => {
      await page.getByRole('tab', { name: 'Labs' }).click();
      await search(page, 'labs-table', labCode);
      await page.getByRole('button', { name: `Delete ${labCode}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await dialog.getByRole('alert').filter({ hasText: 'cannot be deleted' }).waitFor();
      await closeWith(dialog, 'Cancel');
    },
    page,
  );

  const book = async (from: string, to: string, subject = discipline) => {
    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-testid=booking-form]').waitFor();
    await choose(
      page,
      dialog.getByRole('combobox', { name: /^Lab or item/ }),
      new RegExp(`^${itemCode}`),
      itemCode,
    );
    await dialog.getByRole('textbox', { name: /^Discipline/ }).fill(subject);
    await fillDate(dialog.getByLabel(/^Starts/), `${day}T${from}`);
    await fillDate(dialog.getByLabel(/^Ends/), `${day}T${to}`);
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    return dialog;
  };

  await step(
    'bookings: admin books the item for a discipline session',
    async () => {
      await page.locator('[data-nav=bookings]').click();
      await page.locator('[data-testid=bookings-table]').waitFor();
      const dialog = await book('10:00', '12:00');
      await dialog.waitFor({ state: 'hidden' });
      await search(page, 'bookings-table', stamp);
      const row = rowsWith(page, 'bookings-table', itemCode);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text.includes('Discipline session') && text.includes('Scheduled'), text);
    },
    page,
  );

  await step(
    'bookings: in a browser set to UTC the session typed as 10:00 is 10:00 in Almaty, and the page says so',
    async () => {
      const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(browserZone === 'UTC', `the browser's time zone is ${browserZone}`);
      const listed = (await (
        await page.request.get(`${BASE}/api/bookings?q=${encodeURIComponent(discipline)}&pageSize=5`)
      ).json()) as { items: { startsAt: string }[] };
      const stored = new Date(listed.items[0]?.startsAt ?? '').toISOString();
      const almaty = new Date(`${day}T10:00:00+05:00`).toISOString();
      expect(stored === almaty, `stored start ${stored}, expected ${almaty} (10:00 in Almaty)`);
      const row = rowsWith(page, 'bookings-table', itemCode);
      const text = (await row.textContent()) ?? '';
      expect(text.includes(enDate(day)) && text.includes('10:00 – 12:00'), `row shows: ${text}`);
      const note = (await page.locator('[data-testid=time-zone-note]').textContent()) ?? '';
      expect(note.includes('Asia/Almaty'), `time zone note: ${note}`);
    },
    page,
  );

  await step(
    'bookings: an overlapping booking shows the booking it clashes with and keeps the form open',
    async () => {
      const dialog = await book('11:00', '13:00');
      const notice = dialog.locator('[data-testid=booking-conflict]');
      await notice.getByText(itemCode).waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(
        text.includes('already booked') && text.includes('Discipline session') && text.includes(discipline),
        `conflict notice: ${text}`,
      );
      expect(text.includes('10:00') && text.includes('12:00'), `conflict notice lacks the time: ${text}`);
      expect(await dialog.locator('[data-testid=booking-form]').isVisible(), 'the form closed');
      await shot(page, 'booking-conflict', false);
      await closeWith(dialog, 'Cancel');
    },
    page,
  );

  await step(
    'bookings: admin records the actual use',
    async () => {
      const row = rowsWith(page, 'bookings-table', itemCode);
      await row.getByRole('button', { name: /^Record use of booking/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('[data-testid=usage-form]').waitFor();
      await fillDate(dialog.getByLabel(/^Actually started/), `${day}T10:05`);
      await fillDate(dialog.getByLabel(/^Actually ended/), `${day}T11:35`);
      await dialog.getByRole('textbox', { name: /^Attendees/ }).fill('12');
      // Two students known to have come (they count in the partners' impact reports).
      const students = (await (
        await page.request.get(`${BASE}/api/users?role=student&pageSize=2&sort=fullName`)
      ).json()) as { items: { id: number; fullName: string }[] };
      const known = dialog.getByRole('combobox', { name: /^Students who attended/ });
      for (const student of students.items) await choose(page, known, student.fullName, student.fullName);
      await dialog.getByRole('heading', { name: 'Record actual use' }).click(); // closes the option list
      await shot(page, 'usage-form', false);
      await closeWith(dialog, 'Save');
      await row.getByText('1.5 h, 12 attended').waitFor();
      const listed = (await (
        await page.request.get(`${BASE}/api/bookings?q=${encodeURIComponent(discipline)}&pageSize=5`)
      ).json()) as { items: { usage: { attendeeIds: number[] } | null }[] };
      const ids = listed.items.flatMap((b) => b.usage?.attendeeIds ?? []).sort();
      expect(
        JSON.stringify(ids) === JSON.stringify(students.items.map((u) => u.id).sort()),
        `attendees stored: ${JSON.stringify(ids)} in ${JSON.stringify(listed).slice(0, 400)}`,
      );
      await shot(page, 'bookings-admin');
      await switchLanguage(page, 'kk');
      await row.getByText('Жоспарланған').waitFor();
      await shot(page, 'bookings-admin-kk');
      await switchLanguage(page, 'en');
    },
    page,
  );

  await step(
    'bookings: a booking is rescheduled, a clash shows the other booking, and a cancelled one cannot be',
    async () => {
      const later = `E2E later session ${stamp}`;
      await (await book('13:00', '14:00', later)).waitFor({ state: 'hidden' });
      const row = rowsWith(page, 'bookings-table', later);
      await row.getByRole('button', { name: /^Reschedule booking/ }).click();
      const dialog = page.getByRole('dialog');
      const form = dialog.locator('[data-testid=booking-form]');
      await form.waitFor();
      expect(
        await dialog.getByRole('combobox', { name: /^Lab or item/ }).isDisabled(),
        'the asset can be changed',
      );
      const start = await dialog.getByLabel(/^Starts/).inputValue();
      expect(start === `${enDate(day)} 13:00`, `the start is not filled: ${start}`);
      await fillDate(dialog.getByLabel(/^Starts/), `${day}T11:30`);
      await fillDate(dialog.getByLabel(/^Ends/), `${day}T12:30`);
      await dialog.getByRole('button', { name: 'Save', exact: true }).click();
      const notice = dialog.locator('[data-testid=booking-conflict]');
      await notice.getByText(discipline).waitFor();
      await page.waitForTimeout(400); // the dialog's fade-in
      await shot(page, 'booking-reschedule-conflict', false);
      await fillDate(dialog.getByLabel(/^Starts/), `${day}T15:00`);
      await fillDate(dialog.getByLabel(/^Ends/), `${day}T16:30`);
      await closeWith(dialog, 'Save');
      await row.getByText('15:00').waitFor();
      await row.getByRole('button', { name: /^Cancel booking/ }).click();
      await closeWith(page.getByRole('dialog'), 'Cancel booking');
      await row.getByText('Cancelled').waitFor();
      expect(
        (await row.getByRole('button', { name: /^Reschedule booking/ }).count()) === 0,
        'a cancelled booking offers Reschedule',
      );
    },
    page,
  );

  await step(
    'bookings: the utilisation over a chosen period counts the recorded use and charts it by month',
    async () => {
      await openTable(page, 'material', 'labs-table');
      await page.getByRole('tab', { name: 'Utilisation' }).click();
      await page.locator('[data-testid=utilisation-table] tbody tr').first().waitFor();
      await fillDate(page.getByLabel('From', { exact: true }), dayOffset(-30));
      await fillDate(page.getByLabel('To', { exact: true }), dayOffset(0));
      await page.locator('[data-testid=utilisation-period]', { hasText: enDate(dayOffset(-30)) }).waitFor();
      const row = rowsWith(page, 'utilisation-table', itemCode);
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      expect(cells[3] === '2.0' && cells[4] === '1.5', `booked and used hours: ${cells.join(' | ')}`);
      // The chart over time: one month per calendar month the range touches, figures in its hidden table.
      const [fromMonth, toMonth] = [dayOffset(-30).slice(0, 7), dayOffset(0).slice(0, 7)];
      const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
      const months = monthIndex(toMonth) - monthIndex(fromMonth) + 1;
      const chart = page.locator(`[data-testid=utilisation-over-time][data-months="${months}"]`);
      await chart.locator('canvas').first().waitFor();
      const labels = await chart
        .locator('[data-testid=utilisation-months] tbody tr td:first-child')
        .allTextContents();
      expect(
        labels.length === months && labels[0] === fromMonth && labels.at(-1) === toMonth,
        `months of the chart: ${labels.join(', ')}`,
      );
      await chart.scrollIntoViewIfNeeded();
      await shot(page, 'utilisation-over-time', false);
      await shot(page, 'utilisation-range');
    },
    page,
  );

  await step('bookings: admin signs out', () => signOut(page), page);
}
