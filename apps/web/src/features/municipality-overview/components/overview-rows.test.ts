import { describe, expect, it } from 'vitest';
import { isLate, overviewRows } from './overview-rows';

const plan = (name: string, over: Partial<Record<string, unknown>> = {}) => ({
  planId: name,
  planStatus: 'ACCEPTED',
  planDueDate: '2026-01-01',
  planOriginalDueDate: '2026-01-01',
  planOverdue: false,
  assessmentOverdue: false,
  measuresTotal: 2,
  measuresCompleted: 0,
  measuresLate: 0,
  auditStatus: null,
  auditDueDate: null,
  auditOverdue: false,
  grades: [],
  organisation: { id: name, name },
  ...over,
});

describe('overviewRows', () => {
  it('puts what is late first, most late measures first, then the earliest due date', () => {
    const rows = overviewRows([
      {
        investigationId: 'i1',
        title: 'A',
        status: 'FOLLOW_UP',
        publicationDate: null,
        plans: [plan('ontime', { planDueDate: '2025-01-01' })],
      },
      {
        investigationId: 'i2',
        title: 'B',
        status: 'FOLLOW_UP',
        publicationDate: null,
        plans: [plan('oneLate', { measuresLate: 1 }), plan('auditLate', { auditOverdue: true }), plan('twoLate', { measuresLate: 2 })],
      },
    ] as never);
    expect(rows.map((r) => r.organisation.name)).toEqual(['twoLate', 'oneLate', 'auditLate', 'ontime']);
    expect(rows[0].investigationTitle).toBe('B');
    expect(rows.map(isLate)).toEqual([true, true, true, false]);
  });
});
