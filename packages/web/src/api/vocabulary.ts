/**
 * The fixed vocabularies of the API (roles, languages, kinds…) as plain values for the browser.
 *
 * Why copies: the same constants in @kadr/contracts live in modules that build zod schemas at load
 * time, and what the first page imports must stay free of zod (ADR 0014). Forms load the contracts' schemas
 * when they open (ADR 0006, ADR 0019); the shell and the lists take these copies instead, or the lists in
 * `@kadr/contracts/vocabularies`, which loads no zod either. Each list below is checked
 * against its contract type at compile time (`listOf`) and against the contract value in vocabulary.test.ts.
 */
import type {
  AgreementKind,
  AgreementStatus,
  AUDIT_ACTIONS as ContractAuditActions,
  BookingPurpose,
  BranchStatus,
  ConsentScope,
  BOOKING_STATUSES as ContractBookingStatuses,
  CSRF_HEADER as ContractCsrfHeader,
  DEFAULT_PAGE_SIZE as ContractPageSize,
  DegreeType,
  EnrolmentStatus,
  EquipmentCondition,
  GradeLetter,
  ImportKind,
  InvestmentSource,
  LEDGER_FIRST_YEAR as ContractLedgerFirstYear,
  Locale,
  ObligationKind,
  OrganisationKind,
  OrganisationSector,
  PriorityArea,
  ProjectKind,
  Region,
  ProjectStatus,
  Role,
} from '@kadr/contracts';

/**
 * Returns the list unchanged; compiles only when it names every member of `Union` and nothing else.
 * @example listOf<'a' | 'b'>()(['a', 'b'])
 */
export function listOf<Union>() {
  return <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : never),
  ): List => list;
}

/** The roles, in the order of DESIGN.md "Who uses it". */
export const ROLES = listOf<Role>()([
  'admin',
  'coordinator',
  'officer',
  'admissions',
  'partner',
  'mentor',
  'student',
  'observer',
]);

/** Interface languages: Kazakh, Russian, English. */
export const LOCALES = listOf<Locale>()(['kk', 'ru', 'en']);

/** Kinds of organisation. */
export const ORGANISATION_KINDS = listOf<OrganisationKind>()([
  'home_university',
  'partner_university',
  'company',
  'agency',
]);

/** Sectors an organisation works in. */
export const ORGANISATION_SECTORS = listOf<OrganisationSector>()([
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
]);

/** Priority areas of the founding context. */
export const PRIORITY_AREAS = listOf<PriorityArea>()(['petrochemistry', 'metallurgy', 'energy', 'it']);

/** Where investment money came from. */
export const INVESTMENT_SOURCES = listOf<InvestmentSource>()([
  'state_budget',
  'ppp_partner',
  'grant',
  'own_funds',
]);

/** Kinds of agreement. */
export const AGREEMENT_KINDS = listOf<AgreementKind>()([
  'mou',
  'joint_programme',
  'foreign_branch',
  'ppp',
  'dual_education',
  'practice_base',
]);

/** Statuses of an agreement as of today (expiring and expired are derived). */
export const AGREEMENT_STATUSES = listOf<AgreementStatus>()([
  'draft',
  'active',
  'expiring',
  'expired',
  'terminated',
]);

/** Kinds of obligation under an agreement. */
export const OBLIGATION_KINDS = listOf<ObligationKind>()([
  'deliverable',
  'instalment',
  'practice_places',
  'equipment_delivery',
]);

/** Branch statuses of a foreign partner university. */
export const BRANCH_STATUSES = listOf<BranchStatus>()(['none', 'planned', 'open']);

/** Degrees a joint programme awards. */
export const DEGREE_TYPES = listOf<DegreeType>()(['single', 'double', 'joint']);

/** What can be imported from CSV or XLSX. */
export const IMPORT_KINDS = listOf<ImportKind>()([
  'organisations',
  'equipment',
  'investments',
  'students',
  'results',
  'demand',
]);

/** States of an equipment item, from new to written off. */
export const EQUIPMENT_CONDITIONS = listOf<EquipmentCondition>()([
  'new',
  'good',
  'fair',
  'poor',
  'written_off',
]);

/** Why a lab or an item is booked. */
export const BOOKING_PURPOSES = listOf<BookingPurpose>()([
  'discipline_session',
  'practice',
  'individual_training',
]);

type BookingStatus = (typeof ContractBookingStatuses)[number];
/** Statuses of a booking. */
export const BOOKING_STATUSES = listOf<BookingStatus>()(['scheduled', 'cancelled']);

/** The first year of the investment ledger. */
export const LEDGER_FIRST_YEAR: typeof ContractLedgerFirstYear = 2015;

type AuditAction = (typeof ContractAuditActions)[number];
/** Actions recorded in the audit log. */
export const AUDIT_ACTIONS = listOf<AuditAction>()(['create', 'update', 'delete']);

/** The header that carries the session's CSRF token on writes. */
export const CSRF_HEADER: typeof ContractCsrfHeader = 'x-csrf-token';

/** Default page size of list endpoints. */
export const DEFAULT_PAGE_SIZE: typeof ContractPageSize = 25;

/** States of a student's enrolment. */
export const ENROLMENT_STATUSES = listOf<EnrolmentStatus>()(['active', 'on-leave', 'graduated', 'withdrawn']);

/** What a student's consent lets a partner see. */
export const CONSENT_SCOPES = listOf<ConsentScope>()(['profile', 'contacts', 'results', 'passport']);

/** Letter grades of the national scale, best first. */
export const GRADE_LETTERS = listOf<GradeLetter>()([
  'A',
  'A-',
  'B+',
  'B',
  'B-',
  'C+',
  'C',
  'C-',
  'D+',
  'D',
  'F',
]);

/** Kinds of strategy projects. */
export const PROJECT_KINDS = listOf<ProjectKind>()(['branch', 'joint_programme']);

/** Statuses of strategy projects. */
export const PROJECT_STATUSES = listOf<ProjectStatus>()(['planned', 'active', 'completed', 'cancelled']);

/** The stored statuses of a milestone (`overdue` is derived by the server). */
export const STORED_MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;

/** The regions of Kazakhstan a demand line names. */
export const KZ_REGIONS = listOf<Region>()([
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
]);
