import type { RouteObject } from 'react-router';

export const reportRecordingRoutes: RouteObject[] = [
  { path: 'reports/new', lazy: () => import('./routes/new-report-route').then((m) => ({ Component: m.NewReportRoute })) },
  { path: 'reports/:investigationId', lazy: () => import('./routes/draft-report-route').then((m) => ({ Component: m.DraftReportRoute })) },
];
