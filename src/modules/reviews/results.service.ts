import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { jurorPseudonym } from './domain/jury/pseudonym';
import { PublicRoundResultsDto } from './dto/public-results.dto';
import { ReviewRound } from './entities/review-round.entity';
import { ResultsRepository } from './results.repository';
import { ReviewErrors as E } from './reviews.errors';
import { RoundFinalizer } from './round-finalizer';
import { RoundsRepository } from './rounds.repository';

/**
 * Reading a round's outcome: the ranking with disputes (staff), the published results (anyone, once
 * finalized), per-juror progress (managers),
 * anonymised scoresheets (observers and managers, after closing), an applicant's own results, and
 * a recomputation anyone on the staff can run against the stored results.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rounds: RoundsRepository,
    private readonly results: ResultsRepository,
    private readonly finalizer: RoundFinalizer,
    private readonly audit: AuditService,
  ) {}

  async ranking(
    viewer: AuthUser,
    roundId: string,
    page: { limit: number; offset: number; disputed?: boolean; applicationIds?: string[] },
  ) {
    const round = await this.finalized(roundId);
    const [items, total] = await this.results.results(roundId, page.limit, page.offset, {
      disputed: page.disputed,
      applicationIds: page.applicationIds,
    });
    await this.recordObserverRead(viewer, 'round_results', round, { ...page, returned: items.length });
    const anonymise = !viewer.roles.some((r) => r === 'manager' || r === 'admin');
    const name = (jurorId: string) => (anonymise ? this.pseudonym(round, jurorId) : jurorId);
    const summary = { ...(round.summary ?? {}) } as Record<string, unknown>;
    const offsets = (summary.jurorOffsets ?? {}) as Record<string, number>;
    summary.jurorOffsets = Object.fromEntries(Object.entries(offsets).map(([id, v]) => [name(id), v]));
    return {
      round,
      summary,
      items: items.map((r) => ({ ...r, totals: r.totals.map((t) => ({ juror: name(t.jurorId), total: t.total })) })),
      total,
    };
  }

  /**
   * Each juror's totals in a finalized round, a page of jurors at a time: what the managers'
   * score distributions draw. Jurors by name for managers, by pseudonym for anyone else.
   */
  async jurorTotals(viewer: AuthUser, roundId: string, page: { limit: number; offset: number }) {
    const round = await this.finalized(roundId);
    const [items, total] = await this.results.jurorTotals(roundId, page.limit, page.offset);
    await this.recordObserverRead(viewer, 'juror_totals', round, { ...page, returned: items.length });
    const anonymise = !viewer.roles.some((r) => r === 'manager' || r === 'admin');
    return {
      items: items.map((j) =>
        anonymise ? { ...j, jurorId: this.pseudonym(round, j.jurorId), name: this.pseudonym(round, j.jurorId) } : j,
      ),
      total,
    };
  }

  /** A finalized round's results as anyone may read them: by reference, per-criterion means, no names, no jurors. */
  async publicResults(roundId: string): Promise<PublicRoundResultsDto> {
    const round = await this.finalized(roundId);
    const competition = (await this.rounds.competition(this.dataSource.manager, round.competitionId))!;
    return PublicRoundResultsDto.from(round, competition.budget, await this.results.publicResults(round.id));
  }

  async progress(roundId: string) {
    const round = await this.round(roundId);
    return { round, jurors: await this.results.progress(round.id) };
  }

  /** Scoresheets once the round is closed, jurors as stable pseudonyms: what oversight reads. */
  async scoresheets(viewer: AuthUser, roundId: string, page: { limit: number; offset: number }) {
    const round = await this.round(roundId);
    if (round.status === 'draft' || round.status === 'open')
      throw new DomainError(E.WRONG_STATUS, {
        status: round.status,
        reason: 'scoresheets are shown once the round is closed',
      });
    const [items, total] = await this.results.scoresheets(roundId, page.limit, page.offset);
    await this.recordObserverRead(viewer, 'scoresheets', round, { ...page, returned: items.length });
    return { items: items.map(({ jurorId, ...s }) => ({ ...s, juror: this.pseudonym(round, jurorId) })), total };
  }

  /** Recomputes the results from the stored scoresheets and method and compares them with what was stored. */
  async verify(roundId: string) {
    const round = await this.finalized(roundId);
    const recomputed = await this.finalizer.compute(this.dataSource.manager, round);
    const [stored] = await this.results.results(roundId, 1_000_000, 0);
    const storedById = new Map(stored.map((r) => [r.applicationId, r]));
    const differing = recomputed.results.applications
      .filter((r) => {
        const s = storedById.get(r.id);
        return (
          !s ||
          s.rank !== r.rank ||
          s.advanced !== r.advanced ||
          s.disputed !== r.disputed ||
          s.reason !== r.reason ||
          s.count !== r.count ||
          s.official !== r.official ||
          s.calibrated !== r.calibrated ||
          s.spread !== r.spread ||
          JSON.stringify(s.gatesFailed) !== JSON.stringify(r.gatesFailed) ||
          JSON.stringify(s.totals.map((t) => [t.jurorId, t.total])) !==
            JSON.stringify(r.totals.map((t) => [t.jurorId, t.total]))
        );
      })
      .map((r) => r.id);
    const summary = (round.summary ?? {}) as { inputHash?: string; alpha?: number | null; crossings?: string[] };
    const sameRound =
      summary.alpha === recomputed.results.alpha &&
      JSON.stringify(summary.crossings) === JSON.stringify(recomputed.results.crossings);
    const storedHash = summary.inputHash ?? null;
    return {
      matches:
        differing.length === 0 &&
        sameRound &&
        stored.length === recomputed.results.applications.length &&
        storedHash === recomputed.inputHash,
      inputHash: recomputed.inputHash,
      storedInputHash: storedHash,
      differing,
    };
  }

  /** The applicant's own application only (404 otherwise): for each finalized round, advanced or not and the official score. */
  async forApplicant(applicantId: string, applicationId: string, page: { limit: number; offset: number }) {
    if ((await this.results.applicantOf(applicationId)) !== applicantId) throw new DomainError(E.RESULTS_NOT_READY);
    return this.results.forApplication(applicationId, page.limit, page.offset);
  }

  /** Every read of anonymised review material by an observer is itself an audit event. */
  private async recordObserverRead(
    viewer: AuthUser,
    material: string,
    round: ReviewRound,
    details: Record<string, unknown>,
  ): Promise<void> {
    if (viewer.roles.includes('observer'))
      await this.audit.recordRead(viewer.id, material, 'review_round', round.id, details);
  }

  private pseudonym(round: ReviewRound, jurorId: string): string {
    return jurorPseudonym(this.config.pseudonymSecret, round.competitionId, jurorId);
  }

  private async round(roundId: string): Promise<ReviewRound> {
    const round = await this.rounds.find(roundId);
    if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
    return round;
  }

  private async finalized(roundId: string): Promise<ReviewRound> {
    const round = await this.round(roundId);
    if (round.status !== 'finalized') throw new DomainError(E.RESULTS_NOT_READY, { status: round.status });
    return round;
  }
}
