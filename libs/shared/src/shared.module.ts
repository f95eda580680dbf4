import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { DomainEvents } from './domain-events';

/** The clock and the domain-event hub. The demo scenario passes a clock it can move. */
@Global()
@Module({})
export class SharedModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: SharedModule,
      providers: [{ provide: Clock, useValue: clock }, DomainEvents],
      exports: [Clock, DomainEvents],
    };
  }
}
