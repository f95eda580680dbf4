import type { RouteObject } from 'react-router';

export const auditRoutes: RouteObject[] = [
  {
    path: 'investigations/:investigationId/audits/:auditId',
    lazy: () => import('./routes/judge-audit-route').then((m) => ({ Component: m.JudgeAuditRoute })),
  },
  { path: 'verify/:planId', lazy: () => import('./routes/verify-route').then((m) => ({ Component: m.VerifyRoute })) },
];
