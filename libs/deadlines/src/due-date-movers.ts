import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineKind } from './reminder-policy';

/** Moves the due date of one open row to `to` (and its version, so stale edits conflict); returns the rows moved. */
export type DueDateMover = (em: EntityManager, id: string, to: string) => Promise<number>;

/**
 * Who moves each kind's due date: the library that owns the row (plans, audits, investigations)
 * registers its mover at start-up, so this library writes no other library's table.
 */
@Injectable()
export class DueDateMovers {
  private readonly movers = new Map<DeadlineKind, DueDateMover>();

  register(kind: DeadlineKind, mover: DueDateMover): void {
    if (this.movers.has(kind)) throw new Error(`Two due-date movers for ${kind}`);
    this.movers.set(kind, mover);
  }

  move(em: EntityManager, kind: DeadlineKind, id: string, to: string): Promise<number> {
    const mover = this.movers.get(kind);
    if (!mover) throw new Error(`No due-date mover registered for ${kind}`);
    return mover(em, id, to);
  }
}
