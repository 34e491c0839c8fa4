/** Programmes, their versions, disciplines and credit equivalences (capability 2). */
import { z } from 'zod';

/** Level of an educational programme (DOMAIN §1: bachelor 6B…, master 7M…, doctorate 8D…). */
export const PROGRAMME_LEVELS = ['bachelor', 'master', 'doctorate'] as const;
export const programmeLevelSchema = z.enum(PROGRAMME_LEVELS);
export type ProgrammeLevel = z.infer<typeof programmeLevelSchema>;

/**
 * Life of a programme version: a `draft` is edited; it becomes `active` once every co-developer has
 * approved it (the previous active version becomes `superseded`). Students stay on the version they enrolled in.
 */
export const PROGRAMME_VERSION_STATUSES = ['draft', 'active', 'superseded'] as const;
export const programmeVersionStatusSchema = z.enum(PROGRAMME_VERSION_STATUSES);
export type ProgrammeVersionStatus = z.infer<typeof programmeVersionStatusSchema>;

/** What a co-developer brought to a programme. */
export const CONTRIBUTION_KINDS = [
  'curriculum',
  'teaching',
  'labs',
  'practice',
  'degree',
  'mobility',
] as const;
export const contributionKindSchema = z.enum(CONTRIBUTION_KINDS);
export type ContributionKind = z.infer<typeof contributionKindSchema>;

/** Cycle of a discipline in the curriculum (DOMAIN §1): general education, basic, major. */
export const DISCIPLINE_CYCLES = ['general', 'basic', 'major'] as const;
export const disciplineCycleSchema = z.enum(DISCIPLINE_CYCLES);
export type DisciplineCycle = z.infer<typeof disciplineCycleSchema>;

/** Component of a discipline within its cycle (DOMAIN §1). */
export const DISCIPLINE_COMPONENTS = ['compulsory', 'university', 'elective'] as const;
export const disciplineComponentSchema = z.enum(DISCIPLINE_COMPONENTS);
export type DisciplineComponent = z.infer<typeof disciplineComponentSchema>;

/**
 * How a partner-university course was judged equivalent to a discipline:
 * `ects` one national credit for one ECTS credit (DOMAIN §1: ECTS adopted without changes);
 * `hours` by study hours (1 national credit = 30 academic hours);
 * `content` by comparison of learning outcomes, decided by the academic committee.
 */
export const EQUIVALENCE_RULES = ['ects', 'hours', 'content'] as const;
export const equivalenceRuleSchema = z.enum(EQUIVALENCE_RULES);
export type EquivalenceRule = z.infer<typeof equivalenceRuleSchema>;

/** Types of professional practice (DOMAIN §2, §3); learning outcomes of a practice type map to competencies. */
export const PRACTICE_TYPES = ['educational', 'industrial', 'pre-diploma', 'research', 'dual'] as const;
export const practiceTypeSchema = z.enum(PRACTICE_TYPES);
export type PracticeType = z.infer<typeof practiceTypeSchema>;
