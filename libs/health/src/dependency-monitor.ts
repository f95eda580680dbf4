import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { redactUrl } from '@opvolging/config';
import { metrics } from '@opvolging/observability';
import { pingRedis, QUEUES } from '@opvolging/queue';

/** The readiness check's statement, on the application's pool (tests that count a request's statements leave it out). */
export const POSTGRES_PING = 'SELECT 1 /* readiness */';

export type Dependency = 'postgresql' | 'redis';

/** Each check is bounded: a dependency that does not answer within this counts as down. */
export const CHECK_TIMEOUT_MS = 1500;

/**
 * Checks PostgreSQL and Redis every few seconds and logs once at start and on every change whether
 * each is reachable, so an operator reads in the log when a dependency went away and came back.
 * Reconnecting itself is done by the drivers (pg per checkout, ioredis with back-off).
 */
@Injectable()
export class DependencyMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dependencies');
  private readonly state = new Map<Dependency, boolean>();
  private timer?: NodeJS.Timeout;
  static intervalMs = 5000;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    void this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), DependencyMonitor.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Last known reachability (undefined before the first check). */
  reachable(dependency: Dependency): boolean | undefined {
    return this.state.get(dependency);
  }

  /** One bounded check; rejects with the reason when the dependency is down. */
  check(dependency: Dependency): Promise<void> {
    return dependency === 'redis' ? pingRedis(this.queue.client as unknown as Promise<Redis>, CHECK_TIMEOUT_MS) : this.pingPostgres();
  }

  private async pingPostgres(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query(POSTGRES_PING),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`PostgreSQL did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkAll(): Promise<void> {
    await Promise.all((['postgresql', 'redis'] as const).map((d) => this.record(d)));
  }

  private async record(dependency: Dependency): Promise<void> {
    const name = dependency === 'redis' ? 'Redis' : 'PostgreSQL';
    let up = true;
    let reason = '';
    try {
      await this.check(dependency);
    } catch (error) {
      up = false;
      reason = redactUrl((error as Error).message ?? String(error));
    }
    const before = this.state.get(dependency);
    this.state.set(dependency, up);
    metrics.dependencyUp.set({ dependency }, up ? 1 : 0);
    if (before === up) return;
    if (up) this.logger.log(`${name} is reachable`);
    else this.logger.warn(`${name} is unreachable: ${reason}; retrying in the background (readiness answers 503 meanwhile)`);
  }
}
