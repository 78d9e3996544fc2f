import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Put,
  Query,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { toMinor } from '../../common/money/money';
import { UuidParam } from '../../common/validation/uuid-param';
import { AttachmentTooLargeInterceptor } from '../stored-files/attachment-too-large.interceptor';
import { attachmentDisposition } from '../stored-files/domain/file-name';
import { ATTACHMENT_MEDIA_TYPES } from '../stored-files/domain/file-type';
import { IncomingFile, UploadedAttachment } from '../stored-files/incoming-file';
import { StoredFileErrors as AE } from '../stored-files/stored-files.errors';
import { AwardFilesService } from './award-files.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsQueryService } from './awards-query.service';
import { AwardDto } from './dto/award.dto';
import {
  AwardFileDto,
  AwardFilePageDto,
  ReportDto,
  ReportPageDto,
  ReturnReportDto,
  ScheduleDto,
  SubmitReportDto,
} from './dto/report.dto';
import { MilestoneReportsService } from './milestone-reports.service';
import { TrancheScheduleService } from './tranche-schedule.service';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { SUBMIT_REPORT_EXAMPLE } from './dto/award.examples';

/** After the decision: the tranche schedule, the grantee's files and milestone reports, and their review. */
@ApiTags('awards')
@Controller()
export class MilestoneReportsController {
  constructor(
    private readonly schedule: TrancheScheduleService,
    private readonly files: AwardFilesService,
    private readonly reports: MilestoneReportsService,
    private readonly query: AwardsQueryService,
  ) {}

  @Put('awards/:id/tranches')
  @Roles('manager')
  @ApiOperation({
    summary: 'Set the amount of each tranche before the grantee accepts; they must add up to the award exactly',
  })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.SCHEDULE_FROZEN, E.INVALID_SCHEDULE, E.TRANCHE_WRONG_STATUS)
  async reschedule(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ScheduleDto,
  ): Promise<AwardDto> {
    await this.schedule.reschedule(actor.id, id, body.amounts.map(toMinor));
    return this.query.get(actor, id);
  }

  @Post('awards/:id/files')
  @Roles('applicant')
  @UseInterceptors(AttachmentTooLargeInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary:
      'Upload a photo or receipt to your award for its reports: PDF, JPEG, PNG, DOCX or XLSX, checked by content; size, count and quota are limited',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: AwardFileDto })
  @ApiErrors(
    E.AWARD_NOT_FOUND,
    E.WRONG_STATUS,
    AE.FILE_REQUIRED,
    AE.INVALID_NAME,
    AE.TOO_LARGE,
    AE.UNSUPPORTED_TYPE,
    AE.TYPE_MISMATCH,
    E.FILE_COUNT_LIMIT,
    E.FILE_QUOTA_EXCEEDED,
  )
  async upload(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UploadedAttachment() file: IncomingFile | undefined,
  ): Promise<AwardFileDto> {
    return AwardFileDto.from(await this.files.upload(actor, id, file));
  }

  @Get('awards/:id/files')
  @Roles('applicant', 'manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'The files of an award (yours, or any for staff)' })
  @ApiOkResponse({ type: AwardFilePageDto })
  @ApiErrors(E.AWARD_NOT_FOUND)
  async listFiles(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<AwardFilePageDto> {
    const [files, total] = await this.files.list(actor, id, page);
    return pageOf(
      files.map((f) => AwardFileDto.from(f)),
      total,
      page,
    );
  }

  @Get('awards/:id/files/:fileId')
  @Roles('applicant', 'manager', 'finance', 'observer', 'admin')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiOperation({ summary: 'Download a file of an award (always as a download, never shown inline)' })
  @ApiProduces(...ATTACHMENT_MEDIA_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(E.AWARD_NOT_FOUND, E.FILE_NOT_FOUND)
  async download(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('fileId') fileId: string,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.open(actor, id, fileId);
    return new StreamableFile(content, {
      type: file.mediaType,
      disposition: attachmentDisposition(file.originalName),
      length: file.size,
    });
  }

  @Post('tranches/:id/reports')
  @Roles('applicant')
  @ApiOperation({
    summary:
      'Submit the milestone report of a tranche of your award (again, after it was returned); the tranche becomes requested',
  })
  @ApiCreatedResponse({ type: ReportDto })
  @ApiErrors(E.TRANCHE_NOT_FOUND, E.WRONG_STATUS, E.NO_REPORT_NEEDED, E.TRANCHE_WRONG_STATUS, E.FILE_NOT_ON_AWARD)
  @ApiExampleBody(SubmitReportDto, 'A mid-term report with its spending', SUBMIT_REPORT_EXAMPLE)
  async submit(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: SubmitReportDto,
  ): Promise<ReportDto> {
    const spending = body.spending.map((s) => ({ category: s.category, description: s.description, amount: s.amount }));
    return ReportDto.from(
      await this.reports.submit(actor, id, {
        body: body.body,
        jobsCreated: body.jobsCreated,
        spending,
        fileIds: body.fileIds,
      }),
    );
  }

  @Get('awards/:id/reports')
  @Roles('applicant', 'manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'The milestone reports of an award, by tranche, oldest first (yours, or any for staff)' })
  @ApiOkResponse({ type: ReportPageDto })
  @ApiErrors(E.AWARD_NOT_FOUND)
  async listReports(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<ReportPageDto> {
    const [reports, total] = await this.reports.listForAward(actor, id, page);
    return pageOf(
      reports.map((r) => ReportDto.from(r)),
      total,
      page,
    );
  }

  @Post('reports/:id/approve')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'Approve a submitted report: its tranche is approved for payment and the grantee told' })
  @ApiOkResponse({ type: ReportDto })
  @ApiErrors(E.REPORT_NOT_FOUND, E.REPORT_WRONG_STATUS, E.WRONG_STATUS, E.TRANCHE_WRONG_STATUS)
  async approve(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<ReportDto> {
    return ReportDto.from(await this.reports.approve(actor.id, id));
  }

  @Post('reports/:id/return')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'Return a submitted report for changes with a comment, which the grantee gets by mail' })
  @ApiOkResponse({ type: ReportDto })
  @ApiErrors(E.REPORT_NOT_FOUND, E.REPORT_WRONG_STATUS, E.WRONG_STATUS, E.TRANCHE_WRONG_STATUS)
  async returnReport(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ReturnReportDto,
  ): Promise<ReportDto> {
    return ReportDto.from(await this.reports.returnReport(actor.id, id, body.comment));
  }
}
