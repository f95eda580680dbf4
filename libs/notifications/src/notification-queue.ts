import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { bulkJobs, JOB, JOB_DEFINITIONS } from '@opvolging/queue';

/** The names of this library's jobs (defined with their queues and retries in @opvolging/queue). */
/** Mail jobs added in one call to Redis. */
const MAILS_PER_CALL = 250;

export const JOBS = { sweep: JOB.sweep, mail: JOB.mail, digest: JOB.digest, retention: JOB.retention } as const;

/**
 * Enqueues mail work with deterministic job ids, so enqueueing the same mail twice (a second
 * sweep, a second worker) adds it once. Jobs hold ids only; the handler reloads the row.
 * Finished jobs are removed at once: a kept job would make BullMQ ignore a later re-queue under
 * the same id (found by the fault test), and PostgreSQL already records what was sent.
 */
@Injectable()
export class NotificationQueue {
  constructor(@InjectQueue(JOB_DEFINITIONS[JOB.mail].queue) private readonly queue: Queue) {}

  async mails(notificationIds: string[]): Promise<void> {
    // In chunks: building one addBulk of thousands of jobs held the event loop for tens of milliseconds.
    for (let i = 0; i < notificationIds.length; i += MAILS_PER_CALL) {
      await this.queue.addBulk(
        bulkJobs(
          JOB.mail,
          notificationIds.slice(i, i + MAILS_PER_CALL).map((id) => ({ jobId: `mail-${id}`, data: { notificationId: id } })),
        ),
      );
    }
  }

  /** How many more mail jobs fit under `limit`: jobs waiting to run (waiting, delayed, prioritized) count against it. */
  async mailRoom(limit: number): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'prioritized');
    return Math.max(0, limit - Object.values(counts).reduce((sum, n) => sum + n, 0));
  }

  async digests(digests: Array<{ userId: string; digestDate: string }>): Promise<void> {
    if (!digests.length) return;
    await this.queue.addBulk(
      bulkJobs(
        JOB.digest,
        digests.map((d) => ({ jobId: `digest-${d.userId}-${d.digestDate}`, data: d })),
      ),
    );
  }
}
