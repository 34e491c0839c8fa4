/**
 * The sidebar each role must show, in order: the one list that the navigation test (`navigation.test.ts`) and the
 * browser journey (`e2e/role-journey.ts`, each demo user) check against. An entry added to or taken from a role's
 * navigation fails both until it is written here. Plain data with no imports, so that the journeys load it with tsx.
 */

/** The capability pages coordinators, officers and admins all have, between home and the placement pages. */
const STAFF_PAGES = [
  'organisations',
  'partners',
  'agreements',
  'investments',
  'material',
  'bookings',
  'programmes',
  'students',
  'offers',
  'rounds',
  'frameworks',
  'strategy',
  'placementDashboard',
  'projects',
  'demand',
  'gaps',
] as const;

/** The placement pages and the profile: the end of every staff sidebar. */
const STAFF_END = ['allocation', 'roundResults', 'placements', 'profile'] as const;

/** The navigation ids of each role's sidebar, in order. */
export const NAV_BY_ROLE = {
  admin: ['home', 'users', ...STAFF_PAGES, 'imports', 'audit', 'outbox', ...STAFF_END],
  coordinator: ['home', ...STAFF_PAGES, ...STAFF_END],
  officer: ['home', ...STAFF_PAGES, 'outbox', ...STAFF_END],
  admissions: ['home', 'organisations', 'profile'],
  observer: [
    'home',
    'organisations',
    'programmes',
    'rounds',
    'frameworks',
    'aggregates',
    'strategy',
    'placementDashboard',
    'gaps',
    'profile',
  ],
  partner: [
    'home',
    'organisation',
    'partnership',
    'agreements',
    'investments',
    'programmes',
    'students',
    'offers',
    'rounds',
    'placementDashboard',
    'demand',
    'roundResults',
    'placements',
    'profile',
  ],
  mentor: ['home', 'organisation', 'placements', 'profile'],
  student: [
    'home',
    'organisation',
    'programmes',
    'myStudent',
    'offers',
    'rounds',
    'passport',
    'placementResults',
    'placements',
    'profile',
  ],
} as const satisfies Record<string, readonly string[]>;
