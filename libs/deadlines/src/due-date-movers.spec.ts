import { EntityManager } from 'typeorm';
import { DueDateMovers } from './due-date-movers';
import { DeadlineKind } from './reminder-policy';

describe('DueDateMovers', () => {
  const em = {} as EntityManager;

  it("hands a move to the owner of the deadline's kind", async () => {
    const movers = new DueDateMovers();
    const moved: string[] = [];
    movers.register(DeadlineKind.AUDIT_DUE, async (_em, id, to) => moved.push(`${id}→${to}`));
    await expect(movers.move(em, DeadlineKind.AUDIT_DUE, 'a1', '2026-05-01')).resolves.toBe(1);
    expect(moved).toEqual(['a1→2026-05-01']);
  });

  it('refuses a kind without an owner, and a second owner for one', () => {
    const movers = new DueDateMovers();
    expect(() => movers.move(em, DeadlineKind.PLAN_DUE, 'p1', '2026-05-01')).toThrow('No due-date mover registered for PLAN_DUE');
    movers.register(DeadlineKind.PLAN_DUE, async () => 1);
    expect(() => movers.register(DeadlineKind.PLAN_DUE, async () => 1)).toThrow('Two due-date movers for PLAN_DUE');
  });
});
