import type { RouteObject } from 'react-router';

export const enforcementRoutes: RouteObject[] = [
  {
    path: 'enforcement/plans/:planId',
    lazy: () => import('./routes/enforcement-route').then((m) => ({ Component: m.EnforcementRoute })),
  },
];
