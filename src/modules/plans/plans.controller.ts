import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { pageOf } from '../../common/http/pagination';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OptionalUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreatePlanDto, PlanDto, PlanPageDto, PlanQueryDto, UpdatePlanDto } from './dto/plan.dto';
import { PlanErrors as E } from './plans.errors';
import { PlansService } from './plans.service';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { CREATE_PLAN_EXAMPLE, UPDATE_PLAN_EXAMPLE } from './dto/plan.examples';

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('plans')
  @Public()
  @ApiOperation({ summary: 'Development plans (adopted by default; drafts for admins)' })
  @ApiOkResponse({ type: PlanPageDto })
  @ApiErrors(E.DRAFTS_FORBIDDEN)
  async list(@Query() query: PlanQueryDto, @OptionalUser() viewer?: AuthUser): Promise<PlanPageDto> {
    const [plans, total] = await this.plans.list(query, viewer);
    return pageOf(
      plans.map((p) => PlanDto.from(p)),
      total,
      query,
    );
  }

  @Get('plans/:id')
  @Public()
  @ApiOperation({ summary: 'One plan with its goals (drafts only for admins)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(E.NOT_FOUND)
  async get(@UuidParam() id: string, @OptionalUser() viewer?: AuthUser): Promise<PlanDto> {
    return PlanDto.from(await this.plans.get(id, viewer));
  }

  @Get('villages/:id/plan')
  @Public()
  @ApiOperation({ summary: "The village's adopted plan and its goals" })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(E.NO_ADOPTED_PLAN)
  async adoptedOfVillage(@UuidParam() villageId: string): Promise<PlanDto> {
    return PlanDto.from(await this.plans.adoptedOfVillage(villageId));
  }

  @Post('plans')
  @Roles('admin')
  @ApiOperation({ summary: "Start a new draft version of a village's plan" })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiErrors(E.VILLAGE_NOT_FOUND, E.DUPLICATE_GOAL_CODE, E.WRONG_PERIOD)
  @ApiExampleBody(CreatePlanDto, 'A plan with two goals', CREATE_PLAN_EXAMPLE)
  async create(@CurrentUser() actor: AuthUser, @Body() body: CreatePlanDto): Promise<PlanDto> {
    return PlanDto.from(await this.plans.create(actor.id, body.villageId, body));
  }

  @Patch('plans/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a draft plan (goals, when given, replace the old ones)' })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(E.NOT_FOUND, E.NOT_DRAFT, E.DUPLICATE_GOAL_CODE, E.WRONG_PERIOD)
  @ApiExampleBody(UpdatePlanDto, 'A longer period and a third goal', UPDATE_PLAN_EXAMPLE)
  async update(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: UpdatePlanDto): Promise<PlanDto> {
    return PlanDto.from(await this.plans.update(actor.id, id, body));
  }

  @Post('plans/:id/adopt')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Adopt a draft; the previously adopted plan of the village is archived' })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS, E.NO_GOALS, E.DUPLICATE_GOAL_CODE, E.ALREADY_ADOPTED)
  async adopt(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<PlanDto> {
    return PlanDto.from(await this.plans.adopt(actor.id, id));
  }

  @Post('plans/:id/archive')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a draft or adopted plan' })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(E.NOT_FOUND, E.WRONG_STATUS)
  async archive(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<PlanDto> {
    return PlanDto.from(await this.plans.archive(actor.id, id));
  }
}
