import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { Outbox } from '../notifications/outbox.service';
import { AssignmentRunsRepository } from './assignment-runs.repository';
import { ReviewErrors as E } from './reviews.errors';
import { ReviewsQueue } from './reviews.queue';
import { RoundsRepository } from './rounds.repository';
import { WorkspaceRepository } from './workspace.repository';

/** Reminders before a round's deadline: at three days and at one day, once each (the dedupe key sees to it). */
export const SCORING_REMINDERS = [
  { label: '3d', withinHours: 72 },
  { label: '1d', withinHours: 24 },
] as const;

/**
 * The worker's periodic sweep for reviews: reminds jurors with unfinished scoresheets as a
 * deadline nears, and queues again the runs and finalizing that Redis may have lost.
 */
@Injectable()
export class ReviewRemindersService {
  private readonly logger = new Logger(ReviewRemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: AssignmentRunsRepository,
    private readonly rounds: RoundsRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly queue: ReviewsQueue,
    private readonly outbox: Outbox,
  ) {}

  @Scheduled({ job: SCHEDULED_JOBS.reviewSweep, every: (config) => config.reviewSweepEveryMs })
  async sweep(): Promise<{ reminders: number; requeued: number }> {
    const reminders = await this.remind();
    let requeued = 0;
    for (const runId of await this.runs.staleQueuedRuns()) {
      await this.queue.add({ kind: 'assign', runId });
      requeued += 1;
    }
    for (const id of await this.rounds.staleFinalizeRequests()) {
      await this.queue.add({ kind: 'finalize', roundId: id });
      requeued += 1;
    }
    return { reminders, requeued };
  }

  async remind(): Promise<number> {
    let written = 0;
    for (const reminder of SCORING_REMINDERS) {
      const shorter = SCORING_REMINDERS.find((r) => r.withinHours < reminder.withinHours)?.withinHours ?? 0;
      written += await this.dataSource.transaction(async (em) => {
        const due = await this.workspace.unfinishedDue(em, reminder.withinHours, shorter);
        await this.outbox.addMany(
          em,
          due.map((d) => ({
            recipientId: d.jurorId,
            type: 'review.deadline_reminder' as const,
            data: {
              roundId: d.roundId,
              competitionTitle: d.competitionTitle,
              roundName: d.roundName,
              unfinished: d.unfinished,
              deadline: d.deadline.toISOString(),
            },
            dedupeKey: `review.deadline_reminder:${d.roundId}:${d.jurorId}:${reminder.label}`,
          })),
        );
        return due.length;
      });
    }
    if (written > 0) this.logger.log({ reminders: written }, 'Scoring reminders written');
    return written;
  }

  /**
   * A manager's nudge to one juror of an open round: the deadline reminder mail with what is left
   * to score, through the outbox. At most one a day per juror and round (the dedupe key), so a
   * second click sends nothing; returns how many scoresheets are unfinished (0: no mail).
   */
  async remindJuror(roundId: string, jurorId: string, now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const round = await this.rounds.shareLock(em, roundId);
      if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
      if (round.status !== 'open') throw new DomainError(E.ROUND_NOT_OPEN, { status: round.status });
      const { assigned, unfinished } = await this.workspace.unfinishedOf(em, roundId, jurorId);
      if (assigned === 0) throw new DomainError(E.JUROR_NOT_FOUND);
      if (unfinished === 0) return 0;
      const competition = await this.rounds.competition(em, round.competitionId);
      await this.outbox.addMany(em, [
        {
          recipientId: jurorId,
          type: 'review.deadline_reminder' as const,
          data: {
            roundId,
            competitionTitle: competition?.title ?? '',
            roundName: round.name,
            unfinished,
            deadline: round.deadline.toISOString(),
          },
          dedupeKey: `review.deadline_reminder:${roundId}:${jurorId}:manual:${now.toISOString().slice(0, 10)}`,
        },
      ]);
      return unfinished;
    });
  }
}
