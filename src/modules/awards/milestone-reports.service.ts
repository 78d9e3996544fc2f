import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { AwardFilesService, isGrantee, REPORTING_STATUSES } from './award-files.service';
import { AwardOffersService } from './award-offers.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { TRANCHE_TRANSITIONS } from './domain/award-status';
import { GranteeMail } from './grantee-mail';
import { Award } from './entities/award.entity';
import { MilestoneReport, ReportSpending } from './entities/milestone-report.entity';
import { Tranche } from './entities/tranche.entity';
import { MilestoneReportsRepository } from './milestone-reports.repository';

export interface ReportInput {
  body: string;
  jobsCreated: number;
  spending: ReportSpending[];
  fileIds: string[];
}

/** What the audit log keeps of a report: its state and what it points to; the text stays in the report. */
const reportAuditView = (r: MilestoneReport, tranche: Tranche) => ({
  status: r.status,
  awardId: r.awardId,
  trancheId: r.trancheId,
  trancheStatus: tranche.status,
  jobsCreated: r.jobsCreated,
  fileIds: r.fileIds,
});

/**
 * Milestone reports: the grantee submits one for a tranche released by a report (the tranche
 * becomes requested); a manager approves it (the tranche is approved for payment and the grantee
 * told) or returns it with a comment (the tranche can be reported on again). Every step locks the
 * award before its tranche and report, and moves them by compare-and-set: of two managers deciding
 * the same report at once, one wins and the other gets 409.
 */
@Injectable()
export class MilestoneReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly reports: MilestoneReportsRepository,
    private readonly files: AwardFilesService,
    private readonly offers: AwardOffersService,
    private readonly mail: GranteeMail,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: AuthUser, trancheId: string, input: ReportInput): Promise<MilestoneReport> {
    return this.dataSource.transaction(async (em) => {
      const found = await this.reports.tranche(em, trancheId);
      if (!found) throw new DomainError(E.TRANCHE_NOT_FOUND);
      const award = await this.awards.lock(em, found.awardId);
      if (!award || !isGrantee(actor, award, (await this.awards.applicationOf(em, award.applicationId)).applicantId))
        throw new DomainError(E.TRANCHE_NOT_FOUND);
      if (!REPORTING_STATUSES.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
      const tranche = (await this.reports.lockTranche(em, trancheId))!;
      if (!tranche.reportRequired) throw new DomainError(E.NO_REPORT_NEEDED);
      const { from, to } = TRANCHE_TRANSITIONS.request;
      if (!from.includes(tranche.status)) throw new DomainError(E.TRANCHE_WRONG_STATUS, { status: tranche.status });
      const strangers = new Set(await this.reports.filesNotOn(em, award.id, input.fileIds));
      if (strangers.size) {
        throw new DomainError(E.FILE_NOT_ON_AWARD, {
          fields: input.fileIds.flatMap((id, i) =>
            strangers.has(id) ? [{ field: `fileIds.${i}`, problems: ['not a file of this award'] }] : [],
          ),
        });
      }
      const report = await this.reports.insertReport(em, {
        trancheId,
        awardId: award.id,
        submittedBy: actor.id,
        ...input,
      });
      if (!(await this.reports.moveTranche(em, trancheId, from, to)))
        throw new DomainError(E.TRANCHE_WRONG_STATUS, { status: tranche.status });
      await this.audit.record(em, {
        actorId: actor.id,
        action: 'report.submitted',
        entityType: 'milestone_report',
        entityId: report.id,
        after: reportAuditView(report, { ...tranche, status: to }),
      });
      return report;
    });
  }

  async listForAward(viewer: AuthUser, awardId: string, page: PageRequest): Promise<[MilestoneReport[], number]> {
    await this.files.visibleAward(viewer, awardId);
    return this.reports.reportsOf(awardId, page.limit, page.offset);
  }

  /** The tranche is approved for payment (by this manager, now) and the grantee told. */
  async approve(actorId: string, reportId: string): Promise<MilestoneReport> {
    return this.dataSource.transaction(async (em) => {
      const { before, award, tranche } = await this.lockPending(em, reportId);
      const { from, to } = TRANCHE_TRANSITIONS.approve;
      if (!(await this.reports.decideReport(em, reportId, 'approved', actorId, null)))
        throw new DomainError(E.REPORT_WRONG_STATUS, { status: before.status });
      if (!(await this.reports.moveTranche(em, tranche.id, from, to, actorId)))
        throw new DomainError(E.TRANCHE_WRONG_STATUS, { status: tranche.status });
      const approved = (await this.reports.tranche(em, tranche.id))!;
      await this.offers.tellTranchesApproved(em, award, [approved]);
      return this.recordDecision(em, actorId, 'report.approved', before, tranche, approved);
    });
  }

  /** The tranche goes back to returned, and the grantee gets the comment by mail. */
  async returnReport(actorId: string, reportId: string, comment: string): Promise<MilestoneReport> {
    return this.dataSource.transaction(async (em) => {
      const { before, award, tranche } = await this.lockPending(em, reportId);
      const { from, to } = TRANCHE_TRANSITIONS.return;
      if (!(await this.reports.decideReport(em, reportId, 'returned', actorId, comment)))
        throw new DomainError(E.REPORT_WRONG_STATUS, { status: before.status });
      if (!(await this.reports.moveTranche(em, tranche.id, from, to)))
        throw new DomainError(E.TRANCHE_WRONG_STATUS, { status: tranche.status });
      await this.mail.aboutTranches(em, award.id, 'report.returned', [
        { tranche, data: { comment }, dedupeKey: `report.returned:${reportId}` },
      ]);
      return this.recordDecision(em, actorId, 'report.returned', before, tranche, { ...tranche, status: to });
    });
  }

  /**
   * The award (locked first, as every use case that changes an award's tranches does), then the
   * report and its tranche: of two decisions at once, the second waits and then finds it decided.
   */
  private async lockPending(
    em: EntityManager,
    reportId: string,
  ): Promise<{ before: MilestoneReport; award: Award; tranche: Tranche }> {
    const found = await this.reports.report(em, reportId);
    if (!found) throw new DomainError(E.REPORT_NOT_FOUND);
    const award = (await this.awards.lock(em, found.awardId))!;
    const before = (await this.reports.lockReport(em, reportId))!;
    if (before.status !== 'submitted') throw new DomainError(E.REPORT_WRONG_STATUS, { status: before.status });
    if (!REPORTING_STATUSES.includes(award.status)) throw new DomainError(E.WRONG_STATUS, { status: award.status });
    const tranche = (await this.reports.lockTranche(em, before.trancheId))!;
    return { before, award, tranche };
  }

  private async recordDecision(
    em: EntityManager,
    actorId: string,
    action: AuditAction,
    before: MilestoneReport,
    trancheBefore: Tranche,
    trancheAfter: Tranche,
  ): Promise<MilestoneReport> {
    return this.audit.recordReloaded(em, {
      actorId,
      action,
      entityType: 'milestone_report',
      entityId: before.id,
      before: reportAuditView(before, trancheBefore),
      reload: (tx) => this.reports.report(tx, before.id),
      after: (after) => ({ ...reportAuditView(after, trancheAfter), reviewComment: after.reviewComment }),
    });
  }
}
