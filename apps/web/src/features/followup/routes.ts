import type { RouteObject } from 'react-router';

export const followupRoutes: RouteObject[] = [
  { path: 'plans/:planId/audit', lazy: () => import('./routes/audit-route').then((m) => ({ Component: m.AuditRoute })) },
  { path: 'extensions', lazy: () => import('./routes/extensions-route').then((m) => ({ Component: m.ExtensionsRoute })) },
];
