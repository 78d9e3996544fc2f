import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { Outbox } from '../notifications/outbox.service';
import { applicationContent } from './application-content';
import { ApplicationDraftsService, applicationAuditView } from './application-drafts.service';
import { ApplicationReturnsRepository } from './application-returns.repository';
import { ApplicationStatusService } from './application-status.service';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationsRepository, IntakeCompetition } from './applications.repository';
import { canApplication, referenceFor } from './domain/application-status';
import { submissionProblems } from './domain/submission-rules';
import { Application } from './entities/application.entity';

/**
 * Submission and withdrawal: the moves an applicant makes with a finished application. A returned
 * application is submitted again the same way (the same rules, a new snapshot version, the same
 * reference), before its date to answer by.
 */
@Injectable()
export class ApplicationSubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly drafts: ApplicationDraftsService,
    private readonly status: ApplicationStatusService,
    private readonly returns: ApplicationReturnsRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks every rule at once against the server clock, then in one transaction: freezes the
   * content as a snapshot, gives the next gapless reference number, records the step, writes the
   * receipt to the outbox and the audit event. The row lock makes a double submit one submission.
   * A returned application is resubmitted: its open return is closed first (by compare-and-set,
   * only before its date, so a racing lapse and this cannot both win), then `resubmitted`.
   */
  async submit(actor: AuthUser, id: string): Promise<Application> {
    return this.dataSource.transaction(async (em) => {
      const draft = await this.drafts.lockOwned(em, actor, id);
      const resubmitting = canApplication('resubmit', draft.status);
      if (!resubmitting && !canApplication('submit', draft.status))
        throw new DomainError(E.NOT_DRAFT, { status: draft.status });
      const applicant = await this.applications.lockApplicant(em, draft.applicantId);
      if (!applicant) throw new DomainError(E.NOT_FOUND);
      // Assisted intake spares the confirmed address only when staff submit for the walk-in applicant.
      if (!applicant.emailConfirmed && !(draft.assisted && actor.id !== draft.applicantId))
        throw new DomainError(E.EMAIL_NOT_CONFIRMED);
      const competition = await this.applications.competition(em, draft.competitionId);
      if (!competition) throw new DomainError(E.COMPETITION_NOT_OPEN);
      // A resubmission answers a return made during screening, after the competition may have
      // closed: its own date (compared in SQL) replaces the competition's dates.
      const answered = resubmitting ? await this.returns.close(em, id, 'resubmitted', 'answerable') : null;
      if (resubmitting && !answered) throw new DomainError(E.ANSWER_DATE_PASSED);
      if (!resubmitting && competition.status !== 'open') throw new DomainError(E.COMPETITION_NOT_OPEN);
      if (!resubmitting && competition.closed) throw new DomainError(E.DEADLINE_PASSED);
      if (!resubmitting && competition.notYetOpen) throw new DomainError(E.NOT_YET_OPEN);

      const problems = submissionProblems({
        title: draft.title,
        summary: draft.summary,
        requestedAmount: draft.requestedAmount,
        ownContribution: draft.ownContribution,
        budgetLines: (draft.budgetLines ?? []).map((l) => ({ amount: l.amount, source: l.source })),
        goalIds: (draft.goals ?? []).map((g) => g.goalId),
        adoptedGoalIds: await this.applications.adoptedGoalIds(em, draft.villageId),
        villageEligible: await this.applications.isVillageEligible(em, draft.competitionId, draft.villageId),
        minAward: competition.minAward,
        maxAward: competition.maxAward,
        minOwnShareBp: competition.minOwnShareBp,
        otherApplications: await this.applications.countActive(em, draft.competitionId, draft.applicantId, draft.id),
        maxApplicationsPerApplicant: competition.maxApplicationsPerApplicant,
      });
      if (problems.length > 0) throw new DomainError(E.INVALID, { fields: problems });
      if (resubmitting) return this.resubmitted(em, actor, draft, competition);

      const number = await this.applications.nextReferenceNumber(em, draft.competitionId);
      const reference = referenceFor(competition.code, competition.year, number);
      const villageName = (await this.applications.villageName(em, draft.villageId)) ?? {};
      await this.applications.insertSnapshot(em, id, snapshotOf(draft, reference, villageName));
      const submittedAt = new Date();
      await this.status.move(
        em,
        { applicationId: id, move: 'submit', actorId: actor.id },
        { reference, referenceNumber: number, submittedAt },
      );
      await this.outbox.add(em, {
        recipientId: draft.applicantId,
        type: 'application.submitted',
        data: {
          applicationId: id,
          reference,
          applicationTitle: draft.title,
          competitionTitle: competition.title,
          villageName,
          requestedAmount: draft.requestedAmount.toString(),
          ownContribution: draft.ownContribution.toString(),
          submittedAt: submittedAt.toISOString(),
        },
        dedupeKey: `application.submitted:${id}`,
      });
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'application.submitted',
        entityType: 'application',
        entityId: id,
        before: applicationAuditView(draft),
        reload: (tx) => this.applications.findFull(id, tx),
        after: applicationAuditView,
      });
    });
  }

  /**
   * The second half of a resubmission, after the rules: the content as it is now becomes the next
   * snapshot version under the same reference, the application is `submitted` again, and the
   * applicant gets a receipt for this version.
   */
  private async resubmitted(
    em: EntityManager,
    actor: AuthUser,
    draft: Application,
    competition: IntakeCompetition,
  ): Promise<Application> {
    const id = draft.id;
    const reference = draft.reference as string;
    const version = (await this.returns.latestVersion(em, id)) + 1;
    const villageName = (await this.applications.villageName(em, draft.villageId)) ?? {};
    await this.applications.insertSnapshot(em, id, snapshotOf(draft, reference, villageName), version);
    await this.status.move(em, { applicationId: id, move: 'resubmit', actorId: actor.id });
    await this.outbox.add(em, {
      recipientId: draft.applicantId,
      type: 'application.submitted',
      data: {
        applicationId: id,
        reference,
        applicationTitle: draft.title,
        competitionTitle: competition.title,
        villageName,
        requestedAmount: draft.requestedAmount.toString(),
        ownContribution: draft.ownContribution.toString(),
        submittedAt: new Date().toISOString(),
      },
      dedupeKey: `application.submitted:${id}:v${version}`,
    });
    return this.audit.recordReloaded(em, {
      actorId: actor.id,
      action: 'application.resubmitted',
      entityType: 'application',
      entityId: id,
      before: applicationAuditView(draft),
      reload: (tx) => this.applications.findFull(id, tx),
      after: (after) => ({ ...applicationAuditView(after), version }),
    });
  }

  async withdraw(actor: AuthUser, id: string, reason: string | undefined): Promise<Application> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.drafts.lockOwned(em, actor, id);
      await this.status.move(
        em,
        { applicationId: id, move: 'withdraw', actorId: actor.id, reason: reason ?? null },
        { withdrawnAt: new Date(), withdrawReason: reason ?? null },
      );
      // A returned application withdrawn by its applicant: the return is over too.
      if (before.status === 'returned') await this.returns.close(em, id, 'withdrawn', 'any');
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'application.withdrawn',
        entityType: 'application',
        entityId: id,
        before: applicationAuditView(before),
        reload: (tx) => this.applications.findFull(id, tx),
        after: applicationAuditView,
      });
    });
  }
}

/**
 * The frozen content jurors will read: the proposal itself, without the applicant's identity
 * (name, contacts), so a blind round can show it as it is. The village name is kept in every
 * language it has (older snapshots hold one plain string).
 */
function snapshotOf(a: Application, reference: string, villageName: LocalizedText): Record<string, unknown> {
  return {
    reference,
    competitionId: a.competitionId,
    villageId: a.villageId,
    villageName,
    ...applicationContent(a),
  };
}
