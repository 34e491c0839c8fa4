/**
 * The messages of the outbox in kk, ru and en: one template per kind and language, filled with the record's
 * words. Instants are written in the reader's language and the university's time zone; calendar days (ISO dates)
 * as they are. A link is a path of the web app on a line of its own (`/placements/...`): the deliverer prefixes
 * it with the configured public address when it sends the message.
 */
import { type Locale, localized, type NotificationKind, type Trilingual } from '@kadr/contracts';

/** What each kind of message says, besides the reader's language. */
export interface NotificationParams {
  /** A round opened for the students' ranking, until `closesAt`. */
  'round-opened': { roundName: Trilingual; closesAt: Date; link: string };
  /** A round's results are published; the student answers by `respondBy`. */
  'round-results': { roundName: Trilingual; respondBy: Date; link: string };
  /** The answer to an offered place is due at `respondBy`. */
  'response-deadline': { roundName: Trilingual; respondBy: Date; link: string };
  /** The mentor approved the journal entry of `entryDate` (an ISO date). */
  'journal-approved': { entryDate: string; mentorName: string; link: string };
  /** The mentor returned the journal entry of `entryDate` with a comment. */
  'journal-returned': { entryDate: string; mentorName: string; comment: string; link: string };
  /** A mentor's single-use link to approve a student's journal and assess the practice, valid until `expiresAt`. */
  'mentor-link': { studentName: string; practiceTitle: string; expiresAt: Date; link: string };
}

/** A message ready for the outbox. */
export interface ComposedMessage {
  subject: string;
  body: string;
}

type Format = { instant: (at: Date) => string; day: (iso: string) => string };
/** The params as a template reads them: a trilingual name already in the reader's language. */
type Words<P> = { [F in keyof P]: P[F] extends Trilingual ? string : P[F] };
type Template<K extends NotificationKind> = (p: Words<NotificationParams[K]>, f: Format) => ComposedMessage;
type Templates = { [K in NotificationKind]: Record<Locale, Template<K>> };

const templates: Templates = {
  'round-opened': {
    kk: (p, f) => ({
      subject: `Практика орындарын таңдау ашылды: ${p.roundName}`,
      body: `«${p.roundName}» раунды ашылды. Ұсыныстарды қарап, өз таңдауларыңызды ${f.instant(p.closesAt)} дейін ретке келтіріңіз.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Открыт выбор мест практики: ${p.roundName}`,
      body: `Раунд «${p.roundName}» открыт. Посмотрите предложения и расставьте свои приоритеты до ${f.instant(p.closesAt)}.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `Practice places open for ranking: ${p.roundName}`,
      body: `The round "${p.roundName}" is open. Review the offers and rank your choices by ${f.instant(p.closesAt)}.\n${p.link}`,
    }),
  },
  'round-results': {
    kk: (p, f) => ({
      subject: `Бөлу нәтижелері жарияланды: ${p.roundName}`,
      body: `«${p.roundName}» раундының нәтижелері жарияланды. Ұсынылған орынды ${f.instant(p.respondBy)} дейін қабылдаңыз немесе бас тартыңыз; себебін сол жерден көре аласыз.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Опубликованы результаты распределения: ${p.roundName}`,
      body: `Результаты раунда «${p.roundName}» опубликованы. Примите или отклоните предложенное место до ${f.instant(p.respondBy)}; там же объяснено, почему вы его получили.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `Allocation results published: ${p.roundName}`,
      body: `The results of the round "${p.roundName}" are published. Accept or decline the place offered to you by ${f.instant(p.respondBy)}; the page explains why you got it.\n${p.link}`,
    }),
  },
  'response-deadline': {
    kk: (p, f) => ({
      subject: `Жауап беру мерзімі жақындады: ${p.roundName}`,
      body: `«${p.roundName}» раундында ұсынылған орынға әлі жауап бермедіңіз. Мерзімі: ${f.instant(p.respondBy)}. Жауап берілмесе, орын келесі раундқа қайтарылады.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Скоро срок ответа: ${p.roundName}`,
      body: `Вы ещё не ответили на место, предложенное в раунде «${p.roundName}». Срок: ${f.instant(p.respondBy)}. Без ответа место вернётся в следующий раунд.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `Response deadline approaching: ${p.roundName}`,
      body: `You have not yet answered the place offered to you in the round "${p.roundName}". The deadline is ${f.instant(p.respondBy)}. Without an answer the place returns to the next round.\n${p.link}`,
    }),
  },
  'journal-approved': {
    kk: (p, f) => ({
      subject: `Күнделік жазбасы бекітілді: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} сіздің ${f.day(p.entryDate)} күнгі күнделік жазбаңызды бекітті.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Запись дневника утверждена: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} утвердил(а) вашу запись дневника практики за ${f.day(p.entryDate)}.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `Journal entry approved: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} approved your practice journal entry of ${f.day(p.entryDate)}.\n${p.link}`,
    }),
  },
  'journal-returned': {
    kk: (p, f) => ({
      subject: `Күнделік жазбасы түзетуге қайтарылды: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} сіздің ${f.day(p.entryDate)} күнгі жазбаңызды қайтарды. Пікірі:\n${p.comment}\n\nЖазбаны түзетіп, қайта жіберіңіз.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Запись дневника возвращена на доработку: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} вернул(а) вашу запись за ${f.day(p.entryDate)}. Комментарий:\n${p.comment}\n\nИсправьте запись и отправьте её снова.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `Journal entry returned: ${f.day(p.entryDate)}`,
      body: `${p.mentorName} returned your journal entry of ${f.day(p.entryDate)}. Comment:\n${p.comment}\n\nPlease revise the entry and submit it again.\n${p.link}`,
    }),
  },
  'mentor-link': {
    kk: (p, f) => ({
      subject: `Тәлімгерге: ${p.studentName} практикасы`,
      body: `Сіз ${p.studentName} білім алушының тәлімгерісіз («${p.practiceTitle}»). Төмендегі сілтеме арқылы тіркелгісіз күнделікті бекітіп, практиканы бағалай аласыз. Сілтеме бір рет қолданылады және ${f.instant(p.expiresAt)} дейін жарамды; оны ешкімге бермеңіз.\n${p.link}`,
    }),
    ru: (p, f) => ({
      subject: `Наставнику: практика студента ${p.studentName}`,
      body: `Вы наставник студента ${p.studentName} («${p.practiceTitle}»). По ссылке ниже можно без учётной записи утвердить дневник и оценить практику. Ссылка одноразовая и действует до ${f.instant(p.expiresAt)}; не передавайте её другим.\n${p.link}`,
    }),
    en: (p, f) => ({
      subject: `For the mentor: ${p.studentName}'s practice`,
      body: `You are the mentor of ${p.studentName} ("${p.practiceTitle}"). Through the link below you can approve the journal and assess the practice without an account. The link works once and until ${f.instant(p.expiresAt)}; do not share it.\n${p.link}`,
    }),
  },
};

const intlLocale: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Formats by language and time zone: an Intl.DateTimeFormat costs about a millisecond to make. */
const formatCache = new Map<string, Format>();

function formats(locale: Locale, timeZone: string): Format {
  const key = `${locale}|${timeZone}`;
  let cached = formatCache.get(key);
  if (!cached) {
    cached = makeFormats(locale, timeZone);
    formatCache.set(key, cached);
  }
  return cached;
}

function makeFormats(locale: Locale, timeZone: string): Format {
  const instant = new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
  const day = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' });
  return {
    instant: (at) => instant.format(at),
    day: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
  };
}

/**
 * The subject and body of a message of `kind` in `locale`, times written in `timeZone` (the configured
 * KADR_TIME_ZONE).
 * A trilingual name (a round's) is written in `locale`, falling back as `localized` does.
 * @example composeNotification('round-opened', 'ru', { roundName: { kk: 'Көктем', ru: 'Весна', en: 'Spring' }, closesAt, link: '/placements/rounds/3' }, 'Asia/Almaty')
 */
export function composeNotification<K extends NotificationKind>(
  kind: K,
  locale: Locale,
  params: NotificationParams[K],
  timeZone: string,
): ComposedMessage {
  const template = templates[kind][locale] as Template<K>;
  const words = Object.fromEntries(
    Object.entries(params).map(([field, value]) => [
      field,
      isTrilingual(value) ? localized(value, locale) : value,
    ]),
  ) as Words<NotificationParams[K]>;
  return template(words, formats(locale, timeZone));
}

function isTrilingual(value: unknown): value is Trilingual {
  return typeof value === 'object' && value !== null && 'kk' in value && 'ru' in value && 'en' in value;
}
