import { describe, expect, it } from 'vitest';
import { progress, uncovered } from './coverage';

const points = [
  { id: 'p2', position: 2, text: 'two' },
  { id: 'p1', position: 1, text: 'one' },
  { id: 'p3', position: 3, text: 'three' },
];

describe('coverage panel', () => {
  it('lists the points no measure covers, in order', () => {
    expect(uncovered(points, []).map((p) => p.position)).toEqual([1, 2, 3]);
    expect(uncovered(points, [{ points: [{ id: 'p2' }] }]).map((p) => p.position)).toEqual([1, 3]);
    expect(uncovered(points, [{ points: [{ id: 'p1' }, { id: 'p3' }] }, { points: [{ id: 'p2' }] }])).toEqual([]);
  });

  it('a cancelled measure covers nothing', () => {
    expect(uncovered(points, [{ points: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }], status: 'CANCELLED' }]).length).toBe(3);
  });

  it('progress counts completed measures', () => {
    expect(progress([{ status: 'COMPLETED' }, { status: 'IN_PROGRESS' }, { status: 'PLANNED' }, { status: 'COMPLETED' }])).toEqual({
      done: 2,
      total: 4,
      percent: 50,
    });
    expect(progress([])).toEqual({ done: 0, total: 0, percent: 0 });
  });
});
