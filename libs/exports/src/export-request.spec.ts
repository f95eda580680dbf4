import { requestParams, requestProblems } from './export-request';
import { ExportFormat, ExportView } from './export.types';

describe('an export request', () => {
  it('can be made with a format and the options of its view', () => {
    expect(requestProblems({ view: ExportView.THEMES, format: ExportFormat.CSV, fromYear: 2020, toYear: 2024 })).toEqual([]);
  });

  it('names each problem on its field: format, options of another view, a missing investigation, years backwards', () => {
    expect(
      requestProblems({ view: ExportView.INVESTIGATION_PROGRESS, format: ExportFormat.CSV, municipalityId: 'm' }).map((p) => p.path),
    ).toEqual(['input.format', 'input.municipalityId', 'input.investigationId']);
    expect(requestProblems({ view: ExportView.THEMES, format: ExportFormat.XLSX, fromYear: 2024, toYear: 2020 })).toEqual([
      { path: 'input.toYear', message: 'must not be before fromYear' },
    ]);
  });

  it('stores only the options given, and the filter as plain JSON', () => {
    expect(requestParams({ view: ExportView.THEMES, format: ExportFormat.CSV, fromYear: 2020 })).toEqual({ fromYear: 2020 });
    expect(
      requestParams({ view: ExportView.PORTFOLIO, format: ExportFormat.CSV, portfolioFilter: { late: true, status: undefined } }),
    ).toEqual({ filter: { late: true } });
  });
});
