import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import { IncomingFile } from '../stored-files/incoming-file';
import { StoredFilesService } from '../stored-files/stored-files.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { isStaff } from './awards-query.service';
import { AwardStatus } from './domain/award-status';
import { Award } from './entities/award.entity';
import { AwardFile } from './entities/award-file.entity';
import { MilestoneReportsRepository } from './milestone-reports.repository';

/** While the grantee carries out the project, they add evidence and report on it. */
export const REPORTING_STATUSES: readonly AwardStatus[] = ['accepted', 'active'];

/** What the audit log keeps of a file: no name, only what identifies the bytes. */
const fileAuditView = (f: AwardFile) => ({ fileId: f.id, mediaType: f.mediaType, size: f.size, sha256: f.sha256 });

/** The grantee of an award is the applicant of its application; they see it once it is approved. */
export const isGrantee = (actor: AuthUser, award: Award, applicantId: string): boolean =>
  award.status !== 'proposed' && applicantId === actor.id;

/**
 * Photos and receipts the grantee uploads to their award, for its milestone reports. They go
 * through the stored files like application attachments (name, type by content, size; a count and
 * quota per award) and are checked before any byte is stored.
 */
@Injectable()
export class AwardFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stored: StoredFilesService,
    private readonly awards: AwardsRepository,
    private readonly files: MilestoneReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: AuthUser, awardId: string, file: IncomingFile | undefined): Promise<AwardFile> {
    return this.stored.upload(file, {
      lock: async (em) => {
        // Locked: uploads to one award take turns, so the count and quota hold under races.
        const award = await this.awards.lock(em, awardId);
        if (!award || !isGrantee(actor, award, (await this.awards.applicationOf(em, award.applicationId)).applicantId))
          throw new DomainError(E.AWARD_NOT_FOUND);
        if (!REPORTING_STATUSES.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
        return this.files.fileUsage(em, awardId);
      },
      countLimit: E.FILE_COUNT_LIMIT,
      quotaExceeded: E.FILE_QUOTA_EXCEEDED,
      record: async (em, stored) => {
        const saved = await this.files.insertFile(em, { awardId, uploadedBy: actor.id, ...stored });
        await this.audit.record(em, {
          actorId: actor.id,
          action: 'award.file_uploaded',
          entityType: 'award',
          entityId: awardId,
          after: fileAuditView(saved),
        });
        return saved;
      },
    });
  }

  async list(viewer: AuthUser, awardId: string, page: PageRequest): Promise<[AwardFile[], number]> {
    await this.visibleAward(viewer, awardId);
    return this.files.files(awardId, page.limit, page.offset);
  }

  async open(viewer: AuthUser, awardId: string, fileId: string): Promise<{ file: AwardFile; content: Readable }> {
    await this.visibleAward(viewer, awardId);
    const file = await this.files.file(awardId, fileId);
    if (!file) throw new DomainError(E.FILE_NOT_FOUND);
    return { file, content: await this.stored.open(file.storageKey) };
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
}
