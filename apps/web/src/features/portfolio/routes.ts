import type { RouteObject } from 'react-router';

export const portfolioRoutes: RouteObject[] = [
  { path: 'portfolio', lazy: () => import('./routes/portfolio-route').then((m) => ({ Component: m.PortfolioRoute })) },
];
