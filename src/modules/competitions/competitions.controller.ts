import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { CachedRead } from '../../common/http/public-cache';
import { UuidParam } from '../../common/validation/uuid-param';
import { CompetitionLifecycleService } from './competition-lifecycle.service';
import { CompetitionErrors as E } from './competitions.errors';
import { CompetitionsService } from './competitions.service';
import {
  CompetitionDto,
  CompetitionPageDto,
  CompetitionQueryDto,
  CreateCompetitionDto,
  PublicCompetitionQueryDto,
  UpdateCompetitionDto,
} from './dto/competition.dto';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { CREATE_COMPETITION_EXAMPLE, UPDATE_COMPETITION_EXAMPLE } from './dto/competition.examples';

@ApiTags('competitions')
@Controller()
export class CompetitionsController {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly lifecycle: CompetitionLifecycleService,
  ) {}

  @Get('public/competitions')
  @Public()
  @CachedRead()
  @ApiOperation({ summary: 'Competitions open to the public, with their rules (open ones by default)' })
  @ApiOkResponse({ type: CompetitionPageDto })
  @ApiErrors()
  async listPublic(@Query() query: PublicCompetitionQueryDto): Promise<CompetitionPageDto> {
    const [items, total] = await this.competitions.listPublic(query.status, query);
    return pageOf(
      items.map((c) => CompetitionDto.from(c)),
      total,
      query,
    );
  }

  @Get('public/competitions/:id')
  @Public()
  @CachedRead()
  @ApiOperation({ summary: 'One competition and its rules (not drafts)' })
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(E.NOT_FOUND)
  async getPublic(@UuidParam() id: string): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.competitions.getPublic(id));
  }

  @Get('competitions')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({ summary: 'All competitions, drafts included' })
  @ApiOkResponse({ type: CompetitionPageDto })
  @ApiErrors()
  async list(@Query() query: CompetitionQueryDto): Promise<CompetitionPageDto> {
    const [items, total] = await this.competitions.list(query.status, query);
    return pageOf(
      items.map((c) => CompetitionDto.from(c)),
      total,
      query,
    );
  }

  @Get('competitions/:id')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({ summary: 'One competition, drafts included' })
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(E.NOT_FOUND)
  async get(@UuidParam() id: string): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.competitions.get(id));
  }

  @Post('competitions')
  @Roles('manager')
  @ApiOperation({ summary: 'Create a competition in draft' })
  @ApiCreatedResponse({ type: CompetitionDto })
  @ApiErrors(E.INVALID_RULES, E.PLACE_NOT_FOUND, E.CODE_TAKEN)
  @ApiExampleBody(
    CreateCompetitionDto,
    'A competition with an envelope and a three-tranche template',
    CREATE_COMPETITION_EXAMPLE,
  )
  async create(@CurrentUser() actor: AuthUser, @Body() body: CreateCompetitionDto): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.competitions.create(actor.id, body));
  }

  @Patch('competitions/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Edit a draft competition; lists replace the old ones' })
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(E.NOT_FOUND, E.RULES_FROZEN, E.INVALID_RULES, E.PLACE_NOT_FOUND, E.CODE_TAKEN)
  @ApiExampleBody(UpdateCompetitionDto, 'A later closing date and two tranches', UPDATE_COMPETITION_EXAMPLE)
  async update(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: UpdateCompetitionDto,
  ): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.competitions.update(actor.id, id, body));
  }

  @Post('competitions/:id/open')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate and freeze the rules; applications are accepted from opensAt to closesAt' })
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS, E.NOT_READY_TO_OPEN)
  async open(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.lifecycle.open(actor.id, id));
  }

  @Post('competitions/:id/close')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an open competition now (the worker also closes it at closesAt)' })
  @ApiOkResponse({ type: CompetitionDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS)
  async close(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<CompetitionDto> {
    return CompetitionDto.from(await this.lifecycle.close(actor.id, id));
  }
}
