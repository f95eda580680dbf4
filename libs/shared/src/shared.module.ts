import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { DomainEvents } from './domain-events';

/** The clock and the domain-event hub; tests and the demo scenario override Clock. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, DomainEvents],
  exports: [Clock, DomainEvents],
})
export class SharedModule {}
