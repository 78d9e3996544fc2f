import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { StoredFilesModule } from '../stored-files/stored-files.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsQueryService } from './attachments-query.service';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

/** The files of an application: its applicant adds them to the draft, managers mark them, jurors read them. */
@Module({
  imports: [ApplicationsModule, StoredFilesModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService, AttachmentsQueryService],
  exports: [AttachmentsQueryService, AttachmentsService],
})
export class AttachmentsModule {}
