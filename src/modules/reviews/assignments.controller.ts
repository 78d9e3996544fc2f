import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto } from '../../common/http/pagination';
import { UuidParam } from '../../common/validation/uuid-param';
import { AffinitiesService } from './affinities.service';
import { AssignmentChangesService } from './assignment-changes.service';
import { AssignmentsQueryService } from './assignments-query.service';
import {
  AddAssignmentDto,
  AssignmentDto,
  AssignmentOverviewPageDto,
  AssignmentReasonDto,
  AssignmentRunDto,
  AssignmentRunPageDto,
  ImportedAffinitiesDto,
  SwapAssignmentDto,
} from './dto/assignment.dto';
import { ReviewErrors as E } from './reviews.errors';
import { overviewView, runsView } from './reviews-view';

class ImportAffinitiesDto {
  @ApiProperty({
    example: 'application,juror,score\nSU-TUP-2026-0001,juror@example.kz,20',
    description: 'CSV: application (id or reference), juror (id or email), score -100..100',
  })
  @IsString()
  @MaxLength(5_000_000)
  csv!: string;
}

@ApiTags('assignments')
@Controller()
export class AssignmentsController {
  constructor(
    private readonly changes: AssignmentChangesService,
    private readonly query: AssignmentsQueryService,
    private readonly affinities: AffinitiesService,
  ) {}

  @Post('rounds/:id/assignment-runs')
  @Roles('manager')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the assignment engine: fills every open place, keeping existing assignments (worker; poll the run)',
  })
  @ApiAcceptedResponse({ type: AssignmentRunDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.ROUND_NOT_OPEN, E.QUEUE_UNAVAILABLE)
  async run(@CurrentUser() actor: AuthUser, @UuidParam() id: string): Promise<AssignmentRunDto> {
    return AssignmentRunDto.from(await this.changes.requestRun(actor.id, id));
  }

  @Get('rounds/:id/assignment-runs')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'The round’s assignment runs, newest first, each with seed, input hash, objective and duration',
  })
  @ApiOkResponse({ type: AssignmentRunPageDto })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async runs(@UuidParam() id: string, @Query() page: PageQueryDto): Promise<AssignmentRunPageDto> {
    return runsView(await this.query.runs(id, page.limit, page.offset), page);
  }

  @Get('assignment-runs/:id')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'One assignment run (queued, succeeded, or infeasible with the explanation)' })
  @ApiOkResponse({ type: AssignmentRunDto })
  @ApiErrors(E.RUN_NOT_FOUND)
  async getRun(@UuidParam() id: string): Promise<AssignmentRunDto> {
    return AssignmentRunDto.from(await this.query.run(id));
  }

  @Get('rounds/:id/assignments')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Each application of the round with its jurors, their scoresheet status and the alternates',
  })
  @ApiOkResponse({ type: AssignmentOverviewPageDto })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async overview(@UuidParam() id: string, @Query() page: PageQueryDto): Promise<AssignmentOverviewPageDto> {
    return overviewView(await this.query.overview(id, page.limit, page.offset), page);
  }

  @Post('rounds/:id/assignments')
  @Roles('manager')
  @ApiOperation({ summary: 'Assign a juror by hand (conflicts are still refused)' })
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiErrors(
    E.ROUND_NOT_FOUND,
    E.ROUND_NOT_OPEN,
    E.APPLICATION_NOT_IN_ROUND,
    E.JUROR_NOT_FOUND,
    E.PAIR_IN_CONFLICT,
    E.ASSIGNMENT_EXISTS,
  )
  async add(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: AddAssignmentDto,
  ): Promise<AssignmentDto> {
    return AssignmentDto.from(await this.changes.add(actor.id, id, body.applicationId, body.jurorId));
  }

  @Post('assignments/:id/remove')
  @Roles('manager')
  @HttpCode(202)
  @ApiOperation({ summary: 'Remove an assignment: its scoresheet is withdrawn and a run fills the freed place' })
  @ApiAcceptedResponse({ type: AssignmentRunDto })
  @ApiErrors(E.ASSIGNMENT_NOT_FOUND, E.ROUND_NOT_OPEN)
  async remove(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: AssignmentReasonDto,
  ): Promise<AssignmentRunDto> {
    return AssignmentRunDto.from(await this.changes.remove(actor.id, id, body.reason));
  }

  @Post('assignments/:id/swap')
  @Roles('manager')
  @ApiOperation({
    summary: 'Give an assignment to another juror: the old one ends (scoresheet withdrawn), the new one starts',
  })
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiErrors(E.ASSIGNMENT_NOT_FOUND, E.ROUND_NOT_OPEN, E.JUROR_NOT_FOUND, E.PAIR_IN_CONFLICT, E.ASSIGNMENT_EXISTS)
  async swap(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: SwapAssignmentDto,
  ): Promise<AssignmentDto> {
    return AssignmentDto.from(await this.changes.swap(actor.id, id, body.jurorId, body.reason));
  }

  @Put('rounds/:id/affinities')
  @Roles('manager')
  @ApiOperation({ summary: 'Replace the round’s imported affinities (CSV), added to the computed ones by later runs' })
  @ApiOkResponse({ type: ImportedAffinitiesDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.WRONG_STATUS, E.INVALID_AFFINITIES)
  async importAffinities(
    @CurrentUser() actor: AuthUser,
    @UuidParam() id: string,
    @Body() body: ImportAffinitiesDto,
  ): Promise<ImportedAffinitiesDto> {
    const { imported } = await this.affinities.replace(actor.id, id, body.csv);
    return { imported };
  }
}
