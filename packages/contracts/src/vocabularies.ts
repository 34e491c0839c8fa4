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

/** The roles of Kadr (DESIGN.md, "Who uses it"). */
export const ROLES = [
  'admin',
  'coordinator',
  'officer',
  'admissions',
  'partner',
  'mentor',
  'student',
  'observer',
] as const;

/** Interface and data languages: Kazakh, Russian, English. */
export const LOCALES = ['kk', 'ru', 'en'] as const;

export const ORGANISATION_KINDS = ['home_university', 'partner_university', 'company', 'agency'] as const;

/**
 * The sector an organisation works in: a closed list of codes, named in the three languages by the web app (like
 * priority areas), so a Kazakh page never shows a sector typed in English (issue 9 §7, ADR 0015). `other` for a
 * sector the list does not name.
 */
export const ORGANISATION_SECTORS = [
  'higher_education',
  'oil_and_gas',
  'petrochemicals',
  'mining_and_metallurgy',
  'machine_building',
  'energy',
  'chemicals',
  'construction',
  'transport_and_logistics',
  'it_and_telecom',
  'agriculture',
  'public_administration',
  'other',
] as const;

/** Priority areas of the founding context; stored as codes, named in the three languages by the web app. */
export const PRIORITY_AREAS = ['petrochemistry', 'metallurgy', 'energy', 'it'] as const;

/** Where investment money came from. `ppp_partner` needs an organisation and an agreement. */
export const INVESTMENT_SOURCES = ['state_budget', 'ppp_partner', 'grant', 'own_funds'] as const;

export const AGREEMENT_KINDS = [
  'mou',
  'joint_programme',
  'foreign_branch',
  'ppp',
  'dual_education',
  'practice_base',
] as const;

/**
 * The lifecycle: draft → active → expiring → expired, or terminated (from active or expiring).
 * Only draft, active and terminated are stored; an active agreement reads as `expiring` within
 * AGREEMENT_EXPIRING_DAYS of its valid-until date and as `expired` after it, computed at read time.
 */
export const AGREEMENT_STATUSES = ['draft', 'active', 'expiring', 'expired', 'terminated'] as const;

export const OBLIGATION_KINDS = [
  'deliverable',
  'instalment',
  'practice_places',
  'equipment_delivery',
] as const;

/** Status of a foreign university's branch on our campus. */
export const BRANCH_STATUSES = ['none', 'planned', 'open'] as const;

/** Degree awarded by a joint programme. */
export const DEGREE_TYPES = ['single', 'double', 'joint'] as const;

/** What can be imported from CSV or XLSX. */
export const IMPORT_KINDS = [
  'organisations',
  'equipment',
  'investments',
  'students',
  'results',
  'demand',
] as const;

export const EQUIPMENT_CONDITIONS = ['new', 'good', 'fair', 'poor', 'written_off'] as const;

/** Why an asset is booked: a discipline's class, a practice, or one student's training. */
export const BOOKING_PURPOSES = ['discipline_session', 'practice', 'individual_training'] as const;

export const BOOKING_STATUSES = ['scheduled', 'cancelled'] as const;

/** The first year of the ledger: investments since 2015 (DESIGN.md, founding context). */
export const LEDGER_FIRST_YEAR = 2015;

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

/** Header names of the API. */
export const CSRF_HEADER = 'x-csrf-token';

/** The page size of a list endpoint when none is asked for (MAX_PAGE_SIZE, in lists.ts, is the most). */
export const DEFAULT_PAGE_SIZE = 25;

/** State of a student's enrolment in a programme version. */
export const ENROLMENT_STATUSES = ['active', 'on-leave', 'graduated', 'withdrawn'] as const;

/**
 * What a consent lets a partner see of a student (DOMAIN §8: consent lists the data):
 * `profile` name and programme; `contacts` e-mail and phone; `results` discipline results and GPA;
 * `passport` the competency passport.
 */
export const CONSENT_SCOPES = ['profile', 'contacts', 'results', 'passport'] as const;

/** Letter grades of the national scale (DOMAIN §1), best first. */
export const GRADE_LETTERS = ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'F'] as const;

export const PROJECT_KINDS = ['branch', 'joint_programme'] as const;

export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;

/** Stored milestone statuses; `overdue` is read from the due date (pending or in progress after it). */
export const STORED_MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;

/** The regions of Kazakhstan (17 regions and the 3 cities of republican significance), as codes. */
export const KZ_REGIONS = [
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'west_kazakhstan',
  'zhambyl',
  'zhetysu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'pavlodar',
  'north_kazakhstan',
  'turkestan',
  'ulytau',
  'east_kazakhstan',
  'astana',
  'almaty',
  'shymkent',
] as const;

/** Level of an educational programme (DOMAIN §1: bachelor 6B…, master 7M…, doctorate 8D…). */
export const PROGRAMME_LEVELS = ['bachelor', 'master', 'doctorate'] as const;

/**
 * Life of a programme version: a `draft` is edited; it becomes `active` once every co-developer has
 * approved it (the previous active version becomes `superseded`). Students stay on the version they enrolled in.
 */
export const PROGRAMME_VERSION_STATUSES = ['draft', 'active', 'superseded'] as const;

/** What a co-developer brought to a programme. */
export const CONTRIBUTION_KINDS = [
  'curriculum',
  'teaching',
  'labs',
  'practice',
  'degree',
  'mobility',
] as const;

/** Cycle of a discipline in the curriculum (DOMAIN §1): general education, basic, major. */
export const DISCIPLINE_CYCLES = ['general', 'basic', 'major'] as const;

/** Component of a discipline within its cycle (DOMAIN §1). */
export const DISCIPLINE_COMPONENTS = ['compulsory', 'university', 'elective'] as const;

/**
 * How a partner-university course was judged equivalent to a discipline:
 * `ects` one national credit for one ECTS credit (DOMAIN §1: ECTS adopted without changes);
 * `hours` by study hours (1 national credit = 30 academic hours);
 * `content` by comparison of learning outcomes, decided by the academic committee.
 */
export const EQUIVALENCE_RULES = ['ects', 'hours', 'content'] as const;

/** The most semesters of a programme, and so the latest semester of a discipline (the schema's limit). */
export const MAX_SEMESTERS = 12;

/** Outbox states: pending (to send or to retry), sent, failed (retries exhausted). */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;

/**
 * The kinds of message: a round opened for ranking, a round's results published, a response deadline coming,
 * a journal entry approved or returned by the mentor, a mentor's single-use link.
 */
export const NOTIFICATION_KINDS = [
  'round-opened',
  'round-results',
  'response-deadline',
  'journal-approved',
  'journal-returned',
  'mentor-link',
] as const;
