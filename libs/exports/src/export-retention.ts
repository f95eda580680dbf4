import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { RetentionTasks } from '@opvolging/database';
import { exportRepository } from './exports.repository';

/** Finished and failed exports (the file is in the row) are deleted after RETENTION_EXPORTS_DAYS. */
@Injectable()
export class ExportRetention implements OnModuleInit {
  constructor(
    private readonly tasks: RetentionTasks,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.tasks.register('exports', (em, now) => exportRepository.deleteOld(em, now, this.config.RETENTION_EXPORTS_DAYS));
  }
}
