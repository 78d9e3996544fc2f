import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationStatusService } from '../applications/application-status.service';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { methodProblems, RoundMethod } from './domain/rounds/round-method';
import { CreateRoundDto, methodOf, UpdateRoundDto } from './dto/round.dto';
import { ROUND_TRANSITIONS, RoundAction, RoundStatus } from './domain/rounds/round-status';
import { ReviewRound } from './entities/review-round.entity';
import { ReviewErrors as E } from './reviews.errors';
import { ReviewsQueue } from './reviews.queue';
import { RoundsRepository } from './rounds.repository';

export interface RoundInput {
  name: string;
  deadline: Date;
  method: RoundMethod;
}

/** The audit action of each move a manager makes; finalizing is the worker's (round-finalizer.ts). */
const MOVE_AUDIT_ACTION = { open: 'review_round.opened', close: 'review_round.closed' } as const satisfies Partial<
  Record<RoundAction, AuditAction>
>;

/** A round's lifecycle: a draft a manager edits, opened (method frozen, seed drawn), closed, finalized by the worker. */
@Injectable()
export class RoundsService {
  private readonly logger = new Logger(RoundsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly applicationStatus: ApplicationStatusService,
    private readonly queue: ReviewsQueue,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, competitionId: string, input: RoundInput): Promise<ReviewRound> {
    this.checkMethod(input.method);
    return this.dataSource.transaction(async (em) => {
      const competition = await this.rounds.competition(em, competitionId);
      if (!competition) throw new DomainError(E.COMPETITION_NOT_FOUND);
      const position = await this.rounds.nextPosition(em, competitionId);
      const round = await this.rounds.insert(em, {
        competitionId,
        position,
        name: input.name,
        deadline: input.deadline,
        method: input.method,
        createdBy: actorId,
      });
      await this.audit.record(em, {
        actorId,
        action: 'review_round.created',
        entityType: 'review_round',
        entityId: round.id,
        after: round,
      });
      return round;
    });
  }

  /** Fields left out keep their values; the whole method is checked again. */
  async update(actorId: string, id: string, patch: UpdateRoundDto): Promise<ReviewRound> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.rounds.lock(em, id);
      if (!before) throw new DomainError(E.ROUND_NOT_FOUND);
      if (before.status !== 'draft') throw new DomainError(E.METHOD_FROZEN, { status: before.status });
      const method = methodOf({ ...before.method, ...patch } as CreateRoundDto);
      this.checkMethod(method);
      if (!(await this.rounds.updateDraft(em, id, { name: patch.name, deadline: patch.deadline, method })))
        throw new DomainError(E.METHOD_FROZEN, { status: before.status });
      return this.audit.recordReloaded(em, {
        actorId,
        action: 'review_round.updated',
        entityType: 'review_round',
        entityId: id,
        before,
        reload: (tx) => this.rounds.find(id, tx),
        after: (after) => after,
      });
    });
  }

  /**
   * Freezes the method, draws the lottery seed and fixes who takes part: the eligible applications
   * for the first round, those that advanced for a later one. Needs the competition closed for
   * applications and the round before finalized.
   */
  async open(actorId: string, id: string): Promise<ReviewRound> {
    return this.dataSource.transaction(async (em) => {
      const round = await this.lockInStatus(em, id, 'open');
      const competition = (await this.rounds.competition(em, round.competitionId))!;
      if (competition.status !== 'closed')
        throw new DomainError(E.COMPETITION_NOT_CLOSED, { competitionStatus: competition.status });
      const previous = round.position > 1 ? await this.rounds.previous(em, round) : null;
      if (round.position > 1 && previous?.status !== 'finalized') throw new DomainError(E.PREVIOUS_ROUND_NOT_FINALIZED);
      if (await this.rounds.isBeforeNow(em, round.deadline))
        throw new DomainError(E.DEADLINE_PASSED, {
          fields: [{ field: 'deadline', problems: ['must be in the future'] }],
        });
      const entered = await this.enterApplications(em, round, previous, actorId);
      if (entered === 0) throw new DomainError(E.NOTHING_TO_REVIEW);
      const seed = randomBytes(32).toString('hex');
      return this.move(em, actorId, round, 'open', { seed }, { applications: entered, seed, method: round.method });
    });
  }

  /** Freezes the scoresheets: from now on nothing is accepted and the aggregates become visible. */
  async close(actorId: string, id: string): Promise<ReviewRound> {
    return this.dataSource.transaction(async (em) =>
      this.move(em, actorId, await this.lockInStatus(em, id, 'close'), 'close'),
    );
  }

  /** Asks the worker to compute and store the results; asking again queues the same job. */
  async requestFinalize(actorId: string, id: string): Promise<ReviewRound> {
    const round = await this.dataSource.transaction(async (em) => {
      const locked = await this.lockInStatus(em, id, 'finalize');
      if (!locked.finalizeRequestedAt) {
        await this.rounds.markFinalizeRequested(em, id);
        await this.audit.record(em, {
          actorId,
          action: 'review_round.finalize_requested',
          entityType: 'review_round',
          entityId: id,
        });
      }
      return (await this.rounds.find(id, em))!;
    });
    try {
      await this.queue.add({ kind: 'finalize', roundId: id });
    } catch (error) {
      this.logger.warn({ err: error, roundId: id }, 'Could not queue finalizing');
      throw new DomainError(E.QUEUE_UNAVAILABLE, { roundId: id });
    }
    return round;
  }

  async get(id: string): Promise<ReviewRound> {
    const round = await this.rounds.find(id);
    if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
    return round;
  }

  /** The public see a round's method once it is open (drafts are 404). */
  async getPublic(id: string): Promise<ReviewRound> {
    const round = await this.rounds.find(id);
    if (!round || round.status === 'draft') throw new DomainError(E.ROUND_NOT_FOUND);
    return round;
  }

  /** Rounds of other competitions a new round may copy its method from, newest first. */
  async copyableElsewhere(competitionId: string, limit: number) {
    return this.rounds.recentElsewhere(competitionId, limit);
  }

  async list(
    competitionId: string,
    publicOnly: boolean,
    limit: number,
    offset: number,
  ): Promise<[ReviewRound[], number]> {
    if (!(await this.rounds.competition(this.dataSource.manager, competitionId)))
      throw new DomainError(E.COMPETITION_NOT_FOUND);
    const statuses: RoundStatus[] | undefined = publicOnly ? ['open', 'closed', 'finalized'] : undefined;
    return this.rounds.listByCompetition(competitionId, statuses, limit, offset);
  }

  /**
   * Fixes who takes part as the round opens: the first round takes the eligible applications, a
   * later one those the round before advanced (and still shortlisted). They move to `in_review`.
   */
  private async enterApplications(
    em: EntityManager,
    round: ReviewRound,
    previous: ReviewRound | null,
    actorId: string,
  ): Promise<number> {
    const reason = `round ${round.position} opened`;
    const entering = previous
      ? await this.applicationStatus.moveMany(em, await this.rounds.advancedIn(em, previous.id), {
          move: 'enter_review',
          from: 'shortlisted',
          actorId,
          reason,
        })
      : await this.applicationStatus.moveAllOf(em, round.competitionId, {
          move: 'enter_review',
          from: 'eligible',
          actorId,
          reason,
        });
    await this.rounds.addApplications(em, round.id, entering);
    return entering.length;
  }

  private checkMethod(method: RoundMethod): void {
    const problems = methodProblems(method);
    if (problems.length) throw new DomainError(E.INVALID_METHOD, { fields: problems });
  }

  private async lockInStatus(em: EntityManager, id: string, action: RoundAction): Promise<ReviewRound> {
    const round = await this.rounds.lock(em, id);
    if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
    if (round.status !== ROUND_TRANSITIONS[action].from)
      throw new DomainError(E.WRONG_STATUS, { status: round.status, action });
    return round;
  }

  private async move(
    em: EntityManager,
    actorId: string,
    round: ReviewRound,
    action: keyof typeof MOVE_AUDIT_ACTION,
    set: { seed?: string } = {},
    after: Record<string, unknown> = {},
  ): Promise<ReviewRound> {
    const { from, to } = ROUND_TRANSITIONS[action];
    if (!(await this.rounds.transition(em, round.id, from, to, set)))
      throw new DomainError(E.WRONG_STATUS, { status: round.status, action });
    return this.audit.recordReloaded(em, {
      actorId,
      action: MOVE_AUDIT_ACTION[action],
      entityType: 'review_round',
      entityId: round.id,
      before: { status: from },
      reload: (tx) => this.rounds.find(round.id, tx),
      after: () => ({ status: to, ...after }),
    });
  }
}
