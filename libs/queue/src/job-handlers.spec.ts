import { Job } from 'bullmq';
import { JobHandlers } from './job-handlers';
import { JOB, JOB_DEFINITIONS, JOB_NAMES, bulkJobs } from './job-registry';

describe('JobHandlers', () => {
  const done = async () => undefined;

  it('passes the start-up check only when every job of the registry has a handler', () => {
    const handlers = new JobHandlers();
    for (const name of JOB_NAMES.filter((n) => n !== JOB.digest)) handlers.register(name, done);
    expect(() => handlers.assertComplete()).toThrow('No handler for jobs: send-digest');
    handlers.register(JOB.digest, done);
    expect(() => handlers.assertComplete()).not.toThrow();
  });

  it('names every missing job, and refuses a second handler for one', () => {
    const handlers = new JobHandlers();
    expect(() => handlers.assertComplete()).toThrow(`No handler for jobs: ${JOB_NAMES.join(', ')}`);
    handlers.register(JOB.sweep, done);
    expect(() => handlers.register(JOB.sweep, done)).toThrow('Two handlers for job "deadline-sweep"');
  });

  it('runs the wrappers around the handler, the first added outermost', async () => {
    const handlers = new JobHandlers();
    const seen: string[] = [];
    handlers.register(JOB.sweep, async () => {
      seen.push('handler');
      return 'swept';
    });
    handlers.around(async (job, run) => {
      seen.push(`outer ${job.name}`);
      return run();
    });
    handlers.around(async (_job, run) => {
      seen.push('inner');
      const result = await run();
      seen.push('inner done');
      return result;
    });
    await expect(handlers.run({ name: JOB.sweep, queueName: 'maintenance' } as Job)).resolves.toBe('swept');
    expect(seen).toEqual(['outer deadline-sweep', 'inner', 'handler', 'inner done']);
  });

  it('fails a job whose name has no handler', async () => {
    const handlers = new JobHandlers();
    await expect(handlers.run({ name: 'no-such-job', queueName: 'maintenance' } as Job)).rejects.toThrow(
      'No handler for job "no-such-job" on queue maintenance',
    );
  });
});

describe('job registry', () => {
  it('gives every job name a definition', () => {
    expect([...JOB_NAMES].sort()).toEqual(Object.values(JOB).sort());
  });

  it('builds jobs with the registry retries, deterministic ids and removal when finished', () => {
    expect(bulkJobs(JOB.mail, [{ jobId: 'mail-1', data: { notificationId: '1' } }])).toEqual([
      {
        name: 'send-notification-mail',
        data: { notificationId: '1' },
        opts: { jobId: 'mail-1', attempts: 8, backoff: { type: 'exponential', delay: 15_000 }, removeOnComplete: true, removeOnFail: true },
      },
    ]);
    expect(JOB_DEFINITIONS[JOB.generateExport]).toEqual({ queue: 'maintenance', retry: { attempts: 6, delayMs: 60_000 } });
    expect(bulkJobs(JOB.sweep, [{ jobId: 's', data: {} }])[0].opts).toEqual({ jobId: 's', removeOnComplete: true, removeOnFail: true });
  });
});
