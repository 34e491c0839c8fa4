/**
 * The fixed vocabularies of the API (roles, languages, kinds…) for the browser: the contracts' own lists, from
 * `@kadr/contracts/vocabularies`, the one module of the contracts that loads no zod. What the first page imports
 * must stay free of zod (ADR 0014); forms load the contracts' schemas when they open (ADR 0006, ADR 0019).
 */
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  AUDIT_ACTIONS,
  BOOKING_PURPOSES,
  BOOKING_STATUSES,
  BRANCH_STATUSES,
  CONSENT_SCOPES,
  CSRF_HEADER,
  DEFAULT_PAGE_SIZE,
  DEGREE_TYPES,
  ENROLMENT_STATUSES,
  EQUIPMENT_CONDITIONS,
  GRADE_LETTERS,
  IMPORT_KINDS,
  INVESTMENT_SOURCES,
  KZ_REGIONS,
  LEDGER_FIRST_YEAR,
  LOCALES,
  OBLIGATION_KINDS,
  ORGANISATION_KINDS,
  ORGANISATION_SECTORS,
  PRIORITY_AREAS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  ROLES,
  STORED_MILESTONE_STATUSES,
} from '@kadr/contracts/vocabularies';
