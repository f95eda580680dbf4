import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, ConfigModule, loadConfig } from '@opvolging/config';
import { AttachmentsService, ConversationModule } from '@opvolging/conversation';
import { DatabaseModule } from '@opvolging/database';
import { SharedModule } from '@opvolging/shared';

@Module({ imports: [ConfigModule, SharedModule.forRoot(), DatabaseModule, ConversationModule] })
class CheckStorageModule {}

/**
 * `npm run check-storage [-- --repair]`: compares the attachments in PostgreSQL with the bytes in
 * storage (STORAGE_DIR or STORAGE_URL). Reports rows whose bytes are missing (restore them from a
 * backup), bytes without a row older than an hour (an upload cut off between storing and
 * recording) and bytes of deleted files; `--repair` removes the last two. Exits 1 when anything is
 * wrong, so it can run from cron or a monitoring check.
 */
async function main() {
  loadConfig();
  const repair = process.argv.includes('--repair');
  const app = await NestFactory.createApplicationContext(CheckStorageModule, { logger: ['error'] });
  try {
    const report = await app.get(AttachmentsService).checkConsistency(repair);
    for (const m of report.missingBytes) console.log(`MISSING  attachment ${m.id} "${m.fileName}": no bytes at ${m.storageKey}`);
    for (const key of report.orphans) console.log(`ORPHAN   ${key}: bytes without an attachment${repair ? ' (removed)' : ''}`);
    for (const key of report.undeletedBytes) console.log(`LEFTOVER ${key}: bytes of a deleted attachment${repair ? ' (removed)' : ''}`);
    const problems = report.missingBytes.length + (repair ? 0 : report.orphans.length + report.undeletedBytes.length);
    console.log(
      `${report.missingBytes.length} missing, ${report.orphans.length} orphaned, ${report.undeletedBytes.length} left ` +
        `over${repair ? `, ${report.repaired} removed` : ''}.`,
    );
    process.exitCode = problems ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(2);
});
