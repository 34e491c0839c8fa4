/** Students, their enrolments, consents and discipline results (capability 5). */
import { z } from 'zod';

/** State of a student's enrolment in a programme version. */
export const ENROLMENT_STATUSES = ['active', 'on-leave', 'graduated', 'withdrawn'] as const;
export const enrolmentStatusSchema = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

/**
 * What a consent lets a partner see of a student (DOMAIN §8: consent lists the data):
 * `profile` name and programme; `contacts` e-mail and phone; `results` discipline results and GPA;
 * `passport` the competency passport.
 */
export const CONSENT_SCOPES = ['profile', 'contacts', 'results', 'passport'] as const;
export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export type ConsentScope = z.infer<typeof consentScopeSchema>;

/** Letter grades of the national scale (DOMAIN §1), best first. */
export const GRADE_LETTERS = ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'F'] as const;
export const gradeLetterSchema = z.enum(GRADE_LETTERS);
export type GradeLetter = z.infer<typeof gradeLetterSchema>;
