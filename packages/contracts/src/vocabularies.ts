/**
 * Fixed lists and limits that the web's pages show (filters, badges, defaults) before anyone fills in a form, apart
 * from the modules that build zod schemas when they load, so that a page takes them without loading zod (ADR 0014,
 * ADR 0019). Each is re-exported, with its schema, by the module of its capability.
 */

/** An offer is drafted, then published (it can enter rounds), and withdrawn when the company takes it back. */
export const OFFER_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/**
 * A round: drafted by the officer, open for the students' ranking, closed (partners rank, the officer runs the
 * engine and previews), published (placements written, atomically), archived once its placements are settled.
 */
export const ROUND_STATUSES = ['draft', 'open', 'closed', 'published', 'archived'] as const;

/**
 * How a partner orders the students who chose its offer: its own explicit ranking, or a scoring policy computed
 * from what each student consented to share (GPA, competency fit from the passport, or a weighted mix).
 */
export const OFFER_SCORINGS = ['explicit', 'gpa', 'competency-fit', 'mix'] as const;

/** Types of professional practice (DOMAIN §2, §3); learning outcomes of a practice type map to competencies. */
export const PRACTICE_TYPES = ['educational', 'industrial', 'pre-diploma', 'research', 'dual'] as const;

/**
 * Every competency is one of three types (EQF's knowledge, skills, responsibility and autonomy):
 * ESCO's `knowledge` maps to `knowledge`, ESCO's `skill/competence` to `skill`, or to `competence` when its
 * reuse level is `transversal` (see docs/competencies.md).
 */
export const COMPETENCY_TYPES = ['knowledge', 'skill', 'competence'] as const;

/** Where a framework comes from: Kadr's own, an ESCO import, the CDIO Syllabus. */
export const FRAMEWORK_SOURCES = ['own', 'esco', 'cdio'] as const;

/** Days a personal API token lives when no expiry is given, and the longest allowed. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
