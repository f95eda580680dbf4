import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlers, QUEUES } from '@opvolging/queue';

/** Consumes the mail queue (single notifications and digests); failures are summed up by MailFailureLog. */
@Processor(QUEUES.notifications, { concurrency: 8 })
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly pino: PinoLogger,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    // Every line logged while the job runs names it, as a request id does for a request.
    return this.pino.runInContext(() => this.handlers.run(job), { bindings: { job: job.name, jobId: job.id } });
  }
}
