import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AttachmentTooLargeInterceptor } from './attachment-too-large.interceptor';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage';
import { FileSystemAttachmentStorage } from './storage/file-system-attachment-storage';
import { StoredFilesService } from './stored-files.service';

/**
 * Multer's options for the upload routes of the modules that import this one. They are module
 * options, not FileInterceptor's local ones, because the limit comes from configuration (and local
 * `limits` would replace these whole). No `storage` or `dest`: multer keeps the file in memory,
 * bounded by `fileSize`, while it is checked.
 */
const uploadOptions = (config: AppConfig) => ({
  limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
  // Browsers send file names as raw UTF-8; multer's default would read them as Latin-1.
  defParamCharset: 'utf8',
});

/** Uploaded files and where their bytes live, for application attachments and award files alike. */
@Module({
  imports: [MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: uploadOptions })],
  providers: [
    StoredFilesService,
    AttachmentTooLargeInterceptor,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FileSystemAttachmentStorage.create(config.attachmentDir),
    },
  ],
  exports: [StoredFilesService, AttachmentTooLargeInterceptor, MulterModule],
})
export class StoredFilesModule {}
