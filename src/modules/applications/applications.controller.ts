import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationSubmissionService } from './application-submission.service';
import { ApplicationErrors as E } from './applications.errors';
import { AssistedDraftDto, CreateDraftDto, DraftContentDto, WithdrawDto } from './dto/application.dto';
import { ApplicationDto, MyApplicationPageDto, StatusChangeDto, StatusChangePageDto } from './dto/application-view.dto';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { ASSISTED_DRAFT_EXAMPLE, CREATE_DRAFT_EXAMPLE, DRAFT_CONTENT_EXAMPLE } from './dto/application.examples';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly drafts: ApplicationDraftsService,
    private readonly submission: ApplicationSubmissionService,
  ) {}

  @Post('competitions/:id/applications')
  @Roles('applicant')
  @ApiOperation({
    summary:
      'Start a draft application in an open competition (for your home village, or another eligible one with a reason)',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiErrors(
    E.COMPETITION_NOT_OPEN,
    E.DEADLINE_PASSED,
    E.VILLAGE_NOT_ELIGIBLE,
    E.VILLAGE_REASON_REQUIRED,
    E.NO_HOME_VILLAGE,
    E.LIMIT_REACHED,
    E.UNKNOWN_GOAL,
  )
  @ApiExampleBody(CreateDraftDto, 'A draft for another eligible village, with a reason', CREATE_DRAFT_EXAMPLE)
  async create(
    @CurrentUser() actor: AuthUser,
    @UuidParam() competitionId: string,
    @Body() body: CreateDraftDto,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.drafts.create(actor, competitionId, body));
  }

  @Post('competitions/:id/applications/assisted')
  @Roles('manager')
  @ApiOperation({
    summary:
      'Assisted intake: start a draft for an applicant who came in person (flagged; same rules; the manager may then edit and submit it)',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiErrors(
    E.APPLICANT_NOT_FOUND,
    E.COMPETITION_NOT_OPEN,
    E.DEADLINE_PASSED,
    E.VILLAGE_NOT_ELIGIBLE,
    E.VILLAGE_REASON_REQUIRED,
    E.NO_HOME_VILLAGE,
    E.LIMIT_REACHED,
  )
  @ApiExampleBody(AssistedDraftDto, 'A draft entered for a walk-in applicant', ASSISTED_DRAFT_EXAMPLE)
  async createAssisted(
    @CurrentUser() actor: AuthUser,
    @UuidParam() competitionId: string,
    @Body() body: AssistedDraftDto,
  ): Promise<ApplicationDto> {
    const { applicantId, ...content } = body;
    return ApplicationDto.from(await this.drafts.create(actor, competitionId, content, applicantId));
  }

  @Get('applications/mine')
  @Roles('applicant')
  @ApiOperation({ summary: 'Your applications, newest first' })
  @ApiOkResponse({ type: MyApplicationPageDto })
  async mine(@CurrentUser() actor: AuthUser, @Query() page: PageQueryDto): Promise<MyApplicationPageDto> {
    const [applications, total] = await this.drafts.mine(actor, page);
    return pageOf(
      applications.map((a) => ApplicationDto.from(a)),
      total,
      page,
    );
  }

  @Get('applications/:id')
  @Roles('applicant', 'manager', 'admin')
  @ApiOperation({ summary: 'One application in full (yours, or any for staff)' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(E.NOT_FOUND)
  async get(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.drafts.get(actor, id));
  }

  @Get('applications/:id/history')
  @Roles('applicant', 'manager', 'admin')
  @ApiOperation({ summary: 'The status history of an application' })
  @ApiOkResponse({ type: StatusChangePageDto })
  @ApiErrors(E.NOT_FOUND)
  async history(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<StatusChangePageDto> {
    const [changes, total] = await this.drafts.history(actor, id, page);
    return pageOf(
      changes.map((c) => StatusChangeDto.from(c)),
      total,
      page,
    );
  }

  @Patch('applications/:id')
  @Roles('applicant', 'manager')
  @ApiOperation({
    summary:
      'Edit your draft (or your application returned for changes, before its date to answer by); goals and budget lines, when given, replace the old ones',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(E.NOT_FOUND, E.NOT_DRAFT, E.ANSWER_DATE_PASSED, E.UNKNOWN_GOAL, E.NOT_ASSISTED)
  @ApiExampleBody(DraftContentDto, 'The whole content of a draft', DRAFT_CONTENT_EXAMPLE)
  async update(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: DraftContentDto,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.drafts.update(actor, id, body));
  }

  @Delete('applications/:id')
  @Roles('applicant', 'manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete your draft' })
  @ApiNoContentResponse()
  @ApiErrors(E.NOT_FOUND, E.NOT_DRAFT)
  async remove(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<void> {
    await this.drafts.remove(actor, id);
  }

  @Post('applications/:id/submit')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit your draft: every rule is checked at once; the content is frozen and gets a reference number. A returned application is resubmitted the same way before its date to answer by: a new version, the same reference',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(
    E.NOT_FOUND,
    E.NOT_DRAFT,
    E.ANSWER_DATE_PASSED,
    E.EMAIL_NOT_CONFIRMED,
    E.COMPETITION_NOT_OPEN,
    E.DEADLINE_PASSED,
    E.NOT_YET_OPEN,
    E.INVALID,
  )
  async submit(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.submission.submit(actor, id));
  }

  @Post('applications/:id/withdraw')
  @Roles('applicant', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your application before a decision, with an optional reason' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS)
  async withdraw(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: WithdrawDto,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.submission.withdraw(actor, id, body.reason));
  }
}
