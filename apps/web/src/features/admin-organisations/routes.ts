import type { RouteObject } from 'react-router';

export const adminOrganisationRoutes: RouteObject[] = [
  { path: 'admin/organisations', lazy: () => import('./routes/organisations-route').then((m) => ({ Component: m.OrganisationsRoute })) },
  {
    path: 'admin/organisations/new',
    lazy: () => import('./routes/organisation-form-route').then((m) => ({ Component: m.NewOrganisationRoute })),
  },
  {
    path: 'admin/organisations/:id',
    lazy: () => import('./routes/organisation-form-route').then((m) => ({ Component: m.EditOrganisationRoute })),
  },
];
