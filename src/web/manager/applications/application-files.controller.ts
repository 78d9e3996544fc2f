import { Readable } from 'node:stream';
import { Get, Param, Query, Req } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { ApplicationListingService } from '../../../modules/applications/application-listing.service';
import { AttachmentErrors } from '../../../modules/attachments/attachments.errors';
import { AttachmentsService } from '../../../modules/attachments/attachments.service';
import { WebRequest } from '../../session/web-request';
import { pathId } from '../../public/public-reads';
import { FileResult } from '../../render/web-result';
import { WebController } from '../../web-controller';
import { ManagerApplicationsViews } from './manager-applications-views';
import { applicationFilter, tableQuery } from './table-query';

/** Downloads from the managers' application pages: the table's CSV and an application's files. */
@WebController()
export class ApplicationFilesController {
  constructor(
    private readonly views: ManagerApplicationsViews,
    private readonly listing: ApplicationListingService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** The CSV of every application the table's filters match (the JSON API's export, with the page's filters). */
  @Get('manage/competitions/:id/applications.csv')
  @Roles('manager', 'admin')
  async csv(@Param('id') id: string, @Query() query: unknown, @Req() request: WebRequest): Promise<FileResult> {
    const competition = await this.views.competition(id);
    const filter = applicationFilter(competition.id, tableQuery(query));
    const rows = Readable.from(this.listing.csv(filter, request.web?.language ?? 'kk'));
    return new FileResult(rows, 'text/csv; charset=utf-8', `applications-${competition.code}.csv`);
  }

  /** One file of an application, always as a download, so a manager can judge whether it identifies. */
  @Get('manage/applications/:id/attachments/:attachmentId')
  @Roles('manager', 'admin')
  async file(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
  ): Promise<FileResult> {
    const { attachment, content } = await this.attachments.open(
      actor,
      pathId(id, ApplicationErrors.NOT_FOUND),
      pathId(attachmentId, AttachmentErrors.NOT_FOUND),
    );
    return new FileResult(content, attachment.mediaType, attachment.originalName, attachment.size);
  }
}
