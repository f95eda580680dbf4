import { describe, expect, it } from 'vitest';
import { filterFromForm, isFiltered, paramsFromView, viewFromParams } from './portfolio-filter';

const HEERLEN = '6f1c2f57-1111-4b7e-9a40-0c5d2a1b3c4d';

describe('portfolio filter in the URL', () => {
  it('reads every filter and the cursor from the search params', () => {
    const view = viewFromParams(
      new URLSearchParams(`gemeente=${HEERLEN}&status=FOLLOW_UP&soort=SCHOOL&thema=ESCALATION&te-laat=ja&na=abc`),
    );
    expect(view).toEqual({
      filter: { municipalityId: HEERLEN, status: 'FOLLOW_UP', organisationKind: 'SCHOOL', theme: 'ESCALATION', late: true },
      after: 'abc',
    });
  });

  it('round-trips a view through the URL', () => {
    const view = { filter: { municipalityId: HEERLEN, late: false, theme: 'CASE_DIRECTION' as const } };
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
    expect(paramsFromView(view).toString()).toBe(`gemeente=${HEERLEN}&thema=CASE_DIRECTION&te-laat=nee`);
  });

  it('keeps a page size other than the default, within the API’s bounds', () => {
    expect(viewFromParams(new URLSearchParams('per=2&na=c'))).toEqual({ filter: {}, pageSize: 2, after: 'c' });
    expect(viewFromParams(new URLSearchParams('per=10'))).toEqual({ filter: {} });
    expect(viewFromParams(new URLSearchParams('per=500'))).toEqual({ filter: {} });
    expect(paramsFromView({ filter: { late: true }, pageSize: 25 }).toString()).toBe('te-laat=ja&per=25');
  });

  it('ignores values the API would refuse instead of sending them', () => {
    const view = viewFromParams(new URLSearchParams('gemeente=heerlen&status=OPEN&soort=INSPECTORATE&thema=x&te-laat=misschien'));
    expect(view).toEqual({ filter: {} });
    expect(isFiltered(view.filter)).toBe(false);
  });

  it('says when a filter is set', () => {
    expect(isFiltered({ late: false })).toBe(true);
    expect(isFiltered({})).toBe(false);
  });
});

describe('portfolio filter from the form', () => {
  it('leaves out what is set to all and maps the late choice', () => {
    expect(filterFromForm({ municipalityId: HEERLEN, status: '', organisationKind: '', theme: '', late: 'yes' })).toEqual({
      municipalityId: HEERLEN,
      late: true,
    });
    expect(filterFromForm({ municipalityId: '', status: 'DRAFT', organisationKind: 'POLICE', theme: '', late: 'no' })).toEqual({
      status: 'DRAFT',
      organisationKind: 'POLICE',
      late: false,
    });
  });
});
