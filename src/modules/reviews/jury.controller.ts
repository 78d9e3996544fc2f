import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import {
  AddJurorDto,
  ApplicantPageDto,
  ConfirmationDto,
  ConflictDto,
  ConflictPageDto,
  DeclarationPageDto,
  DeclareConflictDto,
  JurorDto,
  JurorPageDto,
  PanelPageDto,
} from './dto/jury.dto';
import { JuryService } from './jury.service';
import { ReviewErrors as E } from './reviews.errors';
import { confirmationView, conflictsView, declarationsView, jurorsView, panelsView } from './reviews-view';

@ApiTags('jury')
@Controller()
export class JuryController {
  constructor(private readonly jury: JuryService) {}

  @Post('competitions/:id/jurors')
  @Roles('manager')
  @ApiOperation({ summary: 'Add a juror to the competition’s panel, with expertise tags and home village' })
  @ApiCreatedResponse({ type: JurorDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND, E.NOT_A_JUROR, E.JUROR_EXISTS, E.CONFLICT_TARGET_NOT_FOUND)
  async add(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: AddJurorDto): Promise<JurorDto> {
    return JurorDto.from(await this.jury.add(actor.id, id, body));
  }

  @Get('competitions/:id/jurors')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'The panel: each juror with declaration status and current load' })
  @ApiOkResponse({ type: JurorPageDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND)
  async list(@UuidParam() id: string, @Query() page: PageQueryDto): Promise<JurorPageDto> {
    return jurorsView(await this.jury.list(id, page), page);
  }

  @Get('competitions/:id/conflicts')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({
    summary: 'Every conflict declaration of the competition (observers see jurors as stable pseudonyms)',
  })
  @ApiOkResponse({ type: DeclarationPageDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND)
  async allDeclarations(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<DeclarationPageDto> {
    return declarationsView(await this.jury.allDeclarations(viewer, id, page), page);
  }

  @Delete('competitions/:id/jurors/:userId')
  @Roles('manager')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a juror off the panel (only before any assignment)' })
  @ApiNoContentResponse()
  @ApiErrors(E.JUROR_NOT_FOUND, E.JUROR_HAS_ASSIGNMENTS)
  async remove(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    await this.jury.remove(actor.id, id, userId);
  }

  @Get('reviews/competitions')
  @Roles('juror')
  @ApiOperation({ summary: 'The competitions whose panel I sit on' })
  @ApiOkResponse({ type: PanelPageDto })
  async panels(@CurrentUser() juror: AuthUser, @Query() page: PageQueryDto): Promise<PanelPageDto> {
    return panelsView(await this.jury.panelsOf(juror.id, page), page);
  }

  @Get('reviews/competitions/:id/applicants')
  @Roles('juror')
  @ApiOperation({ summary: 'Who applied, names and villages only, to declare conflicts before seeing any application' })
  @ApiOkResponse({ type: ApplicantPageDto })
  @ApiErrors(E.JUROR_NOT_FOUND)
  async applicants(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<ApplicantPageDto> {
    const [items, total] = await this.jury.applicants(juror.id, id, page.limit, page.offset);
    return pageOf(items, total, page);
  }

  @Get('reviews/competitions/:id/conflicts')
  @Roles('juror')
  @ApiOperation({ summary: 'My conflict declarations in this competition' })
  @ApiOkResponse({ type: ConflictPageDto })
  @ApiErrors(E.JUROR_NOT_FOUND)
  async declarations(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<ConflictPageDto> {
    return conflictsView(await this.jury.declarations(juror.id, id, page), page);
  }

  @Post('reviews/competitions/:id/conflicts')
  @Roles('juror')
  @ApiOperation({
    summary: 'Declare a conflict with an applicant, an application or a village; an assignment it touches is recused',
  })
  @ApiCreatedResponse({ type: ConflictDto })
  @ApiErrors(E.JUROR_NOT_FOUND, E.CONFLICT_TARGET_REQUIRED, E.CONFLICT_TARGET_NOT_FOUND)
  async declare(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @Body() body: DeclareConflictDto,
  ): Promise<ConflictDto> {
    return ConflictDto.from(await this.jury.declare(juror.id, id, body));
  }

  @Delete('reviews/competitions/:id/conflicts/:declarationId')
  @Roles('juror')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a declaration made by mistake (only before confirming)' })
  @ApiNoContentResponse()
  @ApiErrors(E.JUROR_NOT_FOUND, E.DECLARATION_NOT_FOUND, E.CONFLICTS_CONFIRMED)
  async withdraw(
    @CurrentUser() juror: AuthUser,
    @UuidParam() id: string,
    @UuidParam('declarationId') declarationId: string,
  ): Promise<void> {
    await this.jury.withdrawDeclaration(juror.id, id, declarationId);
  }

  @Post('reviews/competitions/:id/conflicts/confirm')
  @Roles('juror')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm my declaration is complete: then I can be assigned and my workspace opens' })
  @ApiOkResponse({ type: ConfirmationDto })
  @ApiErrors(E.JUROR_NOT_FOUND)
  async confirm(@CurrentUser() juror: AuthUser, @UuidParam() id: string): Promise<ConfirmationDto> {
    return confirmationView(await this.jury.confirm(juror.id, id));
  }
}
