import type { Role } from '@kadr/contracts';
import {
  IconBriefcase,
  IconBuilding,
  IconBuildingFactory2,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconCertificate,
  IconChartBar,
  IconChartLine,
  IconChartPie,
  IconCoin,
  IconFileImport,
  IconFileText,
  IconFlask,
  IconHeartHandshake,
  IconHistory,
  IconHome,
  IconListNumbers,
  IconNotebook,
  IconScale,
  IconListTree,
  IconArrowsShuffle,
  IconClipboardCheck,
  IconTrophy,
  IconMailForward,
  type IconProps,
  IconSchool,
  IconTimeline,
  IconUserCheck,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

/** Every path the navigation can point to. */
export type NavPath =
  | '/'
  | '/admin/users'
  | '/organisations'
  | '/organisation'
  | '/partners'
  | '/partnership'
  | '/agreements'
  | '/investments'
  | '/material'
  | '/bookings'
  | '/programmes'
  | '/students'
  | '/student'
  | '/offers'
  | '/rounds'
  | '/frameworks'
  | '/aggregates'
  | '/strategy'
  | '/demand'
  | '/demand/gaps'
  | '/projects'
  | '/admin/imports'
  | '/admin/audit'
  | '/admin/outbox'
  | '/placements/dashboard'
  | '/passport'
  | '/allocation'
  | '/placements/results'
  | '/round-results'
  | '/placements'
  | '/profile';

/** One entry of the sidebar. */
export interface NavItem {
  /** Stable id, also used by route guards and tests (`data-nav` attribute). */
  id: string;
  path: NavPath;
  /** i18n key of the label. */
  labelKey: string;
  icon: ComponentType<IconProps>;
  /** The roles that see the item (and may open its page). */
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['admin', 'coordinator', 'officer', 'admissions', 'observer'];
const SCOPED: readonly Role[] = ['partner', 'mentor', 'student'];
const EVERYONE: readonly Role[] = [...STAFF, ...SCOPED];
/** Staff who read partners, agreements and the ledger (admissions and observers do not). */
const PARTNER_STAFF: readonly Role[] = ['admin', 'coordinator', 'officer'];

/**
 * The one navigation config. Later capabilities add their entries here; the order here is the
 * order in the sidebar.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', labelKey: 'nav.home', icon: IconHome, roles: EVERYONE },
  { id: 'users', path: '/admin/users', labelKey: 'nav.users', icon: IconUsers, roles: ['admin'] },
  {
    id: 'organisations',
    path: '/organisations',
    labelKey: 'nav.organisations',
    icon: IconBuildingCommunity,
    roles: STAFF,
  },
  {
    id: 'organisation',
    path: '/organisation',
    labelKey: 'nav.organisation',
    icon: IconBuilding,
    roles: SCOPED,
  },
  {
    id: 'partners',
    path: '/partners',
    labelKey: 'nav.partners',
    icon: IconHeartHandshake,
    roles: PARTNER_STAFF,
  },
  {
    id: 'partnership',
    path: '/partnership',
    labelKey: 'nav.partnership',
    icon: IconHeartHandshake,
    roles: ['partner'],
  },
  {
    id: 'agreements',
    path: '/agreements',
    labelKey: 'nav.agreements',
    icon: IconFileText,
    roles: [...PARTNER_STAFF, 'partner'],
  },
  {
    id: 'investments',
    path: '/investments',
    labelKey: 'nav.investments',
    icon: IconCoin,
    roles: [...PARTNER_STAFF, 'partner'],
  },
  { id: 'material', path: '/material', labelKey: 'nav.material', icon: IconFlask, roles: PARTNER_STAFF },
  {
    id: 'bookings',
    path: '/bookings',
    labelKey: 'nav.bookings',
    icon: IconCalendarEvent,
    roles: PARTNER_STAFF,
  },
  {
    id: 'programmes',
    path: '/programmes',
    labelKey: 'nav.programmes',
    icon: IconSchool,
    roles: [...PARTNER_STAFF, 'partner', 'student', 'observer'],
  },
  {
    id: 'students',
    path: '/students',
    labelKey: 'nav.students',
    icon: IconUsersGroup,
    roles: [...PARTNER_STAFF, 'partner'],
  },
  { id: 'myStudent', path: '/student', labelKey: 'nav.myStudent', icon: IconNotebook, roles: ['student'] },
  {
    id: 'offers',
    path: '/offers',
    labelKey: 'nav.offers',
    icon: IconBuildingFactory2,
    roles: [...PARTNER_STAFF, 'partner', 'student'],
  },
  {
    id: 'rounds',
    path: '/rounds',
    labelKey: 'nav.rounds',
    icon: IconListNumbers,
    roles: [...PARTNER_STAFF, 'partner', 'student', 'observer'],
  },
  {
    id: 'frameworks',
    path: '/frameworks',
    labelKey: 'nav.frameworks',
    icon: IconListTree,
    roles: ['admin', 'coordinator', 'officer', 'observer'],
  },
  {
    id: 'aggregates',
    path: '/aggregates',
    labelKey: 'nav.aggregates',
    icon: IconChartBar,
    roles: ['observer'],
  },
  {
    id: 'strategy',
    path: '/strategy',
    labelKey: 'nav.strategy',
    icon: IconChartLine,
    roles: [...PARTNER_STAFF, 'observer'],
  },
  {
    id: 'placementDashboard',
    path: '/placements/dashboard',
    labelKey: 'nav.placementDashboard',
    icon: IconChartPie,
    roles: [...PARTNER_STAFF, 'partner', 'observer'],
  },
  { id: 'projects', path: '/projects', labelKey: 'nav.projects', icon: IconTimeline, roles: PARTNER_STAFF },
  {
    id: 'demand',
    path: '/demand',
    labelKey: 'nav.demand',
    icon: IconBriefcase,
    roles: [...PARTNER_STAFF, 'partner'],
  },
  {
    id: 'gaps',
    path: '/demand/gaps',
    labelKey: 'nav.gaps',
    icon: IconScale,
    roles: [...PARTNER_STAFF, 'observer'],
  },
  { id: 'imports', path: '/admin/imports', labelKey: 'nav.imports', icon: IconFileImport, roles: ['admin'] },
  { id: 'audit', path: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, roles: ['admin'] },
  {
    id: 'outbox',
    path: '/admin/outbox',
    labelKey: 'nav.outbox',
    icon: IconMailForward,
    roles: ['admin', 'officer'],
  },
  { id: 'passport', path: '/passport', labelKey: 'nav.passport', icon: IconCertificate, roles: ['student'] },
  {
    id: 'allocation',
    path: '/allocation',
    labelKey: 'nav.allocation',
    icon: IconArrowsShuffle,
    roles: PARTNER_STAFF,
  },
  {
    id: 'placementResults',
    path: '/placements/results',
    labelKey: 'nav.placementResults',
    icon: IconTrophy,
    roles: ['student'],
  },
  {
    id: 'roundResults',
    path: '/round-results',
    labelKey: 'nav.roundResults',
    icon: IconClipboardCheck,
    roles: [...PARTNER_STAFF, 'partner'],
  },
  {
    id: 'placements',
    path: '/placements',
    labelKey: 'nav.placements',
    icon: IconUserCheck,
    roles: [...PARTNER_STAFF, 'partner', 'mentor', 'student'],
  },
  { id: 'profile', path: '/profile', labelKey: 'nav.profile', icon: IconUserCircle, roles: EVERYONE },
];

/**
 * The sidebar entries of a role, in order.
 * @example navItemsFor('student').map((i) => i.id) // ['home', 'organisation', 'programmes', 'myStudent', 'passport', 'profile']
 */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** Whether a role may open the page of a navigation entry. */
export function canOpen(role: Role, itemId: string): boolean {
  return NAV_ITEMS.some((item) => item.id === itemId && item.roles.includes(role));
}
