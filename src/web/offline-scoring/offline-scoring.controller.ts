import { Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { OfflineProblem } from '../../modules/reviews/domain/offline/offline-parse';
import { OFFLINE_FORM_MAX_BYTES, OfflineScoringService } from '../../modules/reviews/offline-scoring.service';
import { ReviewErrors } from '../../modules/reviews/reviews.errors';
import { IncomingFile, UploadedAttachment } from '../../modules/stored-files/incoming-file';
import { UploadRefusedInterceptor } from '../render/upload-refused.interceptor';
import { download, FileResult, page, PageResult, RedirectResult, seeOther } from '../render/web-result';
import { WebRequest } from '../session/web-request';
import { FieldError } from '../ui/form';
import { WebController } from '../web-controller';
import { OfflineScoringPage } from './offline-scoring.page';

/** An id that is no UUID names nothing: not found, like an id of someone else's round. */
const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/**
 * Scoring without a connection, for jurors: the round's form to download and the upload that
 * stores the whole file or nothing (OfflineScoringService). The file is multipart, so the CSRF
 * token travels in the address.
 */
@WebController()
export class OfflineScoringController {
  constructor(private readonly offline: OfflineScoringService) {}

  @Get('reviews/rounds/:id/offline')
  @Roles('juror')
  async offlinePage(
    @CurrentUser() juror: AuthUser,
    @Param('id', uuid) id: string,
    @Query('problem') problem?: string,
    @Query('saved') saved?: string,
    @Query('submitted') submitted?: string,
  ): Promise<PageResult> {
    const errors: FieldError[] =
      problem === 'too-large'
        ? [{ field: 'file', message: 'offlineScoring.error.tooLarge' }]
        : problem === 'not-accepted'
          ? [{ field: 'file', message: 'offlineScoring.error.noFile' }]
          : [];
    const done =
      saved !== undefined && /^\d{1,6}$/.test(saved) && /^\d{1,6}$/.test(submitted ?? '')
        ? { saved: Number(saved), submitted: Number(submitted) }
        : undefined;
    return page(OfflineScoringPage, { round: await this.offline.overview(juror.id, id), problems: [], errors, done });
  }

  @Get('reviews/rounds/:id/offline/form.txt')
  @Roles('juror')
  async form(
    @CurrentUser() juror: AuthUser,
    @Param('id', uuid) id: string,
    @Req() request: WebRequest,
  ): Promise<FileResult> {
    const { filename, text } = await this.offline.form(juror.id, id, request.web?.language ?? 'kk');
    return download(Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8', filename);
  }

  @Post('reviews/rounds/:id/offline')
  @Roles('juror')
  @HttpCode(200)
  @UseInterceptors(
    UploadRefusedInterceptor,
    FileInterceptor('file', { limits: { fileSize: OFFLINE_FORM_MAX_BYTES, files: 1 } }),
  )
  async upload(
    @CurrentUser() juror: AuthUser,
    @Param('id', uuid) id: string,
    @UploadedAttachment() file: IncomingFile | undefined,
  ): Promise<PageResult | RedirectResult> {
    const round = await this.offline.overview(juror.id, id);
    const noFile: FieldError[] = [{ field: 'file', message: 'offlineScoring.error.noFile' }];
    if (!file || file.bytes.length === 0) return page(OfflineScoringPage, { round, problems: [], errors: noFile }, 400);
    try {
      const { saved, submitted } = await this.offline.upload(juror.id, id, file);
      return seeOther(`/reviews/rounds/${id}/offline?saved=${saved}&submitted=${submitted}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ReviewErrors.OFFLINE_FORM_INVALID.code) throw error;
      const problems = (error.details as { problems: OfflineProblem[] }).problems;
      return page(OfflineScoringPage, { round, problems, errors: [] }, 422);
    }
  }
}
