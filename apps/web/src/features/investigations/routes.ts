import type { RouteObject } from 'react-router';

export const investigationRoutes: RouteObject[] = [
  {
    path: 'investigations/:investigationId',
    lazy: () => import('./routes/investigation-route').then((m) => ({ Component: m.InvestigationRoute })),
  },
];
