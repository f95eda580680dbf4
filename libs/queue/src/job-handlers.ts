import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JOB_NAMES, JobName, JobPayloads } from './job-registry';

export type JobHandler<N extends JobName = JobName> = (job: Job<JobPayloads[N]>) => Promise<unknown>;

/** Runs around every handler (the worker's logging or metrics), so the owning libraries stay free of it. */
export type JobWrapper = (job: Job, run: () => Promise<unknown>) => Promise<unknown>;

/**
 * Job name → handler, filled at start-up by the libraries that own the work. A job whose name has
 * no handler fails loudly instead of being acknowledged and lost.
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly wrappers: JobWrapper[] = [];

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Two handlers for job "${name}"`);
    this.handlers.set(name, handler as unknown as JobHandler);
  }

  /** Adds a wrapper; the first added runs outermost. */
  around(wrapper: JobWrapper): void {
    this.wrappers.push(wrapper);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  /** The worker's start-up check: every job of the registry has a handler. */
  assertComplete(): void {
    const missing = JOB_NAMES.filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler for jobs: ${missing.join(', ')}`);
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}" on queue ${job.queueName}`);
    const run = this.wrappers.reduceRight<() => Promise<unknown>>(
      (inner, wrap) => () => wrap(job, inner),
      () => handler(job),
    );
    return run();
  }
}
