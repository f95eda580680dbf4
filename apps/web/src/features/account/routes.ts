import type { RouteObject } from 'react-router';

export const accountRoutes: RouteObject[] = [
  { path: 'notifications', lazy: () => import('./routes/notifications-route').then((m) => ({ Component: m.NotificationsRoute })) },
  { path: 'account', lazy: () => import('./routes/account-route').then((m) => ({ Component: m.AccountRoute })) },
];
