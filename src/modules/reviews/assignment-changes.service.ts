import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { Outbox } from '../notifications/outbox.service';
import { AssignmentRunsRepository } from './assignment-runs.repository';
import { AssignmentsRepository } from './assignments.repository';
import { scoresDigest } from './domain/scoring/scoresheet';
import { AssignmentRun } from './entities/assignment-run.entity';
import { Assignment } from './entities/assignment.entity';
import { ConflictDeclaration } from './entities/conflict-declaration.entity';
import { ReviewRound } from './entities/review-round.entity';
import { ReviewErrors as E } from './reviews.errors';
import { ReviewsQueue } from './reviews.queue';
import { RoundsRepository } from './rounds.repository';

const END_AUDIT_ACTION = { removed: 'assignment.removed', recused: 'assignment.recused' } as const satisfies Record<
  string,
  AuditAction
>;

/**
 * Changes to who reviews what: engine runs on request, a manager's add, remove and swap, and a
 * juror's recusal. Ending an assignment withdraws its scoresheet (audited) and queues a run that
 * fills only the freed place, keeping every other assignment.
 */
@Injectable()
export class AssignmentChangesService {
  private readonly logger = new Logger(AssignmentChangesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsRepository,
    private readonly runs: AssignmentRunsRepository,
    private readonly rounds: RoundsRepository,
    private readonly queue: ReviewsQueue,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  /** Queues a run that fills every open place of the round; a run still queued is queued again instead. */
  async requestRun(actorId: string, roundId: string): Promise<AssignmentRun> {
    const run = await this.dataSource.transaction(async (em) => {
      const round = await this.openRound(em, roundId);
      const pending = await this.runs.pendingRun(em, round.id);
      if (pending) return pending;
      const created = await this.runs.insertRun(em, round.id, 'manager', actorId);
      await this.audit.record(em, {
        actorId,
        action: 'assignment_run.requested',
        entityType: 'review_round',
        entityId: round.id,
        after: { runId: created.id },
      });
      return created;
    });
    try {
      await this.queue.add({ kind: 'assign', runId: run.id });
    } catch (error) {
      this.logger.warn({ err: error, runId: run.id }, 'Could not queue an assignment run');
      throw new DomainError(E.QUEUE_UNAVAILABLE, { runId: run.id });
    }
    return run;
  }

  async add(actorId: string, roundId: string, applicationId: string, jurorId: string): Promise<Assignment> {
    return this.dataSource.transaction(async (em) => {
      await this.assignments.lockRoundAssignments(em, roundId);
      const round = await this.openRound(em, roundId);
      await this.checkPair(em, round, applicationId, jurorId);
      const [id] = await this.assignments.insertMany(em, round.id, [
        { applicationId, jurorId, affinity: 0, source: 'manager', runId: null },
      ]);
      const created = await this.audit.recordReloaded(em, {
        actorId,
        action: 'assignment.added',
        entityType: 'review_round',
        entityId: round.id,
        reload: (tx) => this.assignments.find(id, tx),
        after: (added) => added,
      });
      await this.tellJurors(em, round, [{ jurorId, count: 1, dedupeKey: `review.assigned:${id}` }]);
      return created;
    });
  }

  async remove(actorId: string, assignmentId: string, reason: string): Promise<AssignmentRun> {
    const run = await this.dataSource.transaction(async (em) => {
      const { assignment, round } = await this.lockedAssignment(em, assignmentId);
      await this.end(em, actorId, assignment, 'removed', reason);
      return this.runs.insertRun(em, round.id, 'removal', actorId);
    });
    await this.enqueue([run.id]);
    return run;
  }

  /** Replaces one juror by another on one application, in one step; no run needed. */
  async swap(actorId: string, assignmentId: string, jurorId: string, reason: string): Promise<Assignment> {
    return this.dataSource.transaction(async (em) => {
      const { assignment, round } = await this.lockedAssignment(em, assignmentId);
      if (assignment.jurorId === jurorId)
        throw new DomainError(E.ASSIGNMENT_EXISTS, { reason: 'the juror already holds this assignment' });
      await this.end(em, actorId, assignment, 'removed', reason);
      await this.checkPair(em, round, assignment.applicationId, jurorId);
      const [id] = await this.assignments.insertMany(em, round.id, [
        { applicationId: assignment.applicationId, jurorId, affinity: 0, source: 'manager', runId: null },
      ]);
      const created = await this.audit.recordReloaded(em, {
        actorId,
        action: 'assignment.added',
        entityType: 'review_round',
        entityId: round.id,
        reload: (tx) => this.assignments.find(id, tx),
        after: (added) => ({ ...added, replaces: assignment.id }),
      });
      await this.tellJurors(em, round, [{ jurorId, count: 1, dedupeKey: `review.assigned:${id}` }]);
      return created;
    });
  }

  /** A juror steps back from one application: the scoresheet is withdrawn and the place filled again. */
  async recuse(jurorId: string, assignmentId: string, reason: string): Promise<void> {
    const run = await this.dataSource.transaction(async (em) => {
      const { assignment, round } = await this.lockedAssignment(em, assignmentId, jurorId);
      await this.end(em, jurorId, assignment, 'recused', reason);
      return this.runs.insertRun(em, round.id, 'recusal', jurorId);
    });
    await this.enqueue([run.id]);
  }

  /**
   * A conflict declared after assignment: every active assignment it touches in a draft or open
   * round is recused in the caller's transaction. Returns the runs to queue once it commits.
   */
  async recuseConflicted(
    em: EntityManager,
    jurorId: string,
    competitionId: string,
    declaration: ConflictDeclaration,
  ): Promise<string[]> {
    const hit = await this.assignments.activeInConflict(em, competitionId, jurorId, declaration);
    const runs: string[] = [];
    for (const roundId of [...new Set(hit.map((a) => a.roundId))].sort()) {
      await this.assignments.lockRoundAssignments(em, roundId);
      for (const assignment of hit.filter((a) => a.roundId === roundId))
        await this.end(em, jurorId, assignment, 'recused', `conflict declared (${declaration.kind})`);
      runs.push((await this.runs.insertRun(em, roundId, 'recusal', jurorId)).id);
    }
    return runs;
  }

  /** Every draft or open round's assignment lock of the competition, in id order (so two callers never deadlock). */
  async lockCompetitionAssignments(em: EntityManager, competitionId: string): Promise<void> {
    for (const roundId of await this.rounds.changeableRoundIds(em, competitionId))
      await this.assignments.lockRoundAssignments(em, roundId);
  }

  /** Queues runs after their transaction committed; a failure is logged and the worker's sweep queues them later. */
  async enqueue(runIds: string[]): Promise<void> {
    for (const runId of runIds) {
      await this.queue
        .add({ kind: 'assign', runId })
        .catch((error: unknown) =>
          this.logger.warn({ err: error, runId }, 'Could not queue an assignment run; the sweep will'),
        );
    }
  }

  private async end(
    em: EntityManager,
    actorId: string,
    assignment: Assignment,
    status: keyof typeof END_AUDIT_ACTION,
    reason: string,
  ): Promise<void> {
    if (!(await this.assignments.end(em, assignment.id, status, actorId, reason)))
      throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    const withdrawn = await this.assignments.withdrawScoresheet(em, assignment.id);
    await this.audit.record(em, {
      actorId,
      action: END_AUDIT_ACTION[status],
      entityType: 'review_round',
      entityId: assignment.roundId,
      before: {
        assignmentId: assignment.id,
        applicationId: assignment.applicationId,
        jurorId: assignment.jurorId,
        status: 'active',
        scoresheet: withdrawn
          ? { id: withdrawn.id, status: withdrawn.status, scoresDigest: scoresDigest(withdrawn) }
          : null,
      },
      after: {
        assignmentId: assignment.id,
        status,
        reason,
        scoresheet: withdrawn ? { id: withdrawn.id, status: 'withdrawn' } : null,
      },
    });
  }

  private async lockedAssignment(
    em: EntityManager,
    assignmentId: string,
    jurorId?: string,
  ): Promise<{ assignment: Assignment; round: ReviewRound }> {
    const found = await this.assignments.find(assignmentId, em);
    // Another juror's assignment is "not found", like one that does not exist.
    if (!found || (jurorId && found.jurorId !== jurorId)) throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    await this.assignments.lockRoundAssignments(em, found.roundId);
    const round = await this.openRound(em, found.roundId);
    const assignment = (await this.assignments.find(assignmentId, em))!;
    if (assignment.status !== 'active') throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    return { assignment, round };
  }

  private async openRound(em: EntityManager, roundId: string): Promise<ReviewRound> {
    const round = await this.rounds.shareLock(em, roundId);
    if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
    if (round.status !== 'open') throw new DomainError(E.ROUND_NOT_OPEN, { status: round.status });
    return round;
  }

  private async checkPair(
    em: EntityManager,
    round: ReviewRound,
    applicationId: string,
    jurorId: string,
  ): Promise<void> {
    if (!(await this.assignments.inRound(em, round.id, applicationId)))
      throw new DomainError(E.APPLICATION_NOT_IN_ROUND);
    // A juror who stepped back from an application stays out of it, whoever asks.
    if (await this.assignments.hasRecused(em, round.id, applicationId, jurorId))
      throw new DomainError(E.PAIR_IN_CONFLICT, { reason: 'the juror recused from this application' });
    if (!(await this.assignments.isAssignable(em, round.competitionId, jurorId))) {
      throw new DomainError(E.JUROR_NOT_FOUND, {
        reason: 'not on the panel, or the conflict declaration is not confirmed',
      });
    }
    if (await this.assignments.inConflict(em, round.competitionId, jurorId, applicationId))
      throw new DomainError(E.PAIR_IN_CONFLICT);
    if (await this.assignments.findActive(em, round.id, applicationId, jurorId))
      throw new DomainError(E.ASSIGNMENT_EXISTS);
  }

  /** The assignment mails, one per juror: ids and display values only; addresses are read when sending. */
  async tellJurors(
    em: EntityManager,
    round: ReviewRound,
    counts: { jurorId: string; count: number; dedupeKey: string }[],
  ): Promise<void> {
    const competition = await this.rounds.competition(em, round.competitionId);
    await this.outbox.addMany(
      em,
      counts.map(({ jurorId, count, dedupeKey }) => ({
        recipientId: jurorId,
        type: 'review.assigned' as const,
        data: {
          roundId: round.id,
          competitionTitle: competition?.title ?? '',
          roundName: round.name,
          count,
          deadline: round.deadline.toISOString(),
        },
        dedupeKey,
      })),
    );
  }
}
