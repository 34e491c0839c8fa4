/**
 * The engine's explanation in plain words, in the student's language (kk, ru, en): one sentence for the place
 * received and one for every choice above it (explain.ts gives the reasons and the cutoffs).
 */
import type { Locale } from '@kadr/contracts';
import type { StoredOutcome, StoredReason } from './allocation-engine.ts';

/** What the sentences need of an outcome: the stored explanation plus whether each offer ranks explicitly. */
export type StoredExplanation = Omit<StoredOutcome, 'studentId' | 'offerId'> & {
  /** Offers (by id) that the partner ranked itself. */
  explicit: number[];
};

interface Words {
  ordinal: (n: number) => string;
  choice: (n: number, title: string) => string;
  received: (choice: string) => string;
  kept: string;
  outranked: (choice: string, cutoff: string, own: string) => string;
  notRankedByPartner: (choice: string) => string;
  notAdmitted: (choice: string) => string;
  noSeats: (choice: string) => string;
  ineligible: (choice: string) => string;
  noChoices: string;
  unplaced: string;
}

const en: Words = {
  ordinal: (n) => {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `${n}${suffix}`;
  },
  choice: (n, title) => `your ${n === 1 ? 'first' : en.ordinal(n)} choice, “${title}”`,
  received: (choice) => `You received ${choice}.`,
  kept: 'You keep the place you accepted in an earlier round.',
  outranked: (choice, cutoff, own) =>
    `${capital(choice)}, was filled with students ranked above you: the last admitted was ranked ${cutoff}, you were ${own}.`,
  notRankedByPartner: (choice) => `${capital(choice)}: the partner did not include you in its ranking.`,
  notAdmitted: (choice) => `${capital(choice)}, does not admit your programme or year of study.`,
  noSeats: (choice) => `${capital(choice)}, had no seats left in this round.`,
  ineligible: (choice) => `${capital(choice)}: you do not meet its requirements.`,
  noChoices: 'You ranked no offers in this round, so no place was allocated to you.',
  unplaced: 'No place was allocated to you in this round; you can take part in the next round.',
};

const ru: Words = {
  ordinal: (n) => `${n}-е`,
  choice: (n, title) => `ваш выбор №${n}, «${title}»,`,
  received: (choice) => `Вы получили ${choice.replace(/,$/, '')}.`,
  kept: 'За вами остаётся место, принятое в предыдущем раунде.',
  outranked: (choice, cutoff, own) =>
    `${capital(choice)} заполнен студентами, стоящими в рейтинге выше вас: последний принятый был на ${cutoff} месте, вы — на ${own}.`,
  notRankedByPartner: (choice) =>
    `${capital(choice.replace(/,$/, ''))}: партнёр не включил вас в свой рейтинг.`,
  notAdmitted: (choice) => `${capital(choice)} не принимает студентов вашей программы или курса.`,
  noSeats: (choice) => `${capital(choice)} не имел свободных мест в этом раунде.`,
  ineligible: (choice) => `${capital(choice.replace(/,$/, ''))}: вы не соответствуете его требованиям.`,
  noChoices: 'Вы не выбрали ни одного предложения в этом раунде, поэтому место не распределено.',
  unplaced: 'В этом раунде место вам не досталось; вы можете участвовать в следующем раунде.',
};

const kk: Words = {
  ordinal: (n) => `${n}-`,
  choice: (n, title) => `№${n} таңдауыңыз «${title}»`,
  received: (choice) => `Сізге ${choice} берілді.`,
  kept: 'Алдыңғы раундта қабылдаған орныңыз сізде сақталады.',
  outranked: (choice, cutoff, own) =>
    `${capital(choice)} рейтингте сізден жоғары тұрған студенттермен толды: соңғы қабылданған студент ${cutoff}орында, сіз ${own}орындасыз.`,
  notRankedByPartner: (choice) => `${capital(choice)}: серіктес сізді өз рейтингіне енгізбеді.`,
  notAdmitted: (choice) =>
    `${capital(choice)} сіздің бағдарламаңыз бен курсыңыздың студенттерін қабылдамайды.`,
  noSeats: (choice) => `${capital(choice)}: бұл раундта бос орын қалмады.`,
  ineligible: (choice) => `${capital(choice)}: сіз оның талаптарына сай емессіз.`,
  noChoices: 'Сіз бұл раундта бірде-бір ұсынысты таңдамадыңыз, сондықтан орын бөлінбеді.',
  unplaced: 'Бұл раундта сізге орын бөлінбеді; келесі раундқа қатыса аласыз.',
};

const WORDS: Record<Locale, Words> = { kk, ru, en };

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The position as a reader says it: "12th" (en), "12-м" (ru), "12-" (kk). */
function position(locale: Locale, n: number): string {
  if (locale === 'ru') return `${n}-м`;
  if (locale === 'kk') return `${n}-`;
  return en.ordinal(n);
}

function reasonSentence(
  words: Words,
  locale: Locale,
  reason: StoredReason,
  title: string,
  explicit: boolean,
): string {
  const choice = words.choice(reason.choice, title);
  switch (reason.reason) {
    case 'outranked':
    case 'below-cutoff':
      return words.outranked(
        choice,
        position(locale, reason.cutoffRank ?? 0),
        position(locale, reason.rank ?? 0),
      );
    case 'not-ranked':
      return explicit ? words.notRankedByPartner(choice) : words.notAdmitted(choice);
    case 'no-seats':
      return words.noSeats(choice);
    default:
      return words.ineligible(choice);
  }
}

/**
 * The explanation as sentences.
 * @param titleOf the offer's title in the reader's language
 * @example explainInWords(e, 'en', title) // ["You received your 2nd choice, “Welder”.", "Your first choice, …"]
 */
export function explainInWords(
  explanation: StoredExplanation,
  locale: Locale,
  titleOf: (offerId: number) => string,
  receivedOfferId: number | null,
): string[] {
  const words = WORDS[locale];
  const out: string[] = [];
  if (explanation.kept) return [words.kept];
  if (receivedOfferId !== null && explanation.choice !== null)
    out.push(words.received(words.choice(explanation.choice, titleOf(receivedOfferId))));
  const explicit = new Set(explanation.explicit);
  for (const reason of explanation.reasons)
    out.push(reasonSentence(words, locale, reason, titleOf(reason.offerId), explicit.has(reason.offerId)));
  if (receivedOfferId === null) out.push(explanation.choices === 0 ? words.noChoices : words.unplaced);
  return out;
}
