import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { StoredFilesService } from '../stored-files/stored-files.service';
import { AttachmentErrors as E } from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';
import { Attachment } from './entities/attachment.entity';

/** The files of an application as reviews show them to jurors (who may see the application is the caller's check). */
@Injectable()
export class AttachmentsQueryService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly files: StoredFilesService,
  ) {}

  /** The files a juror may see: all of them, or in a blind round only those marked as not identifying. */
  async listForReview(applicationId: string, blind: boolean): Promise<Attachment[]> {
    return (await this.attachments.listFor(applicationId)).filter((a) => !blind || !a.identifying);
  }

  async openForReview(
    applicationId: string,
    attachmentId: string,
    blind: boolean,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    const attachment = await this.attachments.find(applicationId, attachmentId);
    if (!attachment || (blind && attachment.identifying)) throw new DomainError(E.NOT_FOUND);
    return { attachment, content: await this.files.open(attachment.storageKey) };
  }
}
