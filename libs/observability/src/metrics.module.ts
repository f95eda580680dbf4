import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Header, Headers, Inject, Injectable, Module, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { timingSafeEqual } from 'crypto';
import { collectDefaultMetrics, register } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { QUEUES } from '@opvolging/queue';
import { metrics } from './metrics';

const STATES = ['waiting', 'active', 'failed', 'delayed'] as const;
/** Counting jobs must not hold a scrape when Redis is down. */
const QUEUE_COUNT_TIMEOUT_MS = 1000;

let defaultsCollected = false;

/** Fills the gauges that are read at scrape time: queue lengths from Redis, the PostgreSQL pool. */
@Injectable()
export class MetricsCollector implements OnModuleInit {
  private queues: Queue[] = [];

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    if (!defaultsCollected) {
      collectDefaultMetrics({ prefix: 'opvolging_' }); // process CPU, memory, event-loop lag
      defaultsCollected = true;
    }
    this.queues = Object.values(QUEUES).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
  }

  async collect(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    if (pool) {
      metrics.dbPool.set({ state: 'total' }, pool.totalCount);
      metrics.dbPool.set({ state: 'idle' }, pool.idleCount);
      metrics.dbPool.set({ state: 'waiting' }, pool.waitingCount);
    }
    await Promise.all(
      this.queues.map(async (queue) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const counts = await Promise.race([
            queue.getJobCounts(...STATES),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), QUEUE_COUNT_TIMEOUT_MS))),
          ]);
          for (const state of STATES) metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
        } catch {
          // Redis down: the gauges go stale rather than lying; opvolging_dependency_up says why.
          for (const state of STATES) metrics.queueJobs.remove({ queue: queue.name, state });
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
}

/** GET /metrics in Prometheus' text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly collector: MetricsCollector,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', register.contentType)
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (token) {
      const given = Buffer.from(authorization?.replace(/^Bearer /i, '') ?? '');
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthorizedException('METRICS_TOKEN required');
    }
    await this.collector.collect();
    return register.metrics();
  }
}

@Module({ controllers: [MetricsController], providers: [MetricsCollector] })
export class MetricsModule {}
