import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHandlers, QUEUES } from '@opvolging/queue';

/**
 * Consumes the maintenance queue. Jobs carry ids only; each handler reloads what it needs from
 * PostgreSQL and records its outcome there, so a job delivered twice does no harm.
 */
@Processor(QUEUES.maintenance, { concurrency: 4 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly handlers: JobHandlers) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    this.logger.debug(`job ${job.name} ${job.id}`);
    return this.handlers.run(job);
  }
}
