import type { RouteObject } from 'react-router';

export const workQueueRoutes: RouteObject[] = [
  { path: 'work-queue', lazy: () => import('./routes/work-queue-route').then((m) => ({ Component: m.WorkQueueRoute })) },
];
