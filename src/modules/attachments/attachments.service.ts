import { Readable } from 'node:stream';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest } from '../../common/http/pagination';
import { ApplicationDeletionHooks } from '../applications/application-deletion-hooks';
import { ApplicationsQueryService } from '../applications/applications-query.service';
import { AuditService } from '../audit/audit.service';
import { IncomingFile } from '../stored-files/incoming-file';
import { StoredFilesService } from '../stored-files/stored-files.service';
import { AttachmentErrors as E } from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';
import { Attachment } from './entities/attachment.entity';

/** What the audit log keeps of an attachment: no name, only what identifies the bytes. */
const attachmentAuditView = (a: Attachment) => ({
  attachmentId: a.id,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * Files attached to a draft application, by its applicant (or the manager of an assisted intake).
 * Uploads go through the stored files: checked completely (owner, draft, name, type by content,
 * size, count and quota) before any byte is stored; the row and audit event commit together.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: StoredFilesService,
    private readonly attachments: AttachmentsRepository,
    private readonly applications: ApplicationsQueryService,
    private readonly audit: AuditService,
    private readonly deletionHooks: ApplicationDeletionHooks,
  ) {}

  /** A deleted draft's rows go with it (foreign key cascade); its files go after the commit. */
  onModuleInit(): void {
    this.deletionHooks.register(async (em, applicationId) => {
      const keys = await this.attachments.storageKeysOf(em, applicationId);
      return async () => {
        for (const key of keys) await this.files.discard(key);
      };
    });
  }

  async upload(actor: AuthUser, applicationId: string, file: IncomingFile | undefined): Promise<Attachment> {
    return this.files.upload(file, {
      lock: async (em) => {
        await this.applications.lockChangeableDraft(em, actor, applicationId);
        return this.attachments.usage(em, applicationId);
      },
      countLimit: E.COUNT_LIMIT,
      quotaExceeded: E.QUOTA_EXCEEDED,
      record: async (em, stored) => {
        const attachment = await this.attachments.insert(em, {
          applicationId,
          uploadedBy: actor.id,
          identifying: true,
          ...stored,
        });
        await this.audit.record(em, {
          actorId: actor.id,
          action: 'attachment.uploaded',
          entityType: 'application',
          entityId: applicationId,
          after: attachmentAuditView(attachment),
        });
        return attachment;
      },
    });
  }

  async list(viewer: AuthUser, applicationId: string, page: PageRequest): Promise<[Attachment[], number]> {
    await this.applications.visible(viewer, applicationId);
    return this.attachments.pageFor(applicationId, page.limit, page.offset);
  }

  async open(
    viewer: AuthUser,
    applicationId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    await this.applications.visible(viewer, applicationId);
    const attachment = await this.attachments.find(applicationId, attachmentId);
    if (!attachment) throw new DomainError(E.NOT_FOUND);
    return { attachment, content: await this.files.open(attachment.storageKey) };
  }

  /**
   * A manager's judgement after looking at a file: whether it may reveal who applied. Jurors of a
   * blind round see only files marked as not identifying (every file starts as identifying).
   */
  async markIdentifying(
    actor: AuthUser,
    applicationId: string,
    attachmentId: string,
    identifying: boolean,
  ): Promise<Attachment> {
    return this.dataSource.transaction(async (em) => {
      await this.applications.lockVisible(em, actor, applicationId);
      const before = await this.attachments.find(applicationId, attachmentId, em);
      if (!before) throw new DomainError(E.NOT_FOUND);
      await this.attachments.setIdentifying(em, attachmentId, identifying);
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'attachment.identifying_set',
        entityType: 'application',
        entityId: applicationId,
        before: { ...attachmentAuditView(before), identifying: before.identifying },
        reload: (tx) => this.attachments.find(applicationId, attachmentId, tx),
        after: (row) => ({ ...attachmentAuditView(row), identifying: row.identifying }),
      });
    });
  }

  async remove(actor: AuthUser, applicationId: string, attachmentId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (em) => {
      await this.applications.lockChangeableDraft(em, actor, applicationId);
      const attachment = await this.attachments.find(applicationId, attachmentId, em);
      if (!attachment) throw new DomainError(E.NOT_FOUND);
      await this.attachments.remove(em, attachment.id);
      await this.audit.record(em, {
        actorId: actor.id,
        action: 'attachment.deleted',
        entityType: 'application',
        entityId: applicationId,
        before: attachmentAuditView(attachment),
      });
      return attachment;
    });
    // After the commit: a rollback must never leave a row whose bytes are gone.
    await this.files.discard(removed.storageKey);
  }
}
