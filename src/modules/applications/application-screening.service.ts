import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { Outbox } from '../notifications/outbox.service';
import { applicationAuditView } from './application-drafts.service';
import { ApplicationStatusService } from './application-status.service';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationMove } from './domain/application-status';
import { ScreeningDecision, screeningProblem } from './domain/screening';
import { Application } from './entities/application.entity';

export interface ScreeningInput {
  decision: ScreeningDecision;
  reason?: string;
  note?: string;
}

export type BulkOutcome = { applicationId: string; status: string } | { applicationId: string; error: string };

const SCREENING_MOVE = {
  eligible: 'screen_eligible',
  ineligible: 'screen_ineligible',
} as const satisfies Record<ScreeningDecision, ApplicationMove>;

/** Eligibility screening of submitted applications: one at a time or in bulk, each audited. */
@Injectable()
export class ApplicationScreeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly status: ApplicationStatusService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  async screen(actor: AuthUser, id: string, input: ScreeningInput, competitionId?: string): Promise<Application> {
    const problem = screeningProblem(input.decision, input.reason, input.note);
    if (problem)
      throw new DomainError(E.SCREENING_REASON_REQUIRED, { fields: [{ field: 'reason', problems: [problem] }] });
    return this.dataSource.transaction(async (em) => {
      const before = await this.applications.lock(em, id);
      if (!before || (competitionId && before.competitionId !== competitionId)) throw new DomainError(E.NOT_FOUND);
      const set = {
        screeningReason: input.decision === 'ineligible' ? (input.reason ?? null) : null,
        screeningNote: input.note ?? null,
        screenedBy: actor.id,
        screenedAt: new Date(),
      };
      await this.status.move(
        em,
        { applicationId: id, move: SCREENING_MOVE[input.decision], actorId: actor.id, reason: input.reason ?? null },
        set,
      );
      if (input.decision === 'ineligible') {
        const competition = await this.applications.competition(em, before.competitionId);
        await this.outbox.add(em, {
          recipientId: before.applicantId,
          type: 'application.ineligible',
          data: {
            applicationId: id,
            reference: before.reference ?? '',
            applicationTitle: before.title,
            competitionTitle: competition?.title ?? '',
            reason: input.reason ?? 'other',
            note: input.note ?? '',
          },
          dedupeKey: `application.ineligible:${id}`,
        });
      }
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'application.screened',
        entityType: 'application',
        entityId: id,
        before: applicationAuditView(before),
        reload: (tx) => this.applications.findFull(id, tx),
        after: (after) => ({ ...applicationAuditView(after), screeningReason: after.screeningReason }),
      });
    });
  }

  /** Each decision in its own transaction: one refusal does not undo the others. */
  async screenMany(
    actor: AuthUser,
    competitionId: string,
    decisions: (ScreeningInput & { applicationId: string })[],
  ): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    for (const { applicationId, ...input } of decisions) {
      try {
        const screened = await this.screen(actor, applicationId, input, competitionId);
        outcomes.push({ applicationId, status: screened.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push({ applicationId, error: error.code });
      }
    }
    return outcomes;
  }
}
