import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@opvolging/config';
import { ExportGenerator, ExportsService, JOB_GENERATE_EXPORT } from '@opvolging/exports';
import { DeadlineSweeper, JOBS, MailJobs, RetentionService } from '@opvolging/notifications';
import { JobHandlers, QUEUES } from '@opvolging/queue';

/**
 * Binds job names to handlers and keeps the periodic sweep scheduled. The scheduler lives in Redis;
 * every worker re-asserts it each minute (an idempotent upsert under a fixed id), so a Redis that
 * lost everything gets its sweep back without a restart, and then the sweep rebuilds from PostgreSQL.
 */
@Injectable()
export class WorkerJobs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerJobs.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly sweeper: DeadlineSweeper,
    private readonly mail: MailJobs,
    private readonly retention: RetentionService,
    private readonly exportGenerator: ExportGenerator,
    private readonly exportsService: ExportsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JOBS.sweep, () => this.sweeper.sweep());
    this.handlers.register(JOBS.mail, (job) => this.mail.sendNotification(job.data.notificationId));
    this.handlers.register(JOBS.digest, (job) => this.mail.sendDigest(job.data.userId, job.data.digestDate));
    this.handlers.register(JOBS.retention, () => this.retention.run());
    this.handlers.register(JOB_GENERATE_EXPORT, (job) => this.exportGenerator.run(job.data.exportId));
    const missing = Object.values(JOBS).filter((name) => !this.handlers.names().includes(name));
    if (missing.length) throw new Error(`No handler for jobs: ${missing.join(', ')}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    this.timer = setInterval(() => this.schedule().catch((e) => this.logger.warn(`could not schedule the sweep: ${e.message}`)), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async schedule() {
    const opts = { removeOnComplete: 100, removeOnFail: 100 };
    await this.maintenance.upsertJobScheduler(JOBS.sweep, { every: this.config.SWEEP_INTERVAL_SECONDS * 1000 }, { name: JOBS.sweep, opts });
    await this.maintenance.upsertJobScheduler(JOBS.retention, { every: 6 * 3600 * 1000 }, { name: JOBS.retention, opts });
    // Like lost mail: an export whose job Redis lost is queued again from PostgreSQL.
    await this.exportsService.requeueWaiting(this.config.MAIL_REQUEUE_SECONDS);
  }
}
