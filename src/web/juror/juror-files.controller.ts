import { Controller, Get, Param, Res, SetMetadata, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { WEB_KEY } from '../../common/auth/browser-authenticator';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { attachmentDisposition } from '../../modules/stored-files/domain/file-name';
import { WebErrorFilter } from '../render/web-error.filter';
import { JurorViews } from './juror-views';

/**
 * A file of an assigned application, downloaded from the scoring page: a page's session and
 * errors (a file that is not theirs, or identifying in a blind round, is "not found"), but the
 * answer is the file itself, so it is not rendered as a page.
 */
@Controller()
@SetMetadata(WEB_KEY, true)
@UseFilters(WebErrorFilter)
@ApiExcludeController()
export class JurorFilesController {
  constructor(private readonly views: JurorViews) {}

  @Get('reviews/assignments/:id/attachments/:attachmentId')
  @Roles('juror')
  async download(
    @CurrentUser() juror: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.views.file(juror.id, id, attachmentId);
    // Set only once the file is found: a refusal is an ordinary page, with the pages' own headers.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.content, {
      type: file.mediaType,
      disposition: attachmentDisposition(file.name),
      length: file.size,
    });
  }
}
