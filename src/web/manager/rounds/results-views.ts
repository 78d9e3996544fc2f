import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { ReviewRound } from '../../../modules/reviews/entities/review-round.entity';
import { JuryService } from '../../../modules/reviews/jury.service';
import { ResultsService } from '../../../modules/reviews/results.service';
import { ResultRow, ResultsView } from './rounds-types';

/** Rows of the ranking per page: a screenful or two on a 1280 px screen. */
export const RESULTS_PER_PAGE = 50;
/** Jurors' score distributions per page: 24 small images. */
export const HISTOGRAMS_PER_PAGE = 24;
/** The discussion list and the funding-line crossings are short by design; past this, the ranking pages show the rest. */
const LIST_CAP = 500;
const PANEL = { limit: 10_000, offset: 0 };

type RankingItem = Awaited<ReturnType<ResultsService['ranking']>>['items'][number];

/**
 * What the managers' results page reads, a page at a time whatever the size of the round: the
 * ranking, the discussion list, the applications that cross the funding line, and the jurors'
 * totals for their distributions. Reads only, through the services the JSON API calls.
 */
@Injectable()
export class ResultsViews {
  constructor(
    private readonly results: ResultsService,
    private readonly jury: JuryService,
  ) {}

  async resultsOf(
    viewer: AuthUser,
    round: ReviewRound,
    page: { ranking: number; jurors: number },
  ): Promise<ResultsView> {
    const ranking = await this.results.ranking(viewer, round.id, {
      limit: RESULTS_PER_PAGE,
      offset: (page.ranking - 1) * RESULTS_PER_PAGE,
    });
    const summary = ranking.summary as {
      applications?: number;
      advanced?: number;
      alpha?: number | null;
      crossings?: string[];
      calibratedDecides?: boolean;
      calibrationBlockedBy?: string | null;
    };
    const crossingIds = (summary.crossings ?? []).slice(0, LIST_CAP);
    const [disputed, crossings, jurorTotals, [panel]] = await Promise.all([
      this.results.ranking(viewer, round.id, { limit: LIST_CAP, offset: 0, disputed: true }),
      crossingIds.length
        ? this.results.ranking(viewer, round.id, { limit: LIST_CAP, offset: 0, applicationIds: crossingIds })
        : Promise.resolve({ items: [] as RankingItem[] }),
      this.results.jurorTotals(viewer, round.id, {
        limit: HISTOGRAMS_PER_PAGE,
        offset: (page.jurors - 1) * HISTOGRAMS_PER_PAGE,
      }),
      this.jury.list(round.competitionId, PANEL),
    ]);
    const names = new Map(panel.map((j) => [j.userId, j.fullName]));
    const rowOf = (r: RankingItem): ResultRow => ({
      applicationId: r.applicationId,
      reference: r.reference,
      title: r.title,
      requestedAmount: BigInt(r.requestedAmount),
      count: r.count,
      totals: r.totals.map((t) => ({ juror: names.get(t.juror) ?? t.juror, total: t.total })),
      official: r.official,
      calibrated: r.calibrated,
      spread: r.spread,
      gatesFailed: r.gatesFailed,
      quorumMet: r.quorumMet,
      rank: r.rank,
      advanced: r.advanced,
      reason: r.reason,
      disputed: r.disputed,
    });
    return {
      rows: ranking.items.map(rowOf),
      page: page.ranking,
      pages: Math.ceil(ranking.total / RESULTS_PER_PAGE),
      applications: summary.applications ?? ranking.total,
      advanced: summary.advanced ?? 0,
      disputed: disputed.items.map(rowOf),
      alpha: summary.alpha ?? null,
      calibratedDecides: summary.calibratedDecides ?? false,
      calibrationBlockedBy: summary.calibrationBlockedBy ?? null,
      crossings: crossings.items.map(rowOf),
      jurors: jurorTotals.items.map((j) => ({ id: j.jurorId, name: j.name, totals: j.totals })),
      jurorPage: page.jurors,
      jurorPages: Math.ceil(jurorTotals.total / HISTOGRAMS_PER_PAGE),
    };
  }
}
