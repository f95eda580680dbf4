import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';

export type JobHandler = (job: Job) => Promise<unknown>;

/**
 * Job name → handler, filled by the feature modules at start-up. A job whose name has no handler
 * fails loudly instead of being acknowledged and lost.
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Two handlers for job "${name}"`);
    this.handlers.set(name, handler);
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job "${job.name}" on queue ${job.queueName}`);
    return handler(job);
  }
}
