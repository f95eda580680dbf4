import { InjectQueue } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@opvolging/config';
import { ExportsService } from '@opvolging/exports';
import { DeadlineSweeper } from '@opvolging/notifications';
import { JOB, JobHandlers, QUEUES } from '@opvolging/queue';
import { MailFailureLog, measuredExport, measuredMail, measuredSweep } from './job-metrics';

/**
 * Checks that every job of the registry has a handler (the libraries that own the work register
 * them while their modules start, before this root module) and keeps the periodic jobs scheduled. The scheduler lives in Redis;
 * every worker re-asserts it each minute (an idempotent upsert under a fixed id), so a Redis that
 * lost everything gets its sweep back without a restart, and then the sweep rebuilds from PostgreSQL.
 */
/** How long a stopping worker waits for a scheduling attempt under way. */
const SHUTDOWN_WAIT_MS = 5000;

@Injectable()
export class WorkerJobs implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerJobs.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly exportsService: ExportsService,
    private readonly sweeper: DeadlineSweeper,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue,
  ) {}

  onModuleInit(): void {
    // Each job is measured here (metrics on /metrics), so the libraries that own the work stay free of it.
    const mailLog = new MailFailureLog();
    this.handlers.around((job, run) => {
      switch (job.name) {
        case JOB.sweep:
          return measuredSweep(run as () => Promise<{ notices: number }>);
        case JOB.mail:
          return measuredMail('notification', job, mailLog, run as () => Promise<string>);
        case JOB.digest:
          return measuredMail('digest', job, mailLog, run as () => Promise<string>);
        case JOB.generateExport:
          return measuredExport(job, run as () => Promise<string>);
        default:
          return run();
      }
    });
    this.handlers.assertComplete();
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the upsert waits for a connection, and the worker must still
    // start (health port, logs); the timer tries again every minute.
    void this.tryToSchedule();
    this.timer = setInterval(() => void this.tryToSchedule(), 60_000);
    this.timer.unref();
  }

  /** The attempt under way, if any. */
  private attempt?: Promise<void>;

  private tryToSchedule(): Promise<void> {
    // The previous attempt still waits for Redis: one at a time.
    this.attempt ??= this.schedule()
      .catch((e) => this.logger.warn(`could not schedule the sweep or top up the mail queue: ${(e as Error).message}`))
      .finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  /** Before the queues close: an attempt under way uses them (bounded, since with Redis down it would wait for a connection). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.attempt, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)))]);
    clearTimeout(timer);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async schedule() {
    const opts = { removeOnComplete: 100, removeOnFail: 100 };
    await this.maintenance.upsertJobScheduler(JOB.sweep, { every: this.config.SWEEP_INTERVAL_SECONDS * 1000 }, { name: JOB.sweep, opts });
    await this.maintenance.upsertJobScheduler(JOB.retention, { every: 6 * 3600 * 1000 }, { name: JOB.retention, opts });
    // Like lost mail: an export whose job Redis lost is queued again from PostgreSQL.
    await this.exportsService.requeueWaiting(this.config.MAIL_REQUEUE_SECONDS);
    // Mail waiting in PostgreSQL (held back by MAIL_QUEUE_LIMIT, or lost by Redis) fills the room the senders made.
    await this.sweeper.topUpMail();
  }
}
