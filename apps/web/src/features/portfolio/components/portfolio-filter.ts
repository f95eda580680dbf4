import type { InvestigationStatus, OrganisationKind, PortfolioFilterInput, Theme } from '@web/gql/graphql';
import { INVOLVED_KINDS, THEMES } from '@web/shared/i18n/domain-messages';

export const STATUSES: readonly InvestigationStatus[] = ['DRAFT', 'FOLLOW_UP', 'CLOSED'] as InvestigationStatus[];

/** The filter as the URL keeps it, so a filtered view can be bookmarked, shared and reloaded. */
export interface PortfolioView {
  filter: PortfolioFilterInput;
  /** The cursor of the page shown (absent: the first page). */
  after?: string;
  /** Investigations per page (absent: the default). */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const PAGE_SIZES = [10, 25, 50] as const;

const PARAM = {
  municipalityId: 'gemeente',
  status: 'status',
  organisationKind: 'soort',
  theme: 'thema',
  late: 'te-laat',
  pageSize: 'per',
  after: 'na',
} as const;

function oneOf<T extends string>(value: string | null, allowed: readonly string[]): T | undefined {
  return value && allowed.includes(value) ? (value as T) : undefined;
}

/** Reads the view from the search params; unknown values are ignored rather than sent to the API. */
export function viewFromParams(params: URLSearchParams): PortfolioView {
  const filter: PortfolioFilterInput = {};
  const municipalityId = params.get(PARAM.municipalityId);
  if (municipalityId && /^[0-9a-f-]{36}$/i.test(municipalityId)) filter.municipalityId = municipalityId;
  const status = oneOf<InvestigationStatus>(params.get(PARAM.status), STATUSES);
  if (status) filter.status = status;
  const kind = oneOf<OrganisationKind>(params.get(PARAM.organisationKind), INVOLVED_KINDS);
  if (kind) filter.organisationKind = kind;
  const theme = oneOf<Theme>(params.get(PARAM.theme), THEMES);
  if (theme) filter.theme = theme;
  const late = params.get(PARAM.late);
  if (late === 'ja') filter.late = true;
  else if (late === 'nee') filter.late = false;
  const view: PortfolioView = { filter };
  const pageSize = Number(params.get(PARAM.pageSize));
  if (Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 100 && pageSize !== DEFAULT_PAGE_SIZE) view.pageSize = pageSize;
  const after = params.get(PARAM.after);
  if (after) view.after = after;
  return view;
}

/** The search params for a view, in a stable order; empty values are left out. */
export function paramsFromView(view: PortfolioView): URLSearchParams {
  const params = new URLSearchParams();
  const { filter } = view;
  if (filter.municipalityId) params.set(PARAM.municipalityId, String(filter.municipalityId));
  if (filter.status) params.set(PARAM.status, filter.status);
  if (filter.organisationKind) params.set(PARAM.organisationKind, filter.organisationKind);
  if (filter.theme) params.set(PARAM.theme, filter.theme);
  if (filter.late === true) params.set(PARAM.late, 'ja');
  else if (filter.late === false) params.set(PARAM.late, 'nee');
  if (view.pageSize && view.pageSize !== DEFAULT_PAGE_SIZE) params.set(PARAM.pageSize, String(view.pageSize));
  if (view.after) params.set(PARAM.after, view.after);
  return params;
}

/** The filter from the form's choices ('' for all; late: 'yes', 'no' or ''), keeping only valid values. */
export function filterFromForm(form: {
  municipalityId: string;
  status: string;
  organisationKind: string;
  theme: string;
  late: string;
}): PortfolioFilterInput {
  const params = new URLSearchParams();
  if (form.municipalityId) params.set(PARAM.municipalityId, form.municipalityId);
  if (form.status) params.set(PARAM.status, form.status);
  if (form.organisationKind) params.set(PARAM.organisationKind, form.organisationKind);
  if (form.theme) params.set(PARAM.theme, form.theme);
  if (form.late) params.set(PARAM.late, form.late === 'yes' ? 'ja' : 'nee');
  return viewFromParams(params).filter;
}

/** Whether any filter is set (the page then offers to clear them). */
export function isFiltered(filter: PortfolioFilterInput): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== null);
}
