import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApplicationReturnsService } from './application-returns.service';
import { ApplicationVersionsService } from './application-versions.service';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationDto } from './dto/application-view.dto';
import { ApplicationVersionsDto, ReturnForChangesDto } from './dto/returns.dto';

/** Return for changes (DESIGN.md section 3) and the versions a resubmission makes. */
@ApiTags('applications')
@Controller()
export class ApplicationReturnsController {
  constructor(
    private readonly returns: ApplicationReturnsService,
    private readonly versionsService: ApplicationVersionsService,
  ) {}

  @Post('applications/:id/return')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Return a submitted application to its applicant for changes, with a message and a date to answer by; the applicant is mailed, edits it and resubmits it through POST /applications/{id}/submit, or it is withdrawn at that date',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS, E.RETURN_INVALID)
  async returnForChanges(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ReturnForChangesDto,
  ): Promise<ApplicationDto> {
    const answerBy = new Date(body.answerBy);
    return ApplicationDto.from(await this.returns.returnForChanges(actor, id, { message: body.message, answerBy }));
  }

  @Get('applications/:id/versions')
  @Roles('applicant', 'manager', 'admin')
  @ApiOperation({
    summary:
      'The submitted versions of an application (yours, or any for staff), each with what changed since the one before, and its returns for changes',
  })
  @ApiOkResponse({ type: ApplicationVersionsDto })
  @ApiErrors(E.NOT_FOUND)
  async versions(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<ApplicationVersionsDto> {
    return ApplicationVersionsDto.from(await this.versionsService.versions(actor, id));
  }
}
