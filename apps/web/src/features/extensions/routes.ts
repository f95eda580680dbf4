import type { RouteObject } from 'react-router';

export const extensionRoutes: RouteObject[] = [
  { path: 'deadlines', lazy: () => import('./routes/extensions-route').then((m) => ({ Component: m.ExtensionsRoute })) },
];
