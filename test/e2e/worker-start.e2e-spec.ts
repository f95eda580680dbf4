import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { MaintenanceProcessor } from '../../apps/worker/src/maintenance.processor';
import { NotificationsProcessor } from '../../apps/worker/src/notifications.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AppConfig, loadConfig } from '@opvolging/config';
import { ExportJobs } from '@opvolging/exports';
import { NotificationJobs } from '@opvolging/notifications';
import { QUEUES } from '@opvolging/queue';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/** The worker refuses to start when a library has not registered a handler for one of its jobs. */
describe('worker start-up check', () => {
  let database: { name: string; url: string };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await dropTestDatabase(database.name);
  });

  async function start(without: unknown): Promise<void> {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    });
    let builder = Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(config);
    if (without) builder = builder.overrideProvider(without).useValue({});
    const moduleRef = await builder
      // No consumers: this test is about start-up only, and a half-started consumer cannot close cleanly.
      .overrideProvider(MaintenanceProcessor)
      .useValue({})
      .overrideProvider(NotificationsProcessor)
      .useValue({})
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    try {
      await app.init();
      // Started: remove the schedulers it upserted under this test's prefix.
      await app.get<Queue>(getQueueToken(QUEUES.maintenance)).obliterate({ force: true });
    } finally {
      await app.close().catch(() => undefined);
    }
  }

  it('fails naming the mail, digest, sweep and retention jobs when notifications registers nothing', async () => {
    await expect(start(NotificationJobs)).rejects.toThrow(
      'No handler for jobs: deadline-sweep, retention, send-notification-mail, send-digest',
    );
  });

  it('starts when every library registered its handlers', async () => {
    await expect(start(undefined)).resolves.toBeUndefined();
  });

  it('fails naming the export job when exports registers nothing', async () => {
    await expect(start(ExportJobs)).rejects.toThrow('No handler for jobs: generate-export');
  });
});
