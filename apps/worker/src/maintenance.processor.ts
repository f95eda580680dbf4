import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlers, QUEUES } from '@opvolging/queue';

/**
 * Consumes the maintenance queue. Jobs carry ids only; each handler reloads what it needs from
 * PostgreSQL and records its outcome there, so a job delivered twice does no harm.
 */
@Processor(QUEUES.maintenance, { concurrency: 4 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    // Every line logged while the job runs names it, as a request id does for a request.
    return this.pino.runInContext(
      async () => {
        this.logger.debug(`job ${job.name} ${job.id}`);
        try {
          return await this.handlers.run(job);
        } catch (error) {
          this.logger.warn(
            { err: error },
            `job ${job.name} failed (attempt ${job.attemptsMade + 1} of ${Math.max(job.opts.attempts ?? 1, 1)})`,
          );
          throw error;
        }
      },
      { bindings: { job: job.name, jobId: job.id } },
    );
  }
}
