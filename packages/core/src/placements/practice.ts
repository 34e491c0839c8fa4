/**
 * Rules of the practice itself (issue 12): the student's journal entries, the mentor's single-use links and the
 * competency levels a mentor assesses. Pure: dates and instants come in as arguments.
 */

/** The most hours a journal entry may hold (one day). */
export const MAX_JOURNAL_HOURS = 24;

/** Why a journal entry was refused, naming the field. */
export interface JournalIssue {
  field: 'entryDate' | 'hours';
  rule: 'within-period' | 'not-in-future' | 'hours-range';
  message: string;
}

/**
 * Checks a journal entry: its date within the placement period (`startsOn`..`endsOn`) and not after `today`,
 * its hours above 0 and at most 24, in tenths.
 */
export function journalEntryIssues(
  entry: { entryDate: string; hours: number },
  period: { startsOn: string; endsOn: string },
  today: string,
): JournalIssue[] {
  const issues: JournalIssue[] = [];
  if (entry.entryDate < period.startsOn || entry.entryDate > period.endsOn)
    issues.push({
      field: 'entryDate',
      rule: 'within-period',
      message: `The date must fall within the placement period, ${period.startsOn} to ${period.endsOn}`,
    });
  else if (entry.entryDate > today)
    issues.push({ field: 'entryDate', rule: 'not-in-future', message: 'The date must not be after today' });
  if (
    !Number.isFinite(entry.hours) ||
    entry.hours <= 0 ||
    entry.hours > MAX_JOURNAL_HOURS ||
    Math.round(entry.hours * 10) !== entry.hours * 10
  )
    issues.push({
      field: 'hours',
      rule: 'hours-range',
      message: `Hours must be more than 0 and at most ${MAX_JOURNAL_HOURS}, in tenths`,
    });
  return issues;
}

/** The state of a mentor's link at an instant: usable, already used, or past its expiry. */
export type MentorLinkState = 'valid' | 'used' | 'expired';

/** Days a mentor's link stays valid unless the issuer says otherwise. */
export const MENTOR_LINK_DAYS = 14;

/** The state of a link at `now`; a used link reads as used even after it expired. */
export function mentorLinkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date): MentorLinkState {
  if (link.usedAt) return 'used';
  return now.getTime() >= link.expiresAt.getTime() ? 'expired' : 'valid';
}

/**
 * The competencies of an offer that an assessment leaves unassessed, by id (the mentor assesses each required
 * competency once).
 */
export function unassessedCompetencies(required: readonly number[], assessed: readonly number[]): number[] {
  const done = new Set(assessed);
  return required.filter((id) => !done.has(id));
}
