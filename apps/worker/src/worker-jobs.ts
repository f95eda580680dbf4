import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
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
@Injectable()
export class WorkerJobs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
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

  private scheduling = false;

  private async tryToSchedule(): Promise<void> {
    if (this.scheduling) return; // the previous attempt still waits for Redis
    this.scheduling = true;
    try {
      await this.schedule();
    } catch (e) {
      this.logger.warn(`could not schedule the sweep or top up the mail queue: ${(e as Error).message}`);
    } finally {
      this.scheduling = false;
    }
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
