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
import {
  ApplicantRoundResultPageDto,
  OversightScoresheetPageDto,
  RoundProgressDto,
  RoundRankingDto,
  VerificationDto,
} from './dto/results.dto';
import { ResultsService } from './results.service';
import { ReviewErrors as E } from './reviews.errors';
import { applicantResultsView, progressView, rankingView, scoresheetsView, verificationView } from './reviews-view';

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
  @ApiOkResponse({ type: RoundRankingDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.RESULTS_NOT_READY)
  async ranking(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query() query: ResultsQueryDto,
  ): Promise<RoundRankingDto> {
    return rankingView(await this.results.ranking(viewer, id, query), query);
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
  @ApiOkResponse({ type: VerificationDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.RESULTS_NOT_READY)
  async verify(@UuidParam() id: string): Promise<VerificationDto> {
    return verificationView(await this.results.verify(id));
  }

  @Get('rounds/:id/progress')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Per-juror progress: assigned, drafts, submitted' })
  @ApiOkResponse({ type: RoundProgressDto })
  @ApiErrors(E.ROUND_NOT_FOUND)
  async progress(@UuidParam() id: string): Promise<RoundProgressDto> {
    return progressView(await this.results.progress(id));
  }

  @Get('rounds/:id/scoresheets')
  @Roles('manager', 'admin', 'observer')
  @ApiOperation({
    summary:
      'Anonymised scoresheets of a closed round (jurors as stable pseudonyms); an observer’s read is recorded in the audit log',
  })
  @ApiOkResponse({ type: OversightScoresheetPageDto })
  @ApiErrors(E.ROUND_NOT_FOUND, E.WRONG_STATUS)
  async scoresheets(
    @CurrentUser() viewer: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<OversightScoresheetPageDto> {
    return scoresheetsView(await this.results.scoresheets(viewer, id, page), page);
  }

  @Get('applications/:id/results')
  @Roles('applicant')
  @ApiOperation({
    summary: 'My application’s results: for each finalized round, advanced or not and the official score',
  })
  @ApiOkResponse({ type: ApplicantRoundResultPageDto })
  @ApiErrors(E.RESULTS_NOT_READY)
  async mine(
    @CurrentUser() applicant: AuthUser,
    @UuidParam() id: string,
    @Query() page: PageQueryDto,
  ): Promise<ApplicantRoundResultPageDto> {
    return applicantResultsView(await this.results.forApplicant(applicant.id, id, page), page);
  }
}
