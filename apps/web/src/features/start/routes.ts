import type { RouteObject } from 'react-router';

export const startRoutes: RouteObject[] = [
  { index: true, lazy: () => import('./routes/start-route').then((m) => ({ Component: m.StartRoute })) },
];
