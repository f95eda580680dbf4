import { describe, expect, it } from 'vitest';
import { chartLayout } from './chart-layout';

describe('chartLayout', () => {
  it('places today, original and moved dates on one scale, rows in order', () => {
    const l = chartLayout(
      [
        { id: 'a', row: 'B', dueDate: '2026-03-01', originalDueDate: '2026-02-01', late: false },
        { id: 'b', row: 'A', dueDate: '2026-01-10', originalDueDate: '2026-01-10', late: true },
      ],
      '2026-01-20',
      ['A', 'B', 'C'],
    );
    expect(l.rows).toEqual(['A', 'B']);
    const [a, b] = l.marks;
    expect(a.moved).toBe(true);
    expect(a.rowIndex).toBe(1);
    expect(a.originalX).toBeLessThan(a.x);
    expect(b.x).toBeLessThan(l.today);
    expect(l.today).toBeLessThan(a.originalX);
    expect(Math.min(...l.marks.map((m) => m.x), l.today)).toBeGreaterThan(0);
    expect(Math.max(...l.marks.map((m) => m.x))).toBeLessThan(1);
  });
});
