import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ApplicationsModule } from '../applications/applications.module';
import { AttachmentTooLargeInterceptor } from './attachment-too-large.interceptor';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage';
import { FileSystemAttachmentStorage } from './storage/file-system-attachment-storage';

/**
 * Multer's options for this module's routes. They are module options, not FileInterceptor's local
 * ones, because the limit comes from configuration (and local `limits` would replace these whole).
 * No `storage` or `dest`: multer keeps the file in memory, bounded by `fileSize`, while it is checked.
 */
const uploadOptions = (config: AppConfig) => ({
  limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
  // Browsers send file names as raw UTF-8; multer's default would read them as Latin-1.
  defParamCharset: 'utf8',
});

@Module({
  imports: [ApplicationsModule, MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: uploadOptions })],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    AttachmentTooLargeInterceptor,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FileSystemAttachmentStorage.create(config.attachmentDir),
    },
  ],
  exports: [AttachmentsService, ATTACHMENT_STORAGE, MulterModule],
})
export class AttachmentsModule {}
