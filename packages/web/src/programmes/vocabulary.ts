/**
 * The vocabularies of programmes as plain values for the browser (see api/vocabulary.ts for why they are copies),
 * each checked against its contract type here and against the contract value in vocabulary.test.ts.
 */
import type {
  ContributionKind,
  DisciplineComponent,
  DisciplineCycle,
  EquivalenceRule,
  ProgrammeLevel,
  ProgrammeVersionStatus,
} from '@kadr/contracts';
import { listOf } from '../api/vocabulary';

export const PROGRAMME_LEVELS = listOf<ProgrammeLevel>()(['bachelor', 'master', 'doctorate']);
export const PROGRAMME_VERSION_STATUSES = listOf<ProgrammeVersionStatus>()(['draft', 'active', 'superseded']);
export const CONTRIBUTION_KINDS = listOf<ContributionKind>()([
  'curriculum',
  'teaching',
  'labs',
  'practice',
  'degree',
  'mobility',
]);
export const DISCIPLINE_CYCLES = listOf<DisciplineCycle>()(['general', 'basic', 'major']);
export const DISCIPLINE_COMPONENTS = listOf<DisciplineComponent>()(['compulsory', 'university', 'elective']);
export const EQUIVALENCE_RULES = listOf<EquivalenceRule>()(['ects', 'hours', 'content']);
/** The latest semester a discipline may have (contracts' MAX_SEMESTERS). */
export const MAX_SEMESTERS = 12;
