import { Injectable } from '@nestjs/common';
import { AwardsQueryService } from '../../modules/awards/awards-query.service';
import { ResultsService } from '../../modules/reviews/results.service';
import { granteeActor } from './grantee-actor';
import { ApplicationOutcome, RoundOutcomeReason } from './application-outcome';

/** Rounds are few (screening aside, one or two): one page of them is all of them. */
const ROUNDS_PAGE = { limit: 50, offset: 0 };
/** An applicant holds few awards: their newest hundred include any for one application. */
const AWARDS_PAGE = 100;

/**
 * What the receipt page of a submitted application shows of its outcome: each finalized round's
 * result as the JSON API gives it to the applicant (GET /applications/:id/results), and the award
 * on it once one is offered. Another applicant's application answers "results not found" (404).
 */
@Injectable()
export class ApplicationOutcomeReader {
  constructor(
    private readonly results: ResultsService,
    private readonly awards: AwardsQueryService,
  ) {}

  async forApplicant(userId: string, applicationId: string): Promise<ApplicationOutcome> {
    const [rounds] = await this.results.forApplicant(userId, applicationId, ROUNDS_PAGE);
    const [awards] = await this.awards.mine(granteeActor(userId), AWARDS_PAGE, 0);
    // Newest first: a live award after an earlier declined one is the one to show.
    const award = awards.find((a) => a.applicationId === applicationId);
    return {
      rounds: rounds.map((r) => ({
        roundId: r.roundId,
        roundName: r.roundName,
        official: r.official,
        rank: r.rank,
        advanced: r.advanced,
        reason: r.reason as RoundOutcomeReason,
      })),
      award: award ? { id: award.id, status: award.status } : null,
    };
  }
}
