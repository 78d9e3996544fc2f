import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationStatusService } from '../applications/application-status.service';
import { AuditService } from '../audit/audit.service';
import { Outbox } from '../notifications/outbox.service';
import { advancementOf } from './domain/rounds/round-method';
import { computeResults, RoundResults } from './domain/scoring/results';
import { ReviewRound } from './entities/review-round.entity';
import { FinalizeApplication, FrozenSheet, ResultsRepository } from './results.repository';
import { RoundsRepository } from './rounds.repository';

export interface Recomputed {
  results: RoundResults;
  inputHash: string;
  applications: FinalizeApplication[];
  sheets: FrozenSheet[];
}

/**
 * Finalizing, in the worker: reads the frozen scoresheets and the published method in bulk, computes
 * the results with the pure scoring module, and stores them, the applications' new statuses, the
 * applicants' mails and the audit event in one transaction. Also recomputes a finalized round.
 */
@Injectable()
export class RoundFinalizer {
  private readonly logger = new Logger(RoundFinalizer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly results: ResultsRepository,
    private readonly applicationStatus: ApplicationStatusService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  /** Idempotent: a round that is not closed with finalizing requested is left alone. */
  async finalize(roundId: string): Promise<boolean> {
    const started = process.hrtime.bigint();
    const done = await this.dataSource.transaction(async (em) => {
      const round = await this.rounds.lock(em, roundId);
      if (!round || round.status !== 'closed' || !round.finalizeRequestedAt) return false;
      const computed = await this.compute(em, round);
      const { results } = computed;
      await this.results.insertResults(
        em,
        round.id,
        results.applications.map((r) => ({ ...r, quorumMet: r.count >= round.method.quorum })),
      );
      await this.settleApplications(em, round, results);
      const summary = {
        inputHash: computed.inputHash,
        applications: results.applications.length,
        scoresheets: computed.sheets.length,
        advanced: results.applications.filter((r) => r.advanced).length,
        disputed: results.applications.filter((r) => r.disputed).length,
        alpha: results.alpha,
        calibratedDecides: results.calibratedDecides,
        calibrationBlockedBy: results.calibrationBlockedBy,
        crossings: results.crossings,
        jurorOffsets: results.jurorOffsets,
      };
      // Under the round's lock this cannot fail; if it did, nothing of the above may commit.
      if (!(await this.rounds.transition(em, round.id, 'closed', 'finalized', { summary })))
        throw new Error(`Round ${round.id} left 'closed' while it was being finalized`);
      await this.outbox.addSelected(em, this.results.roundResultsMessages(round.id));
      await this.audit.record(em, {
        actorId: null,
        action: 'review_round.finalized',
        entityType: 'review_round',
        entityId: round.id,
        before: { status: 'closed' },
        after: { status: 'finalized', ...summary, jurorOffsets: undefined },
      });
      return true;
    });
    if (done)
      this.logger.log({ roundId, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) }, 'Round finalized');
    return done;
  }

  /** The results from the stored scoresheets and method, exactly as finalizing computes them. */
  async compute(em: EntityManager, round: ReviewRound): Promise<Recomputed> {
    const competition = (await this.rounds.competition(em, round.competitionId))!;
    const applications = await this.results.applications(em, round.id, round.status === 'finalized');
    const sheets = await this.results.submittedSheets(em, round.id);
    const inRound = new Set(applications.map((a) => a.id));
    const counted = sheets.filter((s) => inRound.has(s.application));
    const m = round.method;
    const results = computeResults({
      criteria: m.criteria,
      priorityCriterion: m.priorityCriterion,
      quorum: m.quorum,
      scoresheets: counted.map((s) => ({ application: s.application, juror: s.juror, scores: s.scores })),
      applications: applications.map((a) => ({ id: a.id, requestedAmount: a.requestedAmount })),
      advancement: advancementOf(m, competition.budget),
      calibratedDecisive: m.calibratedDecisive,
      dispute: { spread: m.disputeSpread, margin: m.disputeMargin, maxShare: m.disputeMaxShare },
      seed: round.seed!,
    });
    const canonical = [...counted].sort((a, b) =>
      a.application < b.application ? -1 : a.application > b.application ? 1 : a.juror < b.juror ? -1 : 1,
    );
    const hash = createHash('sha256').update(
      JSON.stringify({
        method: m,
        seed: round.seed,
        budget: competition.budget.toString(),
        applications: applications.map((a) => [a.id, a.requestedAmount.toString()]),
      }),
    );
    for (const s of canonical)
      hash.update(JSON.stringify([s.application, s.juror, m.criteria.map((c) => s.scores[c.code])]));
    return { results, inputHash: hash.digest('hex'), applications, sheets: counted };
  }

  /** Advanced applications are shortlisted, the others not awarded; each step in their history. */
  private async settleApplications(em: EntityManager, round: ReviewRound, results: RoundResults): Promise<void> {
    const reason = `round ${round.position} finalized`;
    const advanced = results.applications.filter((r) => r.advanced).map((r) => r.id);
    const rest = results.applications.filter((r) => !r.advanced).map((r) => r.id);
    const step = { from: 'in_review', actorId: null, reason } as const;
    await this.applicationStatus.moveMany(em, advanced, { ...step, move: 'advance' });
    await this.applicationStatus.moveMany(em, rest, { ...step, move: 'not_advance' });
  }
}
