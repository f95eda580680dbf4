import { describe, expect, it } from 'vitest';
import { actionTarget, groupActions, type Action } from './queue';

const a = (kind: string, dueDate: string | null, title = 'Casus A'): Action =>
  ({ kind, dueDate, investigationId: 'i1', investigationTitle: title, organisationName: null, subjectId: 's1' }) as Action;

describe('groupActions', () => {
  it('groups by kind in process order, oldest due first, no due date last', () => {
    const groups = groupActions([
      a('DECIDE_CLOSURE', '2026-01-01'),
      a('ASSESS_PLAN', null),
      a('ASSESS_PLAN', '2026-03-01'),
      a('ASSESS_PLAN', '2026-02-01'),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['ASSESS_PLAN', 'DECIDE_CLOSURE']);
    expect(groups[0].actions.map((x) => x.dueDate)).toEqual(['2026-02-01', '2026-03-01', null]);
  });
});

describe('actionTarget', () => {
  it('opens the screen where the action is done, the investigation otherwise', () => {
    expect(actionTarget({ kind: 'ASSESS_PLAN', subjectId: 'p1', investigationId: 'i1' } as Action)).toBe('/assess/p1');
    expect(actionTarget({ kind: 'JUDGE_AUDIT', subjectId: 'a1', investigationId: 'i1' } as Action)).toBe('/investigations/i1/audits/a1');
    expect(actionTarget({ kind: 'VERIFY', subjectId: 'p1', investigationId: 'i1' } as Action)).toBe('/verify/p1');
    expect(actionTarget({ kind: 'DECIDE_EXTENSION', subjectId: 'r1', investigationId: 'i1' } as Action)).toBe('/deadlines');
    expect(actionTarget({ kind: 'DECIDE_CLOSURE', subjectId: 'i1', investigationId: 'i1' } as Action)).toBe('/investigations/i1');
  });
});
