import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto, pageOf } from '../../common/http/pagination';
import { CachedRead } from '../../common/http/public-cache';
import { toMinor } from '../../common/money/money';
import { UuidParam } from '../../common/validation/uuid-param';
import { LedgerErrors } from '../ledger/ledger.errors';
import { AllocationService } from './allocation.service';
import { AwardDecisionsService } from './award-decisions.service';
import { AwardOffersService } from './award-offers.service';
import { AwardProposalsService } from './award-proposals.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsQueryService } from './awards-query.service';
import { CompetitionFinalizer } from './competition-finalizer.service';
import { AllocationDto } from './dto/allocation.dto';
import {
  AdjustAwardDto,
  AwardDto,
  AwardPageDto,
  AwardQueryDto,
  CommentDto,
  FinalizeResultDto,
  OptionalReasonDto,
  ProposeAwardsDto,
  ReasonDto,
} from './dto/award.dto';
import { ApiExampleBody } from '../../common/http/api-example-body';
import { PROPOSE_AWARDS_EXAMPLE } from './dto/award.examples';

@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(
    private readonly allocation: AllocationService,
    private readonly proposals: AwardProposalsService,
    private readonly decisions: AwardDecisionsService,
    private readonly offers: AwardOffersService,
    private readonly query: AwardsQueryService,
    private readonly finalizer: CompetitionFinalizer,
  ) {}

  @Get('competitions/:id/allocation')
  @Roles('manager', 'observer', 'admin')
  @ApiOperation({
    summary:
      'The allocation helper over the final ranking: every application with its amount and reason, awards already held kept first',
  })
  @ApiOkResponse({ type: AllocationDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND, E.NOT_READY)
  async allocationFor(@UuidParam() id: string): Promise<AllocationDto> {
    return AllocationDto.from(await this.allocation.compute(id));
  }

  @Get('public/competitions/:id/allocation')
  @Public()
  @CachedRead()
  @ApiOperation({
    summary: 'The published ranked list with reasons and the rule parameters, so anyone can recompute it (no names)',
  })
  @ApiOkResponse({ type: AllocationDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND, E.NOT_READY)
  async publicAllocation(@UuidParam() id: string): Promise<AllocationDto> {
    return AllocationDto.from(await this.allocation.compute(id));
  }

  @Post('competitions/:id/awards')
  @Roles('manager')
  @ApiOperation({
    summary:
      'Propose awards: what the allocation funds, or chosen applications and amounts; each gets its tranche schedule',
  })
  @ApiCreatedResponse({ type: [AwardDto] })
  @ApiErrors(
    E.COMPETITION_NOT_FOUND,
    E.NOT_READY,
    E.NOTHING_TO_PROPOSE,
    E.NOT_A_CANDIDATE,
    E.INVALID_AMOUNT,
    E.PROPOSAL_EXCEEDS_BUDGET,
  )
  @ApiExampleBody(ProposeAwardsDto, 'Two awards chosen by hand', PROPOSE_AWARDS_EXAMPLE)
  async propose(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ProposeAwardsDto,
  ): Promise<AwardDto[]> {
    const items = body.items?.map((i) => ({ applicationId: i.applicationId, amount: toMinor(i.amount) }));
    return this.query.views(await this.proposals.propose(actor.id, id, items), actor);
  }

  @Get('competitions/:id/awards')
  @Roles('manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'The awards of a competition, best ranked first' })
  @ApiOkResponse({ type: AwardPageDto })
  async list(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Query() q: AwardQueryDto,
  ): Promise<AwardPageDto> {
    const [items, total] = await this.query.listByCompetition(actor, id, q.status, q.limit, q.offset);
    return { items, total, limit: q.limit, offset: q.offset };
  }

  @Post('competitions/:id/finalize')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({
    summary:
      'Finalize the competition once every award is decided: shortlisted applications without an award become not_awarded and are told',
  })
  @ApiOkResponse({ type: FinalizeResultDto })
  @ApiErrors(E.COMPETITION_NOT_FOUND, E.NOT_READY, E.DECISIONS_PENDING)
  async finalize(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<FinalizeResultDto> {
    return this.finalizer.finalize(actor.id, id);
  }

  @Get('awards/mine')
  @Roles('applicant')
  @ApiOperation({ summary: 'Your awards, once approved' })
  @ApiOkResponse({ type: AwardPageDto })
  async mine(@CurrentUser() actor: AuthUser, @Query() page: PageQueryDto): Promise<AwardPageDto> {
    const [items, total] = await this.query.mine(actor, page.limit, page.offset);
    return pageOf(items, total, page);
  }

  @Get('awards/:id')
  @Roles('applicant', 'manager', 'finance', 'observer', 'admin')
  @ApiOperation({ summary: 'One award with its tranches (a grantee sees only their own)' })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND)
  async get(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<AwardDto> {
    return this.query.get(actor, id);
  }

  @Patch('awards/:id')
  @Roles('manager')
  @ApiOperation({ summary: 'Change a proposal’s amount; its schedule is split again from the template' })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.WRONG_STATUS, E.INVALID_AMOUNT, E.PROPOSAL_EXCEEDS_BUDGET)
  async adjust(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: AdjustAwardDto,
  ): Promise<AwardDto> {
    await this.proposals.adjust(actor.id, id, toMinor(body.amount));
    return this.query.get(actor, id);
  }

  @Post('awards/:id/approve')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({
    summary:
      'Approve a proposal (not your own): commits it against the budget and envelopes, and offers it to the applicant',
  })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(
    E.AWARD_NOT_FOUND,
    E.WRONG_STATUS,
    E.FOUR_EYES,
    E.INVALID_AMOUNT,
    E.ENVELOPE_FULL,
    LedgerErrors.INSUFFICIENT_FUNDS,
  )
  async approve(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<AwardDto> {
    await this.decisions.approve(actor.id, id);
    return this.query.get(actor, id);
  }

  @Post('awards/:id/send-back')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'Send a proposal back to its proposer with a comment' })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.WRONG_STATUS, E.FOUR_EYES)
  async sendBack(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: CommentDto): Promise<AwardDto> {
    await this.decisions.sendBack(actor.id, id, body.comment);
    return this.query.get(actor, id);
  }

  @Post('awards/:id/cancel')
  @HttpCode(200)
  @Roles('manager')
  @ApiOperation({ summary: 'Cancel an award with a reason; what it still holds returns to the budget' })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.WRONG_STATUS)
  async cancel(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() body: ReasonDto): Promise<AwardDto> {
    await this.decisions.cancel(actor.id, id, body.reason);
    return this.query.get(actor, id);
  }

  @Post('awards/:id/accept')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({
    summary: 'Accept your award before its deadline: the application is awarded and the signing tranche approved',
  })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.WRONG_STATUS, E.OFFER_EXPIRED)
  async accept(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<AwardDto> {
    await this.offers.accept(actor, id);
    return this.query.get(actor, id);
  }

  @Post('awards/:id/decline')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Decline your award; its money returns to the budget for the next in line' })
  @ApiOkResponse({ type: AwardDto })
  @ApiErrors(E.AWARD_NOT_FOUND, E.WRONG_STATUS)
  async decline(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<AwardDto> {
    await this.offers.decline(actor, id, body.reason || 'declined by the applicant');
    return this.query.get(actor, id);
  }
}
