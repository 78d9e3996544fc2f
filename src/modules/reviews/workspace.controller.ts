import { Body, Controller, Get, Header, HttpCode, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { attachmentDisposition } from '../stored-files/domain/file-name';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import { AssignmentChangesService } from './assignment-changes.service';
import { AssignmentReasonDto } from './dto/assignment.dto';
import {
  AssignmentViewDto,
  JurorAssignmentsDto,
  JurorRoundPageDto,
  neutralName,
  SaveScoresheetDto,
  ScoresheetDto,
} from './dto/workspace.dto';
import { ReviewErrors as E } from './reviews.errors';
import { jurorAssignmentsView, jurorRoundsView } from './reviews-view';
import { WorkspaceService } from './workspace.service';

@ApiTags('juror workspace')
@Controller('reviews')
@Roles('juror')
export class WorkspaceController {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly changes: AssignmentChangesService,
  ) {}

  @Get('rounds')
  @ApiOperation({ summary: 'My rounds with progress: assigned and submitted' })
  @ApiOkResponse({ type: JurorRoundPageDto })
  async rounds(@CurrentUser() juror: AuthUser, @Query() page: PageQueryDto): Promise<JurorRoundPageDto> {
    return jurorRoundsView(await this.workspace.myRounds(juror.id, page.limit, page.offset), page);
  }

  @Get('rounds/:id/assignments')
  @ApiOperation({ summary: 'My assignments in a round, with the deadline, the rubric and each scoresheet’s status' })
  @ApiOkResponse({ type: JurorAssignmentsDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.CONFLICTS_NOT_CONFIRMED)
  async assignments(@CurrentUser() juror: AuthUser, @UuidParam() id: string): Promise<JurorAssignmentsDto> {
    return jurorAssignmentsView(await this.workspace.list(juror.id, id));
  }

  @Get('assignments/:id')
  @ApiOperation({
    summary:
      'One assigned application’s frozen snapshot (no identity in a blind round) and my scoresheet; read-only once the round closes',
  })
  @ApiOkResponse({ type: AssignmentViewDto })
  @ApiErrors(E.ASSIGNMENT_NOT_FOUND, E.CONFLICTS_NOT_CONFIRMED, E.ROUND_NOT_OPEN)
  async view(@CurrentUser() juror: AuthUser, @UuidParam() id: string): Promise<AssignmentViewDto> {
    return AssignmentViewDto.from(await this.workspace.view(juror.id, id));
  }

  @Get('assignments/:id/attachments/:attachmentId')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiOperation({
    summary:
      'Download a file of an assigned application (in a blind round, only files marked as not identifying, under a neutral name)',
  })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(E.ASSIGNMENT_NOT_FOUND, E.CONFLICTS_NOT_CONFIRMED, E.ROUND_NOT_OPEN)
  async attachment(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @UuidParam('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    const { attachment, content, blind } = await this.workspace.attachment(juror.id, id, attachmentId);
    const name = blind ? neutralName(attachment, 0) : attachment.originalName;
    return new StreamableFile(content, {
      type: attachment.mediaType,
      disposition: attachmentDisposition(name),
      length: attachment.size,
    });
  }

  @Put('assignments/:id/scoresheet')
  @ApiOperation({ summary: 'Save my scoresheet as a draft, or submit it; editable until the round closes' })
  @ApiOkResponse({ type: ScoresheetDto })
  @ApiErrors(
    E.ASSIGNMENT_NOT_FOUND,
    E.CONFLICTS_NOT_CONFIRMED,
    E.ROUND_NOT_OPEN,
    E.INCOMPLETE_SCORESHEET,
    E.SCORESHEET_WITHDRAWN,
  )
  async save(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @Body() body: SaveScoresheetDto,
  ): Promise<ScoresheetDto> {
    const { scoresheet, round } = await this.workspace.save(juror.id, id, body);
    return ScoresheetDto.from(scoresheet, round.method.criteria);
  }

  @Post('assignments/:id/recuse')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Recuse myself: the assignment ends, my scoresheet is withdrawn, the place goes to another juror',
  })
  @ApiNoContentResponse()
  @ApiErrors(E.ASSIGNMENT_NOT_FOUND, E.ROUND_NOT_OPEN)
  async recuse(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @Body() body: AssignmentReasonDto,
  ): Promise<void> {
    await this.changes.recuse(juror.id, id, body.reason);
  }
}
