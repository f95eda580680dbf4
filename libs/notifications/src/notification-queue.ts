import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '@opvolging/queue';

export const JOBS = {
  sweep: 'deadline-sweep',
  mail: 'send-notification-mail',
  digest: 'send-digest',
  retention: 'retention',
} as const;

/**
 * Enqueues mail work with deterministic job ids, so enqueueing the same mail twice (a second
 * sweep, a second worker) adds it once. Jobs hold ids only; the handler reloads the row.
 * Finished jobs are removed at once: a kept job would make BullMQ ignore a later re-queue under
 * the same id (found by the fault test), and PostgreSQL already records what was sent.
 */
@Injectable()
export class NotificationQueue {
  constructor(@InjectQueue(QUEUES.notifications) private readonly queue: Queue) {}

  async mails(notificationIds: string[]): Promise<void> {
    if (!notificationIds.length) return;
    await this.queue.addBulk(
      notificationIds.map((id) => ({
        name: JOBS.mail,
        data: { notificationId: id },
        opts: { jobId: `mail-${id}`, attempts: 8, backoff: { type: 'exponential', delay: 15_000 }, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }

  async digests(digests: Array<{ userId: string; digestDate: string }>): Promise<void> {
    if (!digests.length) return;
    await this.queue.addBulk(
      digests.map((d) => ({
        name: JOBS.digest,
        data: d,
        opts: { jobId: `digest-${d.userId}-${d.digestDate}`, attempts: 8, backoff: { type: 'exponential', delay: 15_000 }, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }
}
