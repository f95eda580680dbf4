import type { RouteObject } from 'react-router';

export const themeRoutes: RouteObject[] = [
  { path: 'themes', lazy: () => import('./routes/themes-route').then((m) => ({ Component: m.ThemesRoute })) },
];
