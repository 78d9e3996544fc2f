import { Controller, Get, Header, HttpCode, Post, StreamableFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { CommonErrors } from '../../common/errors/common.errors';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { Language } from '../../common/i18n/language';
import { ReaderLanguage } from '../../common/i18n/reader-language';
import { UuidParam } from '../../common/validation/uuid-param';
import { IncomingFile, UploadedAttachment } from '../stored-files/incoming-file';
import { attachmentDisposition } from '../stored-files/domain/file-name';
import { OFFLINE_FORM_MAX_BYTES, OfflineScoringService } from './offline-scoring.service';
import { ReviewErrors as E } from './reviews.errors';

class OfflineUploadResultDto {
  @ApiProperty({ description: 'Scoresheets stored from the file (sections left empty are skipped)' }) saved!: number;
  @ApiProperty({ description: 'Of those, submitted' }) submitted!: number;
}

@ApiTags('juror workspace')
@Controller('reviews/rounds/:id/offline-form')
@Roles('juror')
export class OfflineScoringController {
  constructor(private readonly offline: OfflineScoringService) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary:
      'Download my assignments in the round and their scoresheets as one text form, to score without a connection',
    description:
      'UTF-8 text in my language: each assignment’s snapshot (no identity in a blind round) and rubric as `==-==` notes, and fields `==+== score: <criterion>`, `note: <criterion>`, `comment`, `submit` under `==+== assignment: <id>`. Stored scores are filled in.',
  })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'text/plain form' })
  @ApiErrors(E.ROUND_NOT_FOUND, E.CONFLICTS_NOT_CONFIRMED)
  async download(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @ReaderLanguage() language: Language,
  ): Promise<StreamableFile> {
    const { filename, text } = await this.offline.form(juror.id, id, language);
    const bytes = Buffer.from(text, 'utf8');
    return new StreamableFile(bytes, {
      type: 'text/plain; charset=utf-8',
      disposition: attachmentDisposition(filename),
      length: bytes.length,
    });
  }

  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: OFFLINE_FORM_MAX_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Upload the filled-in form: every sheet is stored, or none',
    description:
      'Each problem comes back in `details.problems` with its `line`, `problem`, `assignmentId` and `criterion`; then nothing is stored.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOkResponse({ type: OfflineUploadResultDto })
  @ApiErrors(
    E.ROUND_NOT_FOUND,
    E.CONFLICTS_NOT_CONFIRMED,
    E.ROUND_NOT_OPEN,
    E.OFFLINE_FORM_INVALID,
    CommonErrors.TOO_LARGE,
  )
  async upload(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @UploadedAttachment() file: IncomingFile | undefined,
  ): Promise<OfflineUploadResultDto> {
    return this.offline.upload(juror.id, id, file);
  }
}
