import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AttachmentErrors } from '../attachments/attachments.errors';
import { AttachmentLimits, LimitProblem, limitProblem } from '../attachments/domain/attachment-limits';
import { checkIncomingFile } from '../attachments/checked-file';
import { IncomingFile } from '../attachments/incoming-file';
import { ATTACHMENT_STORAGE, AttachmentStorage, newStorageKey } from '../attachments/storage/attachment-storage';
import { AuditService } from '../audit/audit.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { isStaff } from './awards-query.service';
import { AwardStatus } from './domain/award-status';
import { Award } from './entities/award.entity';
import { AwardFile } from './entities/award-file.entity';
import { MilestoneReportsRepository } from './milestone-reports.repository';

/** While the grantee carries out the project, they add evidence and report on it. */
export const REPORTING_STATUSES: readonly AwardStatus[] = ['accepted', 'active'];

const LIMIT_ERRORS: Record<LimitProblem, ErrorSpec> = {
  too_large: AttachmentErrors.TOO_LARGE,
  count_reached: E.FILE_COUNT_LIMIT,
  quota_exceeded: E.FILE_QUOTA_EXCEEDED,
};

/** What the audit log keeps of a file: no name, only what identifies the bytes. */
const fileAuditView = (f: AwardFile) => ({ fileId: f.id, mediaType: f.mediaType, size: f.size, sha256: f.sha256 });

/** The grantee of an award is the applicant of its application; they see it once it is approved. */
export const isGrantee = (actor: AuthUser, award: Award, applicantId: string): boolean =>
  award.status !== 'proposed' && applicantId === actor.id;

/**
 * Photos and receipts the grantee uploads to their award, for its milestone reports. They are
 * checked like application attachments (name, type by content, size; a count and quota per award)
 * before any byte is stored, and stored in the same attachment storage.
 */
@Injectable()
export class AwardFilesService {
  private readonly logger = new Logger(AwardFilesService.name);
  private readonly limits: AttachmentLimits;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly awards: AwardsRepository,
    private readonly files: MilestoneReportsRepository,
    private readonly audit: AuditService,
  ) {
    this.limits = {
      maxFileBytes: config.attachmentMaxBytes,
      maxFiles: config.attachmentMaxCount,
      quotaBytes: config.attachmentQuotaBytes,
    };
  }

  async upload(actor: AuthUser, awardId: string, file: IncomingFile | undefined): Promise<AwardFile> {
    if (!file)
      throw new DomainError(AttachmentErrors.FILE_REQUIRED, {
        fields: [{ field: 'file', problems: ['file is required'] }],
      });
    const storageKey = newStorageKey();
    let stored = false;
    try {
      return await this.dataSource.transaction(async (em) => {
        // Locked: uploads to one award take turns, so the count and quota hold under races.
        const award = await this.awards.lock(em, awardId);
        if (!award || !isGrantee(actor, award, (await this.awards.applicationOf(em, award.applicationId)).applicantId))
          throw new DomainError(E.AWARD_NOT_FOUND);
        if (!REPORTING_STATUSES.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
        const checked = checkIncomingFile(file);
        const usage = await this.files.fileUsage(em, awardId);
        const problem = limitProblem(usage, checked.size, this.limits);
        if (problem) throw new DomainError(LIMIT_ERRORS[problem], { limits: this.limits, usage, size: checked.size });
        stored = true;
        await this.storage.put(storageKey, file.bytes);
        const saved = await this.files.insertFile(em, { awardId, storageKey, uploadedBy: actor.id, ...checked });
        await this.audit.record(em, {
          actorId: actor.id,
          action: 'award.file_uploaded',
          entityType: 'award',
          entityId: awardId,
          after: fileAuditView(saved),
        });
        return saved;
      });
    } catch (error) {
      if (stored) await this.discard(storageKey);
      throw error;
    }
  }

  async list(viewer: AuthUser, awardId: string): Promise<AwardFile[]> {
    await this.visibleAward(viewer, awardId);
    return this.files.files(awardId);
  }

  async open(viewer: AuthUser, awardId: string, fileId: string): Promise<{ file: AwardFile; content: Readable }> {
    await this.visibleAward(viewer, awardId);
    const file = await this.files.file(awardId, fileId);
    if (!file) throw new DomainError(E.FILE_NOT_FOUND);
    const content = await this.storage.get(file.storageKey);
    return { file, content: Buffer.isBuffer(content) ? Readable.from(content) : content };
  }

  /** Staff see every award; a grantee only their own; anyone else is told it does not exist. */
  async visibleAward(viewer: AuthUser, awardId: string, em: EntityManager = this.dataSource.manager): Promise<Award> {
    const award = await this.awards.find(awardId, em);
    if (!award) throw new DomainError(E.AWARD_NOT_FOUND);
    if (isStaff(viewer)) return award;
    if (!isGrantee(viewer, award, (await this.awards.applicationOf(em, award.applicationId)).applicantId))
      throw new DomainError(E.AWARD_NOT_FOUND);
    return award;
  }

  /** Removes stored bytes nothing refers to; a failure is logged, as the request's outcome stands. */
  private async discard(storageKey: string): Promise<void> {
    try {
      await this.storage.delete(storageKey);
    } catch (err) {
      this.logger.error({ err, storageKey }, 'Could not remove award file bytes; they are orphaned');
    }
  }
}
