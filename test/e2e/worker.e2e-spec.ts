import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes } from 'crypto';
import request from 'supertest';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AppConfig, loadConfig } from '@opvolging/config';
import { QUEUES, redisOptions } from '@opvolging/queue';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

describe('queue worker', () => {
  let app: INestApplication;
  let database: { name: string; url: string };
  let config: AppConfig;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
    await queue.obliterate({ force: true });
    await app.close();
    await dropTestDatabase(database.name);
  });

  it('reports live and ready with PostgreSQL and Redis up', async () => {
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('consumes jobs from Redis and fails a job it has no handler for, instead of dropping it', async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUES.maintenance));
    const events = new QueueEvents(QUEUES.maintenance, {
      connection: redisOptions(config.REDIS_URL, 'worker'),
      prefix: config.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
    try {
      const job = await queue.add('no-such-job', { id: 'x' }, { attempts: 1 });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow('No handler for job "no-such-job" on queue maintenance');
    } finally {
      await events.close();
    }
  });
});
