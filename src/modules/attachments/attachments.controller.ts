import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Patch,
  Post,
  Query,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApplicationErrors as AE } from '../applications/applications.errors';
import { AttachmentTooLargeInterceptor } from '../stored-files/attachment-too-large.interceptor';
import { attachmentDisposition } from '../stored-files/domain/file-name';
import { ATTACHMENT_MEDIA_TYPES } from '../stored-files/domain/file-type';
import { IncomingFile, UploadedAttachment } from '../stored-files/incoming-file';
import { StoredFileErrors as FE } from '../stored-files/stored-files.errors';
import { AttachmentErrors as E } from './attachments.errors';
import { AttachmentsService } from './attachments.service';
import { AttachmentDto, AttachmentPageDto, MarkIdentifyingDto } from './dto/attachment.dto';

@ApiTags('attachments')
@Controller('applications/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles('applicant', 'manager')
  @UseInterceptors(AttachmentTooLargeInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Attach a file to your draft: PDF, JPEG, PNG, DOCX or XLSX, checked by content; size, count and quota are limited',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrors(
    AE.NOT_FOUND,
    AE.NOT_DRAFT,
    FE.FILE_REQUIRED,
    FE.INVALID_NAME,
    FE.TOO_LARGE,
    FE.UNSUPPORTED_TYPE,
    FE.TYPE_MISMATCH,
    E.COUNT_LIMIT,
    E.QUOTA_EXCEEDED,
  )
  async upload(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UploadedAttachment() file: IncomingFile | undefined,
  ): Promise<AttachmentDto> {
    return AttachmentDto.from(await this.attachments.upload(actor, id, file));
  }

  @Get()
  @Roles('applicant', 'manager', 'admin')
  @ApiOperation({ summary: 'The attachments of an application (yours, or any for staff)' })
  @ApiOkResponse({ type: AttachmentPageDto })
  @ApiErrors(AE.NOT_FOUND)
  async list(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<AttachmentPageDto> {
    const [attachments, total] = await this.attachments.list(actor, id, page);
    return pageOf(
      attachments.map((a) => AttachmentDto.from(a)),
      total,
      page,
    );
  }

  @Get(':attachmentId')
  @Roles('applicant', 'manager', 'admin')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiOperation({ summary: 'Download an attachment (always as a download, never shown inline)' })
  @ApiProduces(...ATTACHMENT_MEDIA_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(AE.NOT_FOUND, E.NOT_FOUND)
  async download(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.open(actor, id, attachmentId);
    return new StreamableFile(content, {
      type: attachment.mediaType,
      disposition: attachmentDisposition(attachment.originalName),
      length: attachment.size,
    });
  }

  @Patch(':attachmentId')
  @Roles('manager')
  @ApiOperation({
    summary: 'Mark whether a file may reveal who applied (blind rounds show jurors only files marked false)',
  })
  @ApiOkResponse({ type: AttachmentDto })
  @ApiErrors(AE.NOT_FOUND, E.NOT_FOUND)
  async mark(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Body() body: MarkIdentifyingDto,
  ): Promise<AttachmentDto> {
    return AttachmentDto.from(await this.attachments.markIdentifying(actor, id, attachmentId, body.identifying));
  }

  @Delete(':attachmentId')
  @Roles('applicant', 'manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment from your draft' })
  @ApiNoContentResponse()
  @ApiErrors(AE.NOT_FOUND, AE.NOT_DRAFT, E.NOT_FOUND)
  async remove(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, id, attachmentId);
  }
}
