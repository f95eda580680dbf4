import { Injectable, OnModuleInit } from '@nestjs/common';
import { JOB, JobHandlers } from '@opvolging/queue';
import { DeadlineSweeper } from './deadline-sweeper';
import { MailJobs } from './mail-jobs';
import { RetentionService } from './retention.service';

/** Registers this library's job handlers: the sweep, retention, single mails and digests. */
@Injectable()
export class NotificationJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly sweeper: DeadlineSweeper,
    private readonly mail: MailJobs,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JOB.sweep, () => this.sweeper.sweep());
    this.handlers.register(JOB.mail, (job) => this.mail.sendNotification(job.data.notificationId));
    this.handlers.register(JOB.digest, (job) => this.mail.sendDigest(job.data.userId, job.data.digestDate));
    this.handlers.register(JOB.retention, () => this.retention.run());
  }
}
