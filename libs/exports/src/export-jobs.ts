import { Injectable, OnModuleInit } from '@nestjs/common';
import { JOB, JobHandlers } from '@opvolging/queue';
import { ExportGenerator } from './export-generator';

/** Registers this library's job handler: making an export. */
@Injectable()
export class ExportJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly generator: ExportGenerator,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JOB.generateExport, (job) => this.generator.run(job.data.exportId));
  }
}
