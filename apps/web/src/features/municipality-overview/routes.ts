import type { RouteObject } from 'react-router';

export const municipalityOverviewRoutes: RouteObject[] = [
  { path: 'overview', lazy: () => import('./routes/overview-route').then((m) => ({ Component: m.OverviewRoute })) },
  { path: 'overview/progress', lazy: () => import('./routes/progress-route').then((m) => ({ Component: m.ProgressRoute })) },
  { path: 'overview/changes', lazy: () => import('./routes/changes-route').then((m) => ({ Component: m.ChangesRoute })) },
  {
    path: 'overview/investigations/:investigationId',
    lazy: () => import('./routes/investigation-route').then((m) => ({ Component: m.InvestigationRoute })),
  },
];
