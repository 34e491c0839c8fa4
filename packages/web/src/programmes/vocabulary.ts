/** The vocabularies of programmes for the browser: the contracts' own lists, from their zod-free module. */
export {
  CONTRIBUTION_KINDS,
  DISCIPLINE_COMPONENTS,
  DISCIPLINE_CYCLES,
  EQUIVALENCE_RULES,
  MAX_SEMESTERS,
  PROGRAMME_LEVELS,
  PROGRAMME_VERSION_STATUSES,
} from '@kadr/contracts/vocabularies';
