import type { RouteObject } from 'react-router';

export const planRoutes: RouteObject[] = [
  { path: 'points', lazy: () => import('./routes/points-route').then((m) => ({ Component: m.PointsRoute })) },
  { path: 'plans', lazy: () => import('./routes/plans-route').then((m) => ({ Component: m.PlansRoute })) },
  { path: 'plans/:planId', lazy: () => import('./routes/plan-route').then((m) => ({ Component: m.PlanRoute })) },
  { path: 'plans/:planId/compare', lazy: () => import('./routes/compare-route').then((m) => ({ Component: m.CompareRoute })) },
];
