import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AffinitiesRepository } from './affinities.repository';
import { AssignmentChangesService } from './assignment-changes.service';
import { AssignmentRunsRepository, RoundApplicationFacts } from './assignment-runs.repository';
import { AssignmentsRepository } from './assignments.repository';
import { Shortfall } from './domain/assignment/assignment';
import { assignSparse } from './domain/assignment/sparse';
import { buildInstance } from './domain/jury/candidates';
import { AssignmentRun } from './entities/assignment-run.entity';
import { ReviewRound } from './entities/review-round.entity';
import { RoundsRepository } from './rounds.repository';

/** Every candidate pair is held in memory; beyond this a run would exhaust the worker. */
export const MAX_PAIRS = 20_000_000;

/** The engine's seed for a round: the first 48 bits of the lottery seed published when it opened. */
const engineSeed = (roundSeed: string): number => Number.parseInt(roundSeed.slice(0, 12), 16);

/**
 * Runs the assignment engine for one queued run, in the worker: reads the round, solves, and
 * stores the new assignments, the alternates and the run's record in one transaction. The round's
 * assignment lock is held throughout, so manual changes wait and nothing is assigned twice.
 */
@Injectable()
export class AssignmentRunner {
  private readonly logger = new Logger(AssignmentRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsRepository,
    private readonly runs: AssignmentRunsRepository,
    private readonly affinities: AffinitiesRepository,
    private readonly rounds: RoundsRepository,
    private readonly changes: AssignmentChangesService,
    private readonly audit: AuditService,
  ) {}

  async run(runId: string): Promise<AssignmentRun | null> {
    return this.dataSource.transaction(async (em) => {
      const queued = await this.runs.findRun(runId);
      if (!queued) return null;
      await this.assignments.lockRoundAssignments(em, queued.roundId);
      const run = await this.runs.lockRun(em, runId);
      if (!run || run.status !== 'queued') return run; // done by another worker: nothing to do
      const round = await this.rounds.shareLock(em, run.roundId);
      if (!round || round.status !== 'open' || !round.seed) {
        await this.finishInfeasible(
          em,
          run,
          null,
          [
            {
              reason: 'constraints_conflict',
              message: `The round is ${round?.status ?? 'gone'}; assignments change only while it is open`,
              applications: [],
              jurors: [],
            },
          ],
          0,
          '',
        );
      } else {
        await this.solve(em, run, round);
      }
      return em.findOne(AssignmentRun, { where: { id: runId } });
    });
  }

  private async solve(em: EntityManager, run: AssignmentRun, round: ReviewRound): Promise<void> {
    const started = process.hrtime.bigint();
    // One query at a time: a transaction has one connection.
    const applications = await this.runs.applicationsInRound(em, round.id);
    const jurors = await this.runs.assignableJurors(em, round.competitionId);
    const declarations = await this.runs.declarations(em, round.competitionId);
    const pairs = await this.runs.pairs(em, round.id);
    const imported = await this.affinities.importedAffinities(em, round.id);
    const waiting = await this.runs.unassignableJurors(em, round.competitionId);
    const method = round.method;
    if (applications.length * jurors.length > MAX_PAIRS) {
      const message = `${applications.length} applications x ${jurors.length} jurors is more than one run handles (${MAX_PAIRS} pairs); split the call into rounds by district or region`;
      await this.finishInfeasible(
        em,
        run,
        null,
        [{ reason: 'constraints_conflict', message, applications: [], jurors: [] }],
        0,
        '',
      );
      return;
    }
    const instance = buildInstance({
      applications: applications.map((a) => ({ ...a, goals: a.goalText ? a.goalText.split(' | ') : [] })),
      jurors,
      declarations,
      pairs,
      imported,
      jurorsPerApplication: method.jurorsPerApplication,
      minLoad: method.minLoad,
      maxLoad: method.maxLoad,
      firstRun: !pairs.some((p) => p.status === 'active'),
    });
    const seed = engineSeed(round.seed!);
    const result = assignSparse(instance, seed, { alternates: 3 });
    const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
    if (!result.feasible) {
      await this.finishInfeasible(
        em,
        run,
        seed,
        result.explanation,
        durationMs,
        instance.hash,
        applications,
        jurors.map((j) => j.id),
        waiting,
      );
      return;
    }
    const affinityOf = (i: number, j: number) => instance.candidates[i].find(([juror]) => juror === j)![1];
    const rows = result.assignment.map(([i, j]) => ({
      applicationId: applications[i].id,
      jurorId: jurors[j].id,
      affinity: affinityOf(i, j),
      source: 'engine' as const,
      runId: run.id,
    }));
    await this.assignments.insertMany(em, round.id, rows);
    await this.runs.setAlternates(
      em,
      round.id,
      result.alternates.map((list, i) => ({
        applicationId: applications[i].id,
        alternates: list.map((j) => jurors[j].id),
      })),
    );
    await this.runs.finishRun(em, run.id, {
      status: 'succeeded',
      seed: String(seed),
      inputHash: instance.hash,
      objective: String(result.objective),
      durationMs,
      assigned: rows.length,
      details: {
        ...result.stats,
        places: instance.demand.reduce((a, b) => a + b, 0),
        applications: applications.length,
        jurors: jurors.length,
        notAssignable: waiting,
      },
    });
    const perJuror = new Map<string, number>();
    for (const r of rows) perJuror.set(r.jurorId, (perJuror.get(r.jurorId) ?? 0) + 1);
    await this.changes.tellJurors(
      em,
      round,
      [...perJuror]
        .sort()
        .map(([jurorId, count]) => ({ jurorId, count, dedupeKey: `review.assigned:${run.id}:${jurorId}` })),
    );
    await this.audit.record(em, {
      actorId: run.requestedBy,
      action: 'assignment_run.completed',
      entityType: 'review_round',
      entityId: round.id,
      after: {
        runId: run.id,
        trigger: run.trigger,
        assigned: rows.length,
        objective: result.objective,
        seed,
        inputHash: instance.hash,
      },
    });
    this.logger.log(
      { runId: run.id, assigned: rows.length, objective: result.objective, durationMs },
      'Assignment run done',
    );
  }

  private async finishInfeasible(
    em: EntityManager,
    run: AssignmentRun,
    seed: number | null,
    explanation: Shortfall[],
    durationMs: number,
    inputHash: string,
    applications: RoundApplicationFacts[] = [],
    jurorIds: string[] = [],
    notAssignable: { id: string; fullName: string; reason: string }[] = [],
  ): Promise<void> {
    // Indices mean nothing to a manager: name the applications by reference and the jurors by id.
    const named = explanation.map((s) => ({
      reason: s.reason,
      message: s.message,
      applications: s.applications.map((i) => ({ id: applications[i].id, reference: applications[i].reference })),
      jurors: s.jurors.map((j) => jurorIds[j]),
    }));
    await this.runs.finishRun(em, run.id, {
      status: 'infeasible',
      seed: seed === null ? null : String(seed),
      inputHash,
      objective: null,
      durationMs,
      assigned: 0,
      details: { explanation: named, notAssignable },
    });
    await this.audit.record(em, {
      actorId: run.requestedBy,
      action: 'assignment_run.infeasible',
      entityType: 'review_round',
      entityId: run.roundId,
      after: { runId: run.id, explanation: named },
    });
  }
}
