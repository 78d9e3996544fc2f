import { Get } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { UuidParam } from '../../../common/validation/uuid-param';
import { AwardFilesService } from '../../../modules/awards/award-files.service';
import { AwardErrors } from '../../../modules/awards/awards.errors';
import { FileResult } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { ManagerAwardsViews } from './manager-awards-views';

/** A photo or receipt of a milestone report, for the manager reviewing it: always a download, never shown inline. */
@WebController()
export class ReportFilesController {
  constructor(
    private readonly views: ManagerAwardsViews,
    private readonly files: AwardFilesService,
  ) {}

  @Get('manage/reports/:id/files/:fileId')
  @Roles('manager')
  async download(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @UuidParam('fileId') fileId: string,
  ): Promise<FileResult> {
    const report = await this.views.report(id);
    if (!report.files.some((f) => f.id === fileId)) throw new DomainError(AwardErrors.FILE_NOT_FOUND);
    const { file, content } = await this.files.open(user, report.awardId, fileId);
    return new FileResult(content, file.mediaType, file.originalName, file.size);
  }
}
