import { applyDecorators, Controller, Get, Param, Query, Req, Res, SetMetadata, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { WEB_KEY } from '../../../common/auth/browser-authenticator';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { ApplicationListingService } from '../../../modules/applications/application-listing.service';
import { AttachmentErrors } from '../../../modules/attachments/attachments.errors';
import { AttachmentsService } from '../../../modules/attachments/attachments.service';
import { attachmentDisposition } from '../../../modules/stored-files/domain/file-name';
import { WebRequest } from '../../session/web-request';
import { pathId } from '../../public/public-reads';
import { WebErrorFilter } from '../../render/web-error.filter';
import { ManagerApplicationsViews } from './manager-applications-views';
import { applicationFilter, tableQuery } from './table-query';

/**
 * Web routes that answer with a file rather than a page: signed in by the session cookie (so a
 * link on a page works), errors as pages, but no page rendering of the answer.
 */
function WebFileController(): ClassDecorator {
  return applyDecorators(Controller(), SetMetadata(WEB_KEY, true), UseFilters(WebErrorFilter), ApiExcludeController());
}

@WebFileController()
export class ApplicationFilesController {
  constructor(
    private readonly views: ManagerApplicationsViews,
    private readonly listing: ApplicationListingService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** The CSV of every application the table's filters match (the JSON API's export, with the page's filters). */
  @Get('manage/competitions/:id/applications.csv')
  @Roles('manager', 'admin')
  async csv(
    @Param('id') id: string,
    @Query() query: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const competition = await this.views.competition(id);
    const filter = applicationFilter(competition.id, tableQuery(query));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="applications-${competition.code}.csv"`);
    response.setHeader('Cache-Control', 'private, no-store');
    for await (const chunk of this.listing.csv(filter, request.web?.language ?? 'kk')) response.write(chunk);
    response.end();
  }

  /** One file of an application, always as a download, so a manager can judge whether it identifies. */
  @Get('manage/applications/:id/attachments/:attachmentId')
  @Roles('manager', 'admin')
  async file(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.open(
      actor,
      pathId(id, ApplicationErrors.NOT_FOUND),
      pathId(attachmentId, AttachmentErrors.NOT_FOUND),
    );
    response.set({
      'Content-Type': attachment.mediaType,
      'Content-Disposition': attachmentDisposition(attachment.originalName),
      'Content-Length': String(attachment.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    content.pipe(response);
  }
}
