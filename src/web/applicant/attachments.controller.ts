import { Body, Get, HttpCode, Inject, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { canApplication } from '../../modules/applications/domain/application-status';
import { AttachmentErrors } from '../../modules/attachments/attachments.errors';
import { AttachmentsService } from '../../modules/attachments/attachments.service';
import { extensionOf } from '../../modules/stored-files/domain/file-type';
import { IncomingFile, UploadedAttachment } from '../../modules/stored-files/incoming-file';
import { StoredFileErrors } from '../../modules/stored-files/stored-files.errors';
import { MessageKey } from '../i18n/catalogue';
import { readForm } from '../render/form-input';
import { page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { ApplicantViews } from './applicant-views';
import { AttachmentsPage, UploadLimits } from './attachments.page';
import { UploadRefusedInterceptor } from '../render/upload-refused.interceptor';
import { forReader } from './intake-banner';
import { OwnApplication } from './applicant-views';

/** Pictures that phones make and the service does not take: named, with what to do instead. */
const PHONE_PICTURES = ['heic', 'heif', 'webp'];
const NOTICES: Record<string, MessageKey> = {
  uploaded: 'applySteps.files.uploaded',
  removed: 'applySteps.files.removed',
};

const megabytes = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The documents step: a multipart upload (token in the address), a list with remove buttons. */
@WebController()
export class AttachmentsStepController {
  private readonly limits: UploadLimits;

  constructor(
    private readonly views: ApplicantViews,
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = {
      maxBytes: config.attachmentMaxBytes,
      maxCount: config.attachmentMaxCount,
      quotaBytes: config.attachmentQuotaBytes,
    };
  }

  @Get('applications/:id/attachments')
  @Roles('applicant', 'manager')
  async filesPage(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Query('problem') problem?: string,
    @Query('done') done?: string,
  ): Promise<PageResult | RedirectResult> {
    const own = await this.views.own(actor, id);
    if (!canApplication('edit', own.application.status)) return seeOther(`/applications/${id}`);
    const errors: FieldError[] =
      problem === 'too-large'
        ? [{ field: 'file', message: 'applySteps.files.error.tooLarge', params: this.sizeParams() }]
        : problem === 'not-accepted'
          ? [{ field: 'file', message: 'applySteps.files.error.generic' }]
          : [];
    return this.render(own, actor, id, errors, 200, NOTICES[done ?? '']);
  }

  @Post('applications/:id/attachments')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  @UseInterceptors(UploadRefusedInterceptor, FileInterceptor('file'))
  async upload(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @UploadedAttachment() file: IncomingFile | undefined,
  ): Promise<PageResult | RedirectResult> {
    const own = await this.views.own(actor, id);
    try {
      await this.attachments.upload(actor, id, file);
      return seeOther(`/applications/${id}/attachments?done=uploaded`);
    } catch (error) {
      const problem = this.problemOf(error, file);
      if (!problem) throw error;
      return this.render(
        own,
        actor,
        id,
        [problem],
        error instanceof DomainError && error.kind === 'too_large' ? 413 : 422,
      );
    }
  }

  @Post('applications/:id/attachments/:attachmentId/remove')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  async remove(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Body() body: unknown,
  ): Promise<RedirectResult> {
    readForm(body, []);
    await this.views.own(actor, id);
    if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw new DomainError(AttachmentErrors.NOT_FOUND);
    await this.attachments.remove(actor, id, attachmentId);
    return seeOther(`/applications/${id}/attachments?done=removed`);
  }

  private async render(
    own: OwnApplication,
    actor: AuthUser,
    id: string,
    errors: FieldError[],
    status: number,
    notice?: MessageKey,
  ): Promise<PageResult> {
    const files = await this.views.files(actor, id);
    return forReader(
      own,
      page(AttachmentsPage, { applicationId: id, files, limits: this.limits, errors, notice }, status),
    );
  }

  private sizeParams(): Record<string, number> {
    return { size: megabytes(this.limits.maxBytes) };
  }

  /** A problem with the file the applicant can put right, or null for anything else. */
  private problemOf(error: unknown, file: IncomingFile | undefined): FieldError | null {
    if (!(error instanceof DomainError)) return null;
    const at = (message: MessageKey, params?: Record<string, string | number>): FieldError => ({
      field: 'file',
      message,
      params,
    });
    switch (error.code) {
      case StoredFileErrors.FILE_REQUIRED.code:
        return at('applySteps.files.error.required');
      case StoredFileErrors.INVALID_NAME.code:
        return at('applySteps.files.error.name');
      case StoredFileErrors.TOO_LARGE.code:
        return at('applySteps.files.error.tooLarge', this.sizeParams());
      case StoredFileErrors.UNSUPPORTED_TYPE.code:
        return PHONE_PICTURES.includes(extensionOf(file?.name ?? ''))
          ? at('applySteps.files.error.heic')
          : at('applySteps.files.error.type');
      case StoredFileErrors.TYPE_MISMATCH.code:
        return at('applySteps.files.error.mismatch');
      case AttachmentErrors.COUNT_LIMIT.code:
        return at('applySteps.files.error.count', { count: this.limits.maxCount });
      case AttachmentErrors.QUOTA_EXCEEDED.code:
        return at('applySteps.files.error.quota', { quota: megabytes(this.limits.quotaBytes) });
      default:
        return null;
    }
  }
}
