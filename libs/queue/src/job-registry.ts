import { JobsOptions } from 'bullmq';

export const QUEUES = {
  /** Periodic work: the deadline sweep, retention, exports. */
  maintenance: 'maintenance',
  /** Mail: single notifications and daily digests. */
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Every job the worker runs, by name. The libraries that own the work register the handlers. */
export const JOB = {
  sweep: 'deadline-sweep',
  retention: 'retention',
  generateExport: 'generate-export',
  mail: 'send-notification-mail',
  digest: 'send-digest',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** What each job carries: ids only; the handler reloads its rows from PostgreSQL. */
export interface JobPayloads {
  'deadline-sweep': Record<string, never>;
  retention: Record<string, never>;
  'generate-export': { exportId: string };
  'send-notification-mail': { notificationId: string };
  'send-digest': { userId: string; digestDate: string };
}

export interface JobDefinition {
  queue: QueueName;
  /** Retries with exponential back-off; null for periodic jobs, whose next run repeats them. */
  retry: { attempts: number; delayMs: number } | null;
}

export const JOB_DEFINITIONS: { readonly [N in JobName]: JobDefinition } = {
  'deadline-sweep': { queue: QUEUES.maintenance, retry: null },
  retention: { queue: QUEUES.maintenance, retry: null },
  'generate-export': { queue: QUEUES.maintenance, retry: { attempts: 6, delayMs: 60_000 } },
  'send-notification-mail': { queue: QUEUES.notifications, retry: { attempts: 8, delayMs: 15_000 } },
  'send-digest': { queue: QUEUES.notifications, retry: { attempts: 8, delayMs: 15_000 } },
};

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

/**
 * Jobs for `queue.addBulk`, with the registry's retries. Ids are deterministic, so the same work
 * enqueued twice is added once; finished jobs are removed at once, because a kept job would make
 * BullMQ ignore a later re-queue under the same id.
 */
export function bulkJobs<N extends JobName>(
  name: N,
  items: Array<{ jobId: string; data: JobPayloads[N] }>,
): Array<{ name: N; data: JobPayloads[N]; opts: JobsOptions }> {
  const { retry } = JOB_DEFINITIONS[name];
  return items.map(({ jobId, data }) => ({
    name,
    data,
    opts: {
      jobId,
      ...(retry ? { attempts: retry.attempts, backoff: { type: 'exponential', delay: retry.delayMs } } : {}),
      removeOnComplete: true,
      removeOnFail: true,
    },
  }));
}
