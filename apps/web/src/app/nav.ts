import type { ComponentType } from 'react';
import type { Role } from '@web/shared/session/session-context';
import { ActionsBadge } from '@web/features/work-queue/components/actions-badge';
import { ChangesCount } from '@web/features/municipality-overview/components/changes-count';
import type { sharedMessages } from '@web/shared/i18n/messages';

type NavKey = keyof typeof sharedMessages.nl;

export interface NavItem {
  to: string;
  label: NavKey;
  /** Who sees it in the main menu. */
  roles: Role[];
  /** Only active on exactly this path (the start page). */
  end?: boolean;
  /** Shown after the label (e.g. a count). */
  Badge?: ComponentType;
  /** A page the server serves itself (a full page load, not a route). */
  external?: boolean;
}

/** The main menu by role; each workspace adds its entries here. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'app.nav.start', roles: ['ORGANISATION_MEMBER', 'INSPECTOR', 'MUNICIPALITY_REVIEWER', 'ADMIN'], end: true },
  { to: '/points', label: 'app.nav.points', roles: ['ORGANISATION_MEMBER'] },
  { to: '/plans', label: 'app.nav.plans', roles: ['ORGANISATION_MEMBER'] },
  { to: '/work-queue', label: 'app.nav.workQueue', roles: ['INSPECTOR'], Badge: ActionsBadge },
  { to: '/deadlines', label: 'app.nav.deadlines', roles: ['INSPECTOR'] },
  { to: '/portfolio', label: 'app.nav.portfolio', roles: ['INSPECTOR'] },
  { to: '/reports/new', label: 'app.nav.newReport', roles: ['INSPECTOR'] },
  { to: '/overview', label: 'app.nav.overview', roles: ['MUNICIPALITY_REVIEWER'], Badge: ChangesCount },
  { to: '/themes', label: 'app.nav.themes', roles: ['MUNICIPALITY_REVIEWER', 'INSPECTOR'] },
  { to: '/admin/organisations', label: 'app.nav.organisations', roles: ['ADMIN'] },
  { to: '/admin/accounts', label: 'app.nav.accounts', roles: ['ADMIN'] },
  { to: '/admin/queues', label: 'app.nav.queues', roles: ['ADMIN'], external: true },
  { to: '/extensions', label: 'app.nav.extensions', roles: ['ORGANISATION_MEMBER'] },
  { to: '/notifications', label: 'app.nav.notifications', roles: ['ORGANISATION_MEMBER', 'INSPECTOR', 'MUNICIPALITY_REVIEWER', 'ADMIN'] },
  { to: '/account', label: 'app.nav.account', roles: ['ORGANISATION_MEMBER', 'INSPECTOR', 'MUNICIPALITY_REVIEWER', 'ADMIN'] },
];

export function navFor(role: Role | undefined): NavItem[] {
  return role ? NAV_ITEMS.filter((i) => i.roles.includes(role)) : [];
}
