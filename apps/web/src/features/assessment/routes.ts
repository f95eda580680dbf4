import type { RouteObject } from 'react-router';

export const assessmentRoutes: RouteObject[] = [
  { path: 'assess/:planId', lazy: () => import('./routes/assess-route').then((m) => ({ Component: m.AssessRoute })) },
];
