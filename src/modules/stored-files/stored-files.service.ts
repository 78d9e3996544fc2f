import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorSpec } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CheckedFile, checkIncomingFile } from './checked-file';
import { AttachmentLimits, AttachmentUsage, LimitProblem, limitProblem } from './domain/attachment-limits';
import { IncomingFile } from './incoming-file';
import { ATTACHMENT_STORAGE, AttachmentStorage, newStorageKey } from './storage/attachment-storage';
import { StoredFileErrors as E } from './stored-files.errors';

/** A checked file whose bytes are stored under `storageKey`: what the owner's row records of it. */
export interface StoredFile extends CheckedFile {
  storageKey: string;
}

/** What a file is added to (an application, an award): the steps of an upload that are the owner's. */
export interface FileOwner<T> {
  /**
   * In the upload's transaction, first: locks the owner, so its uploads take turns and its count
   * and quota hold under races, and checks the actor may add a file to it (throwing a domain error
   * when not). Returns what its files use so far.
   */
  lock(em: EntityManager): Promise<AttachmentUsage>;
  /** The owner's errors for a full count and a full quota. */
  countLimit: ErrorSpec;
  quotaExceeded: ErrorSpec;
  /** In the same transaction, once the bytes are stored: the file's row and its audit event. */
  record(em: EntityManager, file: StoredFile): Promise<T>;
}

/**
 * Uploaded files, for every module that keeps them (application attachments, award files). A file
 * is checked completely (the owner's checks, name, type by content, size, count and quota) before
 * any byte is stored, and its row and audit event commit together; if anything fails after the
 * bytes were written, they are removed again. The limits are the same for every owner (config).
 */
@Injectable()
export class StoredFilesService {
  private readonly logger = new Logger(StoredFilesService.name);
  readonly limits: AttachmentLimits;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {
    this.limits = {
      maxFileBytes: config.attachmentMaxBytes,
      maxFiles: config.attachmentMaxCount,
      quotaBytes: config.attachmentQuotaBytes,
    };
  }

  async upload<T>(file: IncomingFile | undefined, owner: FileOwner<T>): Promise<T> {
    if (!file) throw new DomainError(E.FILE_REQUIRED, { fields: [{ field: 'file', problems: ['file is required'] }] });
    const storageKey = newStorageKey();
    let stored = false;
    try {
      return await this.dataSource.transaction(async (em) => {
        const usage = await owner.lock(em);
        const checked = checkIncomingFile(file);
        const problem = limitProblem(usage, checked.size, this.limits);
        if (problem)
          throw new DomainError(limitError(problem, owner), { limits: this.limits, usage, size: checked.size });
        stored = true;
        await this.storage.put(storageKey, file.bytes);
        return await owner.record(em, { ...checked, storageKey });
      });
    } catch (error) {
      if (stored) await this.discard(storageKey);
      throw error;
    }
  }

  /** The bytes stored under the key, as a stream. */
  async open(storageKey: string): Promise<Readable> {
    const content = await this.storage.get(storageKey);
    return Buffer.isBuffer(content) ? Readable.from(content) : content;
  }

  /**
   * Removes stored bytes nothing refers to any more (call it after the commit that removed their
   * row: a rollback must never leave a row whose bytes are gone). A failure is logged, as the
   * request's outcome stands.
   */
  async discard(storageKey: string): Promise<void> {
    try {
      await this.storage.delete(storageKey);
    } catch (err) {
      this.logger.error({ err, storageKey }, 'Could not remove stored file bytes; they are orphaned');
    }
  }
}

function limitError(problem: LimitProblem, owner: FileOwner<unknown>): ErrorSpec {
  switch (problem) {
    case 'too_large':
      return E.TOO_LARGE;
    case 'count_reached':
      return owner.countLimit;
    case 'quota_exceeded':
      return owner.quotaExceeded;
  }
}
