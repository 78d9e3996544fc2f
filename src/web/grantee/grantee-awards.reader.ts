import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { AwardFilesService, REPORTING_STATUSES } from '../../modules/awards/award-files.service';
import { AwardErrors } from '../../modules/awards/awards.errors';
import { AwardsQueryService } from '../../modules/awards/awards-query.service';
import { canTranche } from '../../modules/awards/domain/award-status';
import { MilestoneReportsService } from '../../modules/awards/milestone-reports.service';
import { PaymentsQueryService } from '../../modules/disbursements/payments-query.service';
import { granteeActor } from './grantee-actor';
import { GranteeAward, GranteeReport, GranteeTranche, KeptFile, ReportBudgetLine } from './grantee-view';

/** An award has a handful of tranches, so its payments and reports fit one page of this size. */
const ALL = { limit: 100, offset: 0 };
/** At most as many files as an award may hold (ATTACHMENT_MAX_COUNT allows up to 1000). */
const FILES_PAGE = { limit: 1000, offset: 0 };

/** What the report form of one tranche needs besides the award. */
export interface ReportFormData {
  award: GranteeAward;
  tranche: GranteeTranche;
  budgetLines: ReportBudgetLine[];
  /** The last report on this tranche that the manager returned, with their comment. */
  returned: GranteeReport | null;
}

/**
 * The grantee's award as plain data for the pages: the award with its tranches (the JSON API's
 * GET /awards/:id), its payments (GET /awards/:id/payments) and milestone reports
 * (GET /awards/:id/reports), all read as the signed-in person's own: another person's award is
 * "not found", as is an award still only proposed.
 */
@Injectable()
export class GranteeAwardsReader {
  constructor(
    private readonly awards: AwardsQueryService,
    private readonly payments: PaymentsQueryService,
    private readonly reports: MilestoneReportsService,
    private readonly files: AwardFilesService,
    private readonly applications: ApplicationDraftsService,
  ) {}

  async award(userId: string, awardId: string): Promise<GranteeAward> {
    const actor = granteeActor(userId);
    const award = await this.awards.get(actor, awardId);
    const [[payments], [reports]] = await Promise.all([
      this.payments.listByAward(actor, awardId, ALL),
      this.reports.listForAward(actor, awardId, ALL),
    ]);
    const reporting = REPORTING_STATUSES.includes(award.status);
    return {
      id: award.id,
      applicationId: award.applicationId,
      reference: award.reference,
      applicationTitle: award.applicationTitle,
      amount: BigInt(award.amount),
      status: award.status,
      respondBy: award.respondBy ? new Date(award.respondBy) : null,
      respondedAt: award.respondedAt ? new Date(award.respondedAt) : null,
      reason: award.reason,
      tranches: award.tranches.map((t) => ({
        id: t.id,
        position: t.position,
        label: t.label,
        reportRequired: t.reportRequired,
        amount: BigInt(t.amount),
        status: t.status,
        dueAt: t.dueAt ? new Date(t.dueAt) : null,
        canReport: reporting && t.reportRequired && canTranche('request', t.status),
      })),
      payments: payments.map((p) => ({
        id: p.id,
        trancheId: p.trancheId,
        amount: BigInt(p.amount),
        paidOn: p.paidOn,
        failed: p.status === 'failed',
      })),
      reports: reports.map((r) => ({
        id: r.id,
        trancheId: r.trancheId,
        status: r.status,
        submittedAt: r.createdAt,
        jobsCreated: r.jobsCreated,
        reviewComment: r.reviewComment,
      })),
    };
  }

  /** The award, the tranche (of this award, else "not found") and the budget lines to report spending against. */
  async reportForm(userId: string, awardId: string, trancheId: string): Promise<ReportFormData> {
    const award = await this.award(userId, awardId);
    const tranche = award.tranches.find((t) => t.id === trancheId);
    if (!tranche) throw new DomainError(AwardErrors.TRANCHE_NOT_FOUND);
    const application = await this.applications.get(granteeActor(userId), award.applicationId);
    const returned = award.reports.filter((r) => r.trancheId === trancheId && r.status === 'returned').at(-1) ?? null;
    return {
      award,
      tranche,
      budgetLines: (application.budgetLines ?? []).map((l) => ({
        category: l.category,
        description: l.description,
        amount: l.amount,
      })),
      returned,
    };
  }

  /** The award's files among `ids` (uploaded by an earlier try of the same form), with their names. */
  async keptFiles(userId: string, awardId: string, ids: string[]): Promise<KeptFile[]> {
    if (ids.length === 0) return [];
    const [files] = await this.files.list(granteeActor(userId), awardId, FILES_PAGE);
    const wanted = new Set(ids);
    return files.filter((f) => wanted.has(f.id)).map((f) => ({ id: f.id, name: f.originalName }));
  }
}
