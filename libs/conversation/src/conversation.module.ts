import { Module } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { AttachmentsService } from './attachments.service';
import { CommentsService } from './comments.service';
import { BlobStorage, storageFromConfig } from './storage';
import { VirusScanner } from './virus-scanner';

/** Comments and evidence files on the steps of the follow-up, with the storage backend the configuration names. */
@Module({
  providers: [
    CommentsService,
    AttachmentsService,
    { provide: BlobStorage, inject: [AppConfig], useFactory: storageFromConfig },
    { provide: VirusScanner, inject: [AppConfig], useFactory: (config: AppConfig) => new VirusScanner(config) },
  ],
  exports: [CommentsService, AttachmentsService, BlobStorage, VirusScanner],
})
export class ConversationModule {}
