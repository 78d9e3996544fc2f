import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { CachedRead } from '../../common/http/public-cache';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreateRoundDto, methodOf, RoundDto, RoundPageDto, UpdateRoundDto } from './dto/round.dto';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsService } from './rounds.service';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { CREATE_ROUND_EXAMPLE, UPDATE_ROUND_EXAMPLE } from './dto/round.examples';

@ApiTags('review rounds')
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post('competitions/:id/rounds')
  @Roles('manager')
  @ApiOperation({ summary: 'Create a scoring round in draft: rubric and method' })
  @ApiCreatedResponse({ type: RoundDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND, E.INVALID_METHOD)
  @ApiExampleBody(CreateRoundDto, 'A scoring round with a gated rubric', CREATE_ROUND_EXAMPLE)
  async create(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: CreateRoundDto,
  ): Promise<RoundDto> {
    return RoundDto.from(
      await this.rounds.create(actor.id, id, { name: body.name, deadline: body.deadline, method: methodOf(body) }),
    );
  }

  @Get('competitions/:id/rounds')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({ summary: 'The rounds of a competition, drafts included' })
  @ApiOkResponse({ type: RoundPageDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND)
  async list(@UuidParam() id: string, @Query() page: PageQueryDto): Promise<RoundPageDto> {
    const [rounds, total] = await this.rounds.list(id, false, page.limit, page.offset);
    return pageOf(
      rounds.map((r) => RoundDto.from(r)),
      total,
      page,
    );
  }

  @Get('public/competitions/:id/rounds')
  @Public()
  @CachedRead()
  @ApiOperation({ summary: 'The published rounds of a competition, each with its scoring method and lottery seed' })
  @ApiOkResponse({ type: RoundPageDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND)
  async listPublic(@UuidParam() id: string, @Query() page: PageQueryDto): Promise<RoundPageDto> {
    const [rounds, total] = await this.rounds.list(id, true, page.limit, page.offset);
    return pageOf(
      rounds.map((r) => RoundDto.from(r)),
      total,
      page,
    );
  }

  @Get('public/rounds/:id')
  @Public()
  @CachedRead()
  @ApiOperation({ summary: 'One published round: its method, readable by anyone once it opens' })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async getPublic(@UuidParam() id: string): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.getPublic(id));
  }

  @Get('rounds/:id')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({ summary: 'One round, drafts included' })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async get(@UuidParam() id: string): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.get(id));
  }

  @Patch('rounds/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Edit a draft round; the method is frozen once it opens' })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.METHOD_FROZEN, E.INVALID_METHOD)
  @ApiExampleBody(UpdateRoundDto, 'Higher loads and top-20 advancement', UPDATE_ROUND_EXAMPLE)
  async update(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: UpdateRoundDto,
  ): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.update(actor.id, id, body));
  }

  @Post('rounds/:id/open')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open: freeze the method, draw and publish the lottery seed, take in the applications' })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(
    E.ROUND_NOT_FOUND,
    E.WRONG_STATUS,
    E.COMPETITION_NOT_CLOSED,
    E.PREVIOUS_ROUND_NOT_FINALIZED,
    E.NOTHING_TO_REVIEW,
    E.DEADLINE_PASSED,
  )
  async open(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.open(actor.id, id));
  }

  @Post('rounds/:id/close')
  @Roles('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close: freeze the scoresheets' })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.WRONG_STATUS)
  async close(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.close(actor.id, id));
  }

  @Post('rounds/:id/finalize')
  @Roles('manager')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Finalize a closed round: the worker computes and stores the results (poll the round until finalized)',
  })
  @ApiOkResponse({ type: RoundDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.WRONG_STATUS, E.QUEUE_UNAVAILABLE)
  async finalize(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<RoundDto> {
    return RoundDto.from(await this.rounds.requestFinalize(actor.id, id));
  }
}
