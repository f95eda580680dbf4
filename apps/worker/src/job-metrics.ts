import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { metrics } from '@opvolging/observability';

/** Will BullMQ try this job again after the current attempt fails? */
function willRetry(job: Job): boolean {
  return job.attemptsMade + 1 < (job.opts.attempts ?? 1);
}

/**
 * Mail failures are summed up: with the mail server down every queued mail fails each retry round,
 * and one WARN line per mail would bury the log. One line per minute says how many failed and why.
 */
export class MailFailureLog {
  private readonly logger = new Logger('Mail');
  private failed = 0;
  private lastReason = '';
  private lastLoggedAt = 0;
  constructor(private readonly everyMs = 60_000) {}

  failure(reason: string): void {
    this.failed++;
    this.lastReason = reason;
    if (Date.now() - this.lastLoggedAt < this.everyMs) return;
    this.logger.warn(`${this.failed} mail(s) could not be sent (last reason: ${this.lastReason}); they are tried again with back-off`);
    this.failed = 0;
    this.lastLoggedAt = Date.now();
  }

  success(): void {
    if (this.lastLoggedAt && this.failed === 0 && Date.now() - this.lastLoggedAt < this.everyMs) return;
    if (this.lastLoggedAt) this.logger.log('mail is being sent again');
    this.lastLoggedAt = 0;
    this.failed = 0;
  }
}

/** A mail job (notification or digest), counted by outcome. */
export async function measuredMail(kind: 'notification' | 'digest', job: Job, log: MailFailureLog, send: () => Promise<string>) {
  try {
    const outcome = await send();
    metrics.mails.inc({ kind, outcome });
    if (outcome === 'sent') log.success();
    return outcome;
  } catch (error) {
    metrics.mails.inc({ kind, outcome: willRetry(job) ? 'retried' : 'failed' });
    log.failure((error as Error).message);
    throw error;
  }
}

/** An export job, counted by outcome and timed. */
export async function measuredExport(job: Job, make: () => Promise<string>) {
  const end = metrics.exportDuration.startTimer();
  try {
    const outcome = await make();
    metrics.exports.inc({ outcome });
    if (outcome !== 'skipped') end();
    return outcome;
  } catch (error) {
    metrics.exports.inc({ outcome: willRetry(job) ? 'retried' : 'failed' });
    throw error;
  }
}

/** The sweep, timed, with the notices it created. */
export async function measuredSweep<T extends { notices: number }>(sweep: () => Promise<T>): Promise<T> {
  const end = metrics.sweepDuration.startTimer();
  const result = await sweep();
  end();
  metrics.noticesCreated.inc(result.notices);
  return result;
}
