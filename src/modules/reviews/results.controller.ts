import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CurrentUser, Public, Roles } from '../../common/auth/access.decorators';
import { AuthUser } from '../../common/auth/role';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageQueryDto } from '../../common/http/pagination';
import { CachedRead } from '../../common/http/public-cache';
import { UuidParam } from '../../common/validation/uuid-param';
import { PublicRoundResultsDto } from './dto/public-results.dto';
import { RoundDto } from './dto/round.dto';
import { ResultsService } from './results.service';
import { ReviewErrors as E } from './reviews.errors';

class ResultsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the disputed applications (the discussion list)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  disputed?: boolean;
}

@ApiTags('round results')
@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('rounds/:id/results')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({
    summary:
      'The ranking with scores, spread, gates, disputes and who advanced; reliability and juror offsets (observers see pseudonyms)',
  })
  @ApiOkResponse({ description: '{ round, summary, items, total, limit, offset }' })
  @ApiErrors(E.ROUND_NOT_FOUND, E.RESULTS_NOT_READY)
  async ranking(@CurrentUser() viewer: AuthUser, @UuidParam() id: string, @Query() query: ResultsQueryDto) {
    const { round, summary, items, total } = await this.results.ranking(viewer, id, query);
    return { round: RoundDto.from(round), summary, items, total, limit: query.limit, offset: query.offset };
  }

  @Get('public/rounds/:id/results')
  @Public()
  @CachedRead()
  @ApiOperation({
    summary:
      'A finalized round’s results by application reference: scoresheets counted, per-criterion means, official and calibrated score, gates, quorum, rank, advanced (no names, no jurors)',
    description:
      'With the round’s published method (its `ranking` states the tie-breaks and the lottery) anyone can recompute the ranking from these figures alone.',
  })
  @ApiOkResponse({ type: PublicRoundResultsDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.RESULTS_NOT_READY)
  async publicResults(@UuidParam() id: string): Promise<PublicRoundResultsDto> {
    return this.results.publicResults(id);
  }

  @Get('rounds/:id/results/verify')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({
    summary: 'Recompute the results from the stored scoresheets and method, and compare with what was stored',
  })
  @ApiOkResponse({ description: '{ matches, inputHash, storedInputHash, differing }' })
  @ApiErrors(E.ROUND_NOT_FOUND, E.RESULTS_NOT_READY)
  async verify(@UuidParam() id: string) {
    return this.results.verify(id);
  }

  @Get('rounds/:id/progress')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Per-juror progress: assigned, drafts, submitted' })
  @ApiOkResponse({ description: '{ jurors: [{ jurorId, fullName, assigned, drafts, submitted }] }' })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async progress(@UuidParam() id: string) {
    const { jurors } = await this.results.progress(id);
    return { jurors };
  }

  @Get('rounds/:id/scoresheets')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({
    summary:
      'Anonymised scoresheets of a closed round (jurors as stable pseudonyms); an observer’s read is recorded in the audit log',
  })
  @ApiOkResponse({ description: '{ items, total, limit, offset }' })
  @ApiErrors(E.ROUND_NOT_FOUND, E.WRONG_STATUS)
  async scoresheets(@CurrentUser() viewer: AuthUser, @UuidParam() id: string, @Query() page: PageQueryDto) {
    const { items, total } = await this.results.scoresheets(viewer, id, page);
    return { items, total, limit: page.limit, offset: page.offset };
  }

  @Get('applications/:id/results')
  @Roles('applicant')
  @ApiOperation({
    summary: 'My application’s results: for each finalized round, advanced or not and the official score',
  })
  @ApiOkResponse({ description: '[{ roundId, roundName, position, official, rank, advanced, reason }]' })
  @ApiErrors(E.RESULTS_NOT_READY)
  async mine(@CurrentUser() applicant: AuthUser, @UuidParam() id: string) {
    return this.results.forApplicant(applicant.id, id);
  }
}
