import { Controller, Get } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { pingRedis, QUEUES } from '@opvolging/queue';

/** Liveness (`/health`: the process answers) and readiness (`/health/ready`: PostgreSQL and Redis answer). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  @Get()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 }), () => this.redis()]);
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      await pingRedis((await this.queue.client) as never, 1500);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
