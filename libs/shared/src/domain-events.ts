import { Injectable } from '@nestjs/common';

/**
 * Synchronous, in-transaction domain events: handlers run inside the same database transaction as
 * the change that raised them, so a plan is never accepted without its audit being scheduled.
 * Handlers are registered at module init; nothing here is state that matters across replicas.
 */
export interface DomainEvent<T extends string = string, P = unknown> {
  type: T;
  payload: P;
}

type Handler<C> = (context: C, event: DomainEvent) => Promise<void>;

@Injectable()
export class DomainEvents<C = unknown> {
  private readonly handlers = new Map<string, Handler<C>[]>();

  on<P>(type: string, handler: (context: C, event: DomainEvent<string, P>) => Promise<void>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<C>);
    this.handlers.set(type, list);
  }

  async emit(context: C, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(context, event);
  }
}
