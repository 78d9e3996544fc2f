import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ApplicationDeletionHooks } from '../applications/application-deletion-hooks';
import { canChange, canSee } from '../applications/application-drafts.service';
import { ApplicationErrors } from '../applications/applications.errors';
import { canApplication } from '../applications/domain/application-status';
import { Application } from '../applications/entities/application.entity';
import { AuditService } from '../audit/audit.service';
import { AttachmentErrors as E } from './attachments.errors';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentLimits, LimitProblem, limitProblem } from './domain/attachment-limits';
import { Attachment } from './entities/attachment.entity';
import { checkIncomingFile } from './checked-file';
import { IncomingFile } from './incoming-file';
import { ATTACHMENT_STORAGE, AttachmentStorage, newStorageKey } from './storage/attachment-storage';

const LIMIT_ERRORS: Record<LimitProblem, ErrorSpec> = {
  too_large: E.TOO_LARGE,
  count_reached: E.COUNT_LIMIT,
  quota_exceeded: E.QUOTA_EXCEEDED,
};

/** What the audit log keeps of an attachment: no name, only what identifies the bytes. */
const attachmentAuditView = (a: Attachment) => ({
  attachmentId: a.id,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * Files attached to a draft application. A file is checked completely (owner, draft, name, type by
 * content, size, count and quota) before any byte is stored, and its row and audit event commit
 * together; if anything fails after the bytes were written, they are removed again.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly limits: AttachmentLimits;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly attachments: AttachmentsRepository,
    private readonly audit: AuditService,
    private readonly deletionHooks: ApplicationDeletionHooks,
  ) {
    this.limits = {
      maxFileBytes: config.attachmentMaxBytes,
      maxFiles: config.attachmentMaxCount,
      quotaBytes: config.attachmentQuotaBytes,
    };
  }

  /** A deleted draft's rows go with it (foreign key cascade); its files go after the commit. */
  onModuleInit(): void {
    this.deletionHooks.register(async (em, applicationId) => {
      const keys = await this.attachments.storageKeysOf(em, applicationId);
      return async () => {
        for (const key of keys) await this.discard(key);
      };
    });
  }

  async upload(actor: AuthUser, applicationId: string, file: IncomingFile | undefined): Promise<Attachment> {
    if (!file) throw new DomainError(E.FILE_REQUIRED, { fields: [{ field: 'file', problems: ['file is required'] }] });
    const storageKey = newStorageKey();
    let stored = false;
    try {
      return await this.dataSource.transaction(async (em) => {
        await this.lockOwnDraft(em, actor, applicationId);
        const checked = checkIncomingFile(file);
        const usage = await this.attachments.usage(em, applicationId);
        const problem = limitProblem(usage, checked.size, this.limits);
        if (problem) throw new DomainError(LIMIT_ERRORS[problem], { limits: this.limits, usage, size: checked.size });
        stored = true;
        await this.storage.put(storageKey, file.bytes);
        const attachment = await this.attachments.insert(em, {
          applicationId,
          storageKey,
          uploadedBy: actor.id,
          identifying: true,
          ...checked,
        });
        await this.audit.record(em, {
          actorId: actor.id,
          action: 'attachment.uploaded',
          entityType: 'application',
          entityId: applicationId,
          after: attachmentAuditView(attachment),
        });
        return attachment;
      });
    } catch (error) {
      if (stored) await this.discard(storageKey);
      throw error;
    }
  }

  async list(viewer: AuthUser, applicationId: string): Promise<Attachment[]> {
    await this.visibleApplication(viewer, applicationId);
    return this.attachments.listFor(applicationId);
  }

  async open(
    viewer: AuthUser,
    applicationId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    await this.visibleApplication(viewer, applicationId);
    const attachment = await this.attachments.find(applicationId, attachmentId);
    if (!attachment) throw new DomainError(E.NOT_FOUND);
    const content = await this.storage.get(attachment.storageKey);
    return { attachment, content: Buffer.isBuffer(content) ? Readable.from(content) : content };
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
      const application = await this.attachments.lockApplication(em, applicationId);
      if (!application || !canSee(actor, application)) throw new DomainError(ApplicationErrors.NOT_FOUND);
      const before = await this.attachments.find(applicationId, attachmentId, em);
      if (!before) throw new DomainError(E.NOT_FOUND);
      await this.attachments.setIdentifying(em, attachmentId, identifying);
      const after = (await this.attachments.find(applicationId, attachmentId, em))!;
      await this.audit.record(em, {
        actorId: actor.id,
        action: 'attachment.identifying_set',
        entityType: 'application',
        entityId: applicationId,
        before: { ...attachmentAuditView(before), identifying: before.identifying },
        after: { ...attachmentAuditView(after), identifying: after.identifying },
      });
      return after;
    });
  }

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
    const content = await this.storage.get(attachment.storageKey);
    return { attachment, content: Buffer.isBuffer(content) ? Readable.from(content) : content };
  }

  async remove(actor: AuthUser, applicationId: string, attachmentId: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (em) => {
      await this.lockOwnDraft(em, actor, applicationId);
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
    await this.discard(removed.storageKey);
  }

  /** Only the applicant changes the attachments of their application, and only while it is a draft. */
  private async lockOwnDraft(em: EntityManager, actor: AuthUser, applicationId: string): Promise<Application> {
    const application = await this.attachments.lockApplication(em, applicationId);
    if (!application || !canSee(actor, application)) throw new DomainError(ApplicationErrors.NOT_FOUND);
    if (!canChange(actor, application)) throw new DomainError(ApplicationErrors.NOT_ASSISTED);
    if (!canApplication('edit', application.status))
      throw new DomainError(ApplicationErrors.NOT_DRAFT, { status: application.status });
    return application;
  }

  private async visibleApplication(viewer: AuthUser, applicationId: string): Promise<Application> {
    const application = await this.attachments.application(applicationId);
    if (!application || !canSee(viewer, application)) throw new DomainError(ApplicationErrors.NOT_FOUND);
    return application;
  }

  /** Removes stored bytes nothing refers to; a failure is logged, as the request's outcome stands. */
  private async discard(storageKey: string): Promise<void> {
    try {
      await this.storage.delete(storageKey);
    } catch (err) {
      this.logger.error({ err, storageKey }, 'Could not remove attachment bytes; they are orphaned');
    }
  }
}
