import { LOCALES, NOTIFICATION_KINDS, type NotificationKind } from '@kadr/contracts';
import { type Database, notificationsRepository } from '@kadr/db';
import { openTestPglite } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../testing.ts';
import { enqueueNotification, enqueueTemplated, enqueueTemplatedMany } from './outbox.ts';
import { composeNotification, type NotificationParams } from './templates.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestPglite();
});
afterAll(() => database.close());

const closesAt = new Date('2026-12-14T13:00:00Z'); // 18:00 in Astana (UTC+5)
const roundName = { kk: 'К-1', ru: 'Р-1', en: 'R-1' };
const sample: NotificationParams = {
  'round-opened': { roundName, closesAt, link: '/placements/rounds/1' },
  'round-results': { roundName, respondBy: closesAt, link: '/placements/my' },
  'response-deadline': { roundName, respondBy: closesAt, link: '/placements/my' },
  'journal-approved': { entryDate: '2026-12-03', mentorName: 'A. Mentor', link: '/placements/7/journal' },
  'journal-returned': {
    entryDate: '2026-12-03',
    mentorName: 'A. Mentor',
    comment: 'Add the hours',
    link: '/placements/7/journal',
  },
  'mentor-link': {
    studentName: 'S. Student',
    practiceTitle: 'Welding',
    expiresAt: closesAt,
    link: '/mentor/abc',
  },
};

describe('enqueueNotification', () => {
  it('writes a pending message due now, in the caller transaction', async () => {
    const row = await database.db.transaction((tx) =>
      enqueueNotification(
        tx,
        {
          kind: 'round-opened',
          recipientEmail: ' student@test.kadr.kz ',
          locale: 'kk',
          subject: 'Line one\r\nBcc: x@y.z',
          body: 'Body',
          ref: 'round:1',
        },
        TEST_NOW,
      ),
    );
    const stored = await notificationsRepository.findById(database.db, row.id);
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 0,
      recipientEmail: 'student@test.kadr.kz',
      recipientUserId: null,
      subject: 'Line one Bcc: x@y.z',
      ref: 'round:1',
      lastError: '',
      sentAt: null,
    });
    expect(stored!.nextAttemptAt.toISOString()).toBe(TEST_NOW.toISOString());
  });

  it('writes nothing when the caller transaction rolls back', async () => {
    const before = await notificationsRepository.countByStatus(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueNotification(
          tx,
          {
            kind: 'mentor-link',
            recipientEmail: 'm@x.kz',
            locale: 'en',
            subject: 's',
            body: 'b',
            ref: 'placement:1',
          },
          TEST_NOW,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await notificationsRepository.countByStatus(database.db)).toEqual(before);
  });

  it('refuses an address that is not one, and an empty subject', async () => {
    const base = { kind: 'round-opened' as const, locale: 'en' as const, body: 'b', ref: '' };
    await expect(
      enqueueNotification(database.db, { ...base, recipientEmail: 'nobody', subject: 's' }, TEST_NOW),
    ).rejects.toThrow(/not an email/);
    await expect(
      enqueueNotification(database.db, { ...base, recipientEmail: 'a@b.kz', subject: '\n' }, TEST_NOW),
    ).rejects.toThrow(/subject/);
  });

  it('composes a template in the reader language and the university time zone', async () => {
    const row = await enqueueTemplated(
      database.db,
      {
        kind: 'round-opened',
        recipientEmail: 'a@b.kz',
        locale: 'ru',
        ref: 'round:1',
        params: sample['round-opened'],
      },
      TEST_NOW,
      'Asia/Almaty',
    );
    expect(row.subject).toBe('Открыт выбор мест практики: Р-1');
    expect(row.body).toContain('14 декабря 2026');
    expect(row.body).toContain('18:00');
    expect(row.body.split('\n').at(-1)).toBe('/placements/rounds/1');
  });
});

describe('enqueueTemplatedMany', () => {
  it('writes each message in its reader language, whether it shares its params or not', async () => {
    const shared = sample['round-results'];
    const own = { ...shared, roundName: { kk: 'К-2', ru: 'Р-2', en: 'R-2' } };
    const messages = [
      ...(['kk', 'ru', 'en', 'ru'] as const).map((locale, i) => ({ locale, params: shared, i })),
      { locale: 'en' as const, params: own, i: 4 },
    ].map(({ locale, params, i }) => ({
      kind: 'round-results' as const,
      recipientEmail: `many.${i}@test.kadr.kz`,
      locale,
      ref: 'round:many',
      params,
    }));
    const written = await database.db.transaction((tx) =>
      enqueueTemplatedMany(tx, messages, TEST_NOW, 'Asia/Almaty'),
    );
    expect(written).toBe(5);
    const rows = (await database.db.execute(
      "select recipient_email, locale, subject, body from notifications where ref = 'round:many' order by recipient_email",
    )) as unknown as { rows: { recipient_email: string; locale: string; subject: string; body: string }[] };
    expect(rows.rows).toEqual(
      messages.map((m) => ({
        recipient_email: m.recipientEmail,
        locale: m.locale,
        ...composeNotification('round-results', m.locale, m.params, 'Asia/Almaty'),
      })),
    );
  });
});

describe('templates', () => {
  it.each(NOTIFICATION_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))(
    '%s in %s has a one-line subject and ends with the link',
    (kind: NotificationKind, locale) => {
      const message = composeNotification(kind, locale, sample[kind] as never, 'Asia/Almaty');
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.subject.length).toBeGreaterThan(5);
      expect(message.body.split('\n').at(-1)).toBe((sample[kind] as { link: string }).link);
    },
  );

  it('writes each language in its own words', () => {
    const subjects = LOCALES.map((l) =>
      composeNotification('journal-returned', l, sample['journal-returned'], 'UTC'),
    );
    expect(new Set(subjects.map((s) => s.subject)).size).toBe(3);
    expect(subjects[0]!.body).toContain('Add the hours');
    expect(subjects[2]!.subject).toContain('3 December 2026');
  });

  it('names a round in the reader language, an empty English name falling back to Russian', () => {
    for (const kind of ['round-opened', 'round-results', 'response-deadline'] as const)
      expect(
        LOCALES.map((l) => composeNotification(kind, l, sample[kind], 'UTC').subject.split(': ').at(-1)),
      ).toEqual(['К-1', 'Р-1', 'R-1']);
    const noEnglish = { ...sample['round-opened'], roundName: { kk: 'К-1', ru: 'Р-1', en: '' } };
    expect(composeNotification('round-opened', 'en', noEnglish, 'UTC').subject).toBe(
      'Practice places open for ranking: Р-1',
    );
  });
});
