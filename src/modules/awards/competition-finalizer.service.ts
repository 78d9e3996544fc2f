import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationStatusService } from '../applications/application-status.service';
import { AuditService } from '../audit/audit.service';
import { CompetitionStatusService } from '../competitions/competition-status.service';
import { Outbox } from '../notifications/outbox.service';
import { AllocationRepository } from './allocation.repository';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';

/**
 * Closing the decisions of a competition: once no award is waiting for a second manager or for
 * the applicant, every shortlisted application without an accepted award becomes `not_awarded`
 * and is told so, and the competition becomes `finalized`: one transaction, one audit event.
 */
@Injectable()
export class CompetitionFinalizer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly allocations: AllocationRepository,
    private readonly applicationStatus: ApplicationStatusService,
    private readonly competitionStatus: CompetitionStatusService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  async finalize(actorId: string, competitionId: string): Promise<{ notAwarded: number }> {
    return this.dataSource.transaction(async (em) => {
      const competition = await this.allocations.competition(em, competitionId, true);
      if (!competition) throw new DomainError(E.COMPETITION_NOT_FOUND);
      const round = await this.allocations.finalRound(em, competitionId);
      if (competition.status !== 'closed' || round?.status !== 'finalized') {
        throw new DomainError(E.NOT_READY, {
          competitionStatus: competition.status,
          lastRoundStatus: round?.status ?? null,
        });
      }
      const pending = await this.awards.countPending(em, competitionId);
      if (pending.proposed + pending.approved > 0) throw new DomainError(E.DECISIONS_PENDING, pending);
      const notAwarded = await this.applicationStatus.moveAllOf(em, competitionId, {
        move: 'not_award',
        from: 'shortlisted',
        actorId,
        reason: 'competition finalized',
      });
      await this.outbox.addSelected(em, this.awards.notAwardedMessages(notAwarded));
      await this.competitionStatus.move(em, competitionId, 'finalize');
      await this.audit.record(em, {
        actorId,
        action: 'competition.finalized',
        entityType: 'competition',
        entityId: competitionId,
        before: { status: 'closed' },
        after: { status: 'finalized', notAwarded: notAwarded.length },
      });
      return { notAwarded: notAwarded.length };
    });
  }
}
