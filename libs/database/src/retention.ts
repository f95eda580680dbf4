import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Deletes one library's rows that are past their retention; returns how many it deleted. */
export type RetentionTask = (em: EntityManager, now: Date) => Promise<number>;

/**
 * What may be deleted, registered by the library that owns the table (notifications, identity,
 * exports); the retention job runs every task in one transaction.
 */
@Injectable()
export class RetentionTasks {
  private readonly tasks = new Map<string, RetentionTask>();

  register(name: string, task: RetentionTask): void {
    if (this.tasks.has(name)) throw new Error(`Two retention tasks named "${name}"`);
    this.tasks.set(name, task);
  }

  entries(): Array<[string, RetentionTask]> {
    return [...this.tasks.entries()];
  }
}
