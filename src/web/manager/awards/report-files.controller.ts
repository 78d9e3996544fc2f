import { Controller, Get, Header, SetMetadata, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { WEB_KEY } from '../../../common/auth/browser-authenticator';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardFilesService } from '../../../modules/awards/award-files.service';
import { AwardErrors } from '../../../modules/awards/awards.errors';
import { attachmentDisposition } from '../../../modules/stored-files/domain/file-name';
import { WebErrorFilter } from '../../render/web-error.filter';
import { ManagerAwardsViews } from './manager-awards-views';

/**
 * A photo or receipt of a milestone report, for the manager reviewing it: always a download,
 * never shown inline. A web route (the session cookie, the manager role), not a page, so it is
 * sent as the file itself; a refusal is still a page.
 */
@ApiExcludeController()
@Controller()
@SetMetadata(WEB_KEY, true)
@UseFilters(WebErrorFilter)
export class ReportFilesController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly files: AwardFilesService,
  ) {}

  @Get('manage/reports/:id/files/:fileId')
  @Roles('manager')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  async download(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @UuidParam('fileId') fileId: string,
  ): Promise<StreamableFile> {
    const report = await this.views.report(id);
    if (!report.files.some((f) => f.id === fileId)) throw new DomainError(AwardErrors.FILE_NOT_FOUND);
    const { file, content } = await this.files.open(user, report.awardId, fileId);
    return new StreamableFile(content, {
      type: file.mediaType,
      disposition: attachmentDisposition(file.originalName),
      length: file.size,
    });
  }
}
