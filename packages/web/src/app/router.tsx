import type { Me } from '@kadr/contracts';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQueryOptions } from '../api/auth';
import { programmeAnalysisQueryOptions } from '../api/passport';
import { loadAnalysisPage, loadAppLayout } from './early';
import { canOpen } from './navigation';
import { NotFoundPage, PageLoader, RouteErrorPage } from './status-pages';

/** What every route can reach: the query client (for the session guard). */
export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {},
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: '/' });
  },
  // A chunk of its own: a signed-in visitor's first page does not load the sign-in form (ADR 0013).
  component: lazyRouteComponent(() => import('../auth/sign-in-page'), 'SignInPage'),
});

/** The signed-in part of the app: every child needs a session, else it goes to the sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) {
      const back = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/sign-in', search: back ? { redirect: back } : {} });
    }
    return { me };
  },
  // The shell (header, navigation) loads after sign-in: the sign-in page does not show it.
  component: lazyRouteComponent(loadAppLayout, 'AppLayout'),
});

/** A guard that sends users whose role lacks every one of the navigation entries back to their home page. */
function requireNav(...itemIds: string[]) {
  return ({ context }: { context: { me: Me } }) => {
    if (!itemIds.some((id) => canOpen(context.me.role, id))) throw redirect({ to: '/' });
  };
}

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../home/home-page'), 'HomePage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../profile/profile-page'), 'ProfilePage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  beforeLoad: requireNav('users'),
  component: lazyRouteComponent(() => import('../users/users-page'), 'UsersPage'),
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations',
  beforeLoad: requireNav('organisations'),
  component: lazyRouteComponent(() => import('../organisations/organisations-page'), 'OrganisationsPage'),
});

const ownOrganisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisation',
  beforeLoad: requireNav('organisation'),
  component: lazyRouteComponent(
    () => import('../organisations/own-organisation-page'),
    'OwnOrganisationPage',
  ),
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  beforeLoad: requireNav('partners'),
  component: lazyRouteComponent(() => import('../partners/partners-page'), 'PartnersPage'),
});

/** A partner user may open this path too: the API answers 404 for any partner but its own. */
const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$partnerId',
  beforeLoad: requireNav('partners', 'partnership'),
  component: lazyRouteComponent(() => import('../partners/partner-page'), 'PartnerPage'),
});

const partnershipRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partnership',
  beforeLoad: requireNav('partnership'),
  component: lazyRouteComponent(() => import('../partners/partner-page'), 'OwnPartnerPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements',
  // `?view=expiring|overdue` opens the renewal reminders or the overdue obligations (linked from home).
  validateSearch: (search: Record<string, unknown>): { view?: 'expiring' | 'overdue' } =>
    search.view === 'expiring' || search.view === 'overdue' ? { view: search.view } : {},
  beforeLoad: requireNav('agreements'),
  component: lazyRouteComponent(() => import('../agreements/agreements-page'), 'AgreementsPage'),
});

const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements/$agreementId',
  beforeLoad: requireNav('agreements'),
  component: lazyRouteComponent(() => import('../agreements/agreement-page'), 'AgreementPage'),
});

const investmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/investments',
  beforeLoad: requireNav('investments'),
  component: lazyRouteComponent(() => import('../investments/investments-page'), 'InvestmentsPage'),
});

const materialRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/material',
  beforeLoad: requireNav('material'),
  component: lazyRouteComponent(() => import('../material/material-base-page'), 'MaterialBasePage'),
});

const bookingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bookings',
  beforeLoad: requireNav('bookings'),
  component: lazyRouteComponent(() => import('../bookings/bookings-page'), 'BookingsPage'),
});

const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes',
  beforeLoad: requireNav('programmes'),
  component: lazyRouteComponent(() => import('../programmes/programmes-page'), 'ProgrammesPage'),
});

/** The API answers 404 for a programme outside the reader's scope (a partner's, a student's own). */
const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programmes/$programmeId',
  beforeLoad: requireNav('programmes'),
  component: lazyRouteComponent(() => import('../programmes/programme-page'), 'ProgrammePage'),
});

const programmeVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programme-versions/$versionId',
  beforeLoad: requireNav('programmes'),
  component: lazyRouteComponent(() => import('../programmes/version-page'), 'VersionPage'),
});

const studentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/students',
  beforeLoad: requireNav('students'),
  component: lazyRouteComponent(() => import('../students/students-page'), 'StudentsPage'),
});

/** A partner opens a student who consented; the API answers 404 for any other. */
const studentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/students/$studentId',
  beforeLoad: requireNav('students'),
  component: lazyRouteComponent(() => import('../students/student-page'), 'StudentPage'),
});

const ownStudentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/student',
  beforeLoad: requireNav('myStudent'),
  component: lazyRouteComponent(() => import('../students/student-page'), 'OwnStudentPage'),
});

const offersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/offers',
  beforeLoad: requireNav('offers'),
  component: lazyRouteComponent(() => import('../placements/offers-page'), 'OffersPage'),
});

const roundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rounds',
  beforeLoad: requireNav('rounds'),
  component: lazyRouteComponent(() => import('../placements/rounds-page'), 'RoundsPage'),
});

/** One round; the API answers 404 to a partner or student outside it. */
const roundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rounds/$roundId',
  beforeLoad: requireNav('rounds'),
  component: lazyRouteComponent(() => import('../placements/round-page'), 'RoundPage'),
});

/** The signed-in student's ranking of a round's offers. */
const rankingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rounds/$roundId/ranking',
  beforeLoad: requireNav('offers'),
  component: lazyRouteComponent(() => import('../placements/ranking-page'), 'RankingPage'),
});

/** The applicants of an offer in a round, for its partner (and staff). */
const applicantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rounds/$roundId/offers/$offerId',
  beforeLoad: requireNav('offers'),
  component: lazyRouteComponent(() => import('../placements/applicants-page'), 'ApplicantsPage'),
});

const aggregatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aggregates',
  beforeLoad: requireNav('aggregates'),
  component: lazyRouteComponent(() => import('../investments/aggregates-page'), 'AggregatesPage'),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/imports',
  beforeLoad: requireNav('imports'),
  component: lazyRouteComponent(() => import('../imports/imports-page'), 'ImportsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  beforeLoad: requireNav('audit'),
  component: lazyRouteComponent(() => import('../audit/audit-page'), 'AuditPage'),
});

const placementDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placements/dashboard',
  beforeLoad: requireNav('placementDashboard'),
  component: lazyRouteComponent(
    () => import('../placement-dashboard/placement-dashboard-page'),
    'PlacementDashboardPage',
  ),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/outbox',
  beforeLoad: requireNav('outbox'),
  component: lazyRouteComponent(() => import('../notifications/outbox-page'), 'OutboxPage'),
});

/** The officer's allocation of a round: run, progress, preview, publish. */
const allocationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/allocation',
  validateSearch: (search: Record<string, unknown>): { round?: number } => {
    const round = Number(search.round);
    return Number.isInteger(round) && round > 0 ? { round } : {};
  },
  beforeLoad: requireNav('allocation'),
  component: lazyRouteComponent(() => import('../placements/allocation-page'), 'AllocationPage'),
});

/** The student's placement results with the explanation, accept or decline. */
const placementResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placements/results',
  beforeLoad: requireNav('placementResults'),
  component: lazyRouteComponent(() => import('../placements/my-results-page'), 'MyPlacementResultsPage'),
});

/** Who was placed at each offer of a published round. */
const roundResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/round-results',
  beforeLoad: requireNav('roundResults'),
  component: lazyRouteComponent(() => import('../placements/round-results-page'), 'RoundResultsPage'),
});

/** The signed-in student's own competency passport. */
const passportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/passport',
  beforeLoad: requireNav('passport'),
  component: lazyRouteComponent(() => import('../passport/passport-page'), 'MyPassportPage'),
});

/** A student's passport for staff and partners: the API answers 404 unless the reader may see it. */
const studentPassportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/students/$studentId/passport',
  component: lazyRouteComponent(() => import('../passport/passport-page'), 'StudentPassportPage'),
});

/** The matrix, balance and gaps of a programme version (a partner only of programmes it co-develops). */
const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programme-versions/$versionId/analysis',
  // The analysis is asked for while the page's code loads, not after (bench:matrix: one round trip less before
  // the matrix paints); on a first load main.tsx asked for both already (early.ts), and this call takes that
  // answer. Not awaited: the page shows its own loader and error.
  loader: ({ context, params }) => {
    const versionId = Number(params.versionId);
    if (Number.isInteger(versionId) && versionId > 0)
      void context.queryClient.prefetchQuery(programmeAnalysisQueryOptions(versionId));
  },
  component: lazyRouteComponent(loadAnalysisPage, 'AnalysisPage'),
});

const strategyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/strategy',
  beforeLoad: requireNav('strategy'),
  component: lazyRouteComponent(() => import('../strategy/strategy-page'), 'StrategyPage'),
});

const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects',
  beforeLoad: requireNav('projects'),
  component: lazyRouteComponent(() => import('../strategy/projects-page'), 'ProjectsPage'),
});

const demandRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/demand',
  validateSearch: (search: Record<string, unknown>): { plan?: number } => {
    const plan = Number(search.plan);
    return Number.isInteger(plan) && plan > 0 ? { plan } : {};
  },
  beforeLoad: requireNav('demand'),
  component: lazyRouteComponent(() => import('../demand/demand-page'), 'DemandPage'),
});

const gapsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/demand/gaps',
  beforeLoad: requireNav('gaps'),
  component: lazyRouteComponent(() => import('../demand/gaps-page'), 'GapsPage'),
});

const frameworksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/frameworks',
  beforeLoad: requireNav('frameworks'),
  component: lazyRouteComponent(() => import('../competencies/frameworks-page'), 'FrameworksPage'),
});

const frameworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/frameworks/$frameworkId',
  beforeLoad: requireNav('frameworks'),
  component: lazyRouteComponent(() => import('../competencies/framework-page'), 'FrameworkPage'),
});

/** Whoever may read the version opens its outcomes (partners and students too); the API answers 404 to others. */
const outcomesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programme-versions/$versionId/outcomes',
  beforeLoad: requireNav('home'),
  component: lazyRouteComponent(() => import('../competencies/outcomes-page'), 'OutcomesPage'),
});

/** The placements the reader may see, one placement, and its journal (issue 12, practice). */
const placementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placements',
  beforeLoad: requireNav('placements'),
  component: lazyRouteComponent(() => import('../placements/practice-list-page'), 'PlacementsPage'),
});

const placementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placements/$placementId',
  beforeLoad: requireNav('placements'),
  component: lazyRouteComponent(() => import('../placements/placement-page'), 'PlacementPage'),
});

const placementJournalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/placements/$placementId/journal',
  beforeLoad: requireNav('placements'),
  component: lazyRouteComponent(() => import('../placements/journal-page'), 'JournalPage'),
});

/** A mentor without an account: the single-use link, no session needed. */
const mentorLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mentor/$token',
  component: lazyRouteComponent(() => import('../placements/mentor-link-page'), 'MentorLinkPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  mentorLinkRoute,
  appRoute.addChildren([
    homeRoute,
    profileRoute,
    usersRoute,
    organisationsRoute,
    ownOrganisationRoute,
    partnersRoute,
    partnerRoute,
    partnershipRoute,
    agreementsRoute,
    agreementRoute,
    investmentsRoute,
    materialRoute,
    bookingsRoute,
    programmesRoute,
    programmeRoute,
    programmeVersionRoute,
    studentsRoute,
    studentRoute,
    ownStudentRoute,
    offersRoute,
    roundsRoute,
    roundRoute,
    rankingRoute,
    applicantsRoute,
    frameworksRoute,
    frameworkRoute,
    outcomesRoute,
    aggregatesRoute,
    strategyRoute,
    projectsRoute,
    demandRoute,
    gapsRoute,
    importsRoute,
    auditRoute,
    outboxRoute,
    placementDashboardRoute,
    allocationRoute,
    placementResultsRoute,
    roundResultsRoute,
    passportRoute,
    studentPassportRoute,
    analysisRoute,
    placementsRoute,
    placementRoute,
    placementJournalRoute,
  ]),
]);

/** Creates the router of the app (code-based routes). */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
