import type { RouteObject } from 'react-router';

export const adminAccountRoutes: RouteObject[] = [
  { path: 'admin/accounts', lazy: () => import('./routes/accounts-route').then((m) => ({ Component: m.AccountsRoute })) },
  { path: 'admin/accounts/new', lazy: () => import('./routes/new-account-route').then((m) => ({ Component: m.NewAccountRoute })) },
];
