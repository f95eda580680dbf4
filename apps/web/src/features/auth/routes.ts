import type { RouteObject } from 'react-router';

/** Pages anyone may open. */
export const publicAuthRoutes: RouteObject[] = [
  { path: 'sign-in', lazy: () => import('./routes/sign-in-route').then((m) => ({ Component: m.SignInRoute })) },
  { path: 'forgot-password', lazy: () => import('./routes/forgot-password-route').then((m) => ({ Component: m.ForgotPasswordRoute })) },
  { path: 'reset-password', lazy: () => import('./routes/reset-password-route').then((m) => ({ Component: m.ResetPasswordRoute })) },
];

/** Pages for signed-in users. */
export const authRoutes: RouteObject[] = [];
