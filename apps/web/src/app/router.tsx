import { createBrowserRouter, type RouteObject } from 'react-router';
import { authRoutes, publicAuthRoutes } from '@web/features/auth/routes';
import { startRoutes } from '@web/features/start/routes';
import { planRoutes } from '@web/features/plans/routes';
import { workQueueRoutes } from '@web/features/work-queue/routes';
import { investigationRoutes } from '@web/features/investigations/routes';
import { assessmentRoutes } from '@web/features/assessment/routes';
import { auditRoutes } from '@web/features/audits/routes';
import { extensionRoutes } from '@web/features/extensions/routes';
import { municipalityOverviewRoutes } from '@web/features/municipality-overview/routes';
import { themeRoutes } from '@web/features/themes/routes';
import { adminOrganisationRoutes } from '@web/features/admin-organisations/routes';
import { adminAccountRoutes } from '@web/features/admin-accounts/routes';
import { accountRoutes } from '@web/features/account/routes';
import { followupRoutes } from '@web/features/followup/routes';
import { enforcementRoutes } from '@web/features/enforcement/routes';
import { portfolioRoutes } from '@web/features/portfolio/routes';
import { reportRecordingRoutes } from '@web/features/report-recording/routes';
import { ErrorPage } from '@web/shared/components/error-page';
import { Layout } from './layout';
import { RequireSession } from './require-session';
import type { RouteHandle } from './route-handle';
import { RouteError } from './route-error';

/** Each feature exports its routes (lazy, one chunk per page); the shell puts them in place. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      ...publicAuthRoutes,
      {
        element: <RequireSession />,
        handle: { needsSession: true } satisfies RouteHandle,
        children: [
          ...startRoutes,
          ...planRoutes,
          ...workQueueRoutes,
          ...investigationRoutes,
          ...portfolioRoutes,
          ...reportRecordingRoutes,
          ...assessmentRoutes,
          ...auditRoutes,
          ...extensionRoutes,
          ...municipalityOverviewRoutes,
          ...themeRoutes,
          ...adminOrganisationRoutes,
          ...adminAccountRoutes,
          ...followupRoutes,
          ...enforcementRoutes,
          ...accountRoutes,
          ...authRoutes,
        ],
      },
      { path: '*', element: <ErrorPage kind="not-found" /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
