import type { DeadlineFilter } from '@opvolging/deadlines';
import type { PointFilter } from '@opvolging/investigations';
import type { PortfolioFilter } from '@opvolging/overviews';
import type { MeasureFilter } from '@opvolging/plans';
import { FieldProblem } from '@opvolging/shared';
import { ExportFormat, ExportParams, ExportView, FORMATS_OF } from './export.types';

export interface ExportRequest {
  view: ExportView;
  format: ExportFormat;
  municipalityId?: string;
  investigationId?: string;
  portfolioFilter?: PortfolioFilter;
  measureFilter?: MeasureFilter;
  improvementPointFilter?: PointFilter;
  deadlineFilter?: DeadlineFilter;
  fromYear?: number;
  toYear?: number;
}

type Option =
  | 'municipalityId'
  | 'investigationId'
  | 'portfolioFilter'
  | 'measureFilter'
  | 'improvementPointFilter'
  | 'deadlineFilter'
  | 'fromYear'
  | 'toYear';

/** Which inputs each view takes; anything else given is refused rather than silently ignored. */
const OPTIONS_OF: Record<ExportView, Option[]> = {
  [ExportView.MUNICIPALITY_OVERVIEW]: ['municipalityId'],
  [ExportView.PORTFOLIO]: ['portfolioFilter'],
  [ExportView.ORGANISATION_OVERVIEW]: [],
  [ExportView.THEMES]: ['fromYear', 'toYear'],
  [ExportView.MEASURES]: ['measureFilter'],
  [ExportView.IMPROVEMENT_POINTS]: ['improvementPointFilter'],
  [ExportView.DEADLINES]: ['deadlineFilter'],
  [ExportView.INVESTIGATION_PROGRESS]: ['investigationId'],
};
const ALL_OPTIONS: Option[] = [
  'municipalityId',
  'investigationId',
  'portfolioFilter',
  'measureFilter',
  'improvementPointFilter',
  'deadlineFilter',
  'fromYear',
  'toYear',
];

/** Without undefined fields and class prototypes: what is stored as jsonb and replayed by the worker. */
function plain<T>(value: T | undefined): Record<string, unknown> | undefined {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}

/** What is wrong with an export request, each problem on its field of the input (none: it can be made). */
export function requestProblems(input: ExportRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!FORMATS_OF[input.view].includes(input.format)) {
    problems.push({
      path: 'input.format',
      message:
        input.view === ExportView.INVESTIGATION_PROGRESS
          ? 'the progress report is made as PDF'
          : `${input.view} is a list: export it as CSV or XLSX (PDF is for INVESTIGATION_PROGRESS)`,
    });
  }
  for (const option of ALL_OPTIONS) {
    if (input[option] !== undefined && input[option] !== null && !OPTIONS_OF[input.view].includes(option)) {
      problems.push({ path: `input.${option}`, message: `not used by ${input.view}` });
    }
  }
  if (input.view === ExportView.INVESTIGATION_PROGRESS && !input.investigationId)
    problems.push({ path: 'input.investigationId', message: 'name the investigation' });
  if (input.fromYear !== undefined && input.toYear !== undefined && input.fromYear > input.toYear)
    problems.push({ path: 'input.toYear', message: 'must not be before fromYear' });
  return problems;
}

/** The parameters stored with the export (jsonb) and replayed by the worker. */
export function requestParams(input: ExportRequest): ExportParams {
  const params: ExportParams = {
    ...(input.municipalityId ? { municipalityId: input.municipalityId } : {}),
    ...(input.investigationId ? { investigationId: input.investigationId } : {}),
    ...(input.fromYear !== undefined ? { fromYear: input.fromYear } : {}),
    ...(input.toYear !== undefined ? { toYear: input.toYear } : {}),
  };
  const filter = plain(input.portfolioFilter ?? input.measureFilter ?? input.improvementPointFilter ?? input.deadlineFilter);
  if (filter) params.filter = filter;
  return params;
}
