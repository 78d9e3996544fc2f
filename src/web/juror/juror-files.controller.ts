import { Get, Param } from '@nestjs/common';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { FileResult } from '../render/web-result';
import { WebController } from '../web-controller';
import { JurorViews } from './juror-views';

/**
 * A file of an assigned application, downloaded from the scoring page: a page's session and
 * errors (a file that is not theirs, or identifying in a blind round, is "not found"), but the
 * answer is the file itself, sent as a download.
 */
@WebController()
export class JurorFilesController {
  constructor(private readonly views: JurorViews) {}

  @Get('reviews/assignments/:id/attachments/:attachmentId')
  @Roles('juror')
  async download(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
  ): Promise<FileResult> {
    const file = await this.views.file(juror.id, id, attachmentId);
    return new FileResult(file.content, file.mediaType, file.name, file.size);
  }
}
