import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { asLocalizedText, LocalizedText } from '../../../common/i18n/localized-text';
import { AllocationService } from '../../../modules/awards/allocation.service';
import { AwardQueuesQueryService } from '../../../modules/awards/award-queues-query.service';
import { AwardsQueryService } from '../../../modules/awards/awards-query.service';
import { AWARD_TRANSITIONS } from '../../../modules/awards/domain/award-status';
import { ListReason } from '../../../modules/awards/domain/published-allocation';
import { MilestoneReportsService } from '../../../modules/awards/milestone-reports.service';
import { SCHEDULE_EDITABLE } from '../../../modules/awards/tranche-schedule.service';
import { PaymentsQueryService } from '../../../modules/disbursements/payments-query.service';
import {
  AllocationEnvelopeView,
  AllocationRow,
  AllocationView,
  AwardListItem,
  ManagerAward,
} from './manager-awards-view';

/** Who may be proposed, as the proposal service decides it: qualified, and holding no award. */
const CANDIDATE_REASONS: readonly ListReason[] = [
  'funded',
  'funded_partially',
  'floor',
  'budget_exhausted',
  'envelope_full',
  'tie_lost_by_lot',
];
/** A competition's awards and an award's payments and reports fit one read of this size. */
const ALL = { limit: 1000, offset: 0 };

/** The manager's reads, as the pages' plain data: the same services the JSON API answers from. */
@Injectable()
export class ManagerAwardsViews {
  constructor(
    private readonly allocation: AllocationService,
    private readonly awards: AwardsQueryService,
    private readonly queues: AwardQueuesQueryService,
    private readonly payments: PaymentsQueryService,
    private readonly reports: MilestoneReportsService,
  ) {}

  async allocationOf(manager: AuthUser, competitionId: string): Promise<AllocationView> {
    const a = await this.allocation.compute(competitionId);
    const decisionOf = new Map(a.decisions.map((d) => [d.applicationId, d]));
    const scoreOf = (r: (typeof a.rows)[number]) => (a.round.calibratedDecides ? r.calibrated : r.official);
    const rows: AllocationRow[] = a.rows.map((r) => {
      const decision = decisionOf.get(r.applicationId)!;
      const cap = r.requested < a.competition.maxAward ? r.requested : a.competition.maxAward;
      return {
        applicationId: r.applicationId,
        reference: r.reference,
        rank: r.rank,
        score: scoreOf(r),
        requested: r.requested,
        cap,
        districtId: r.districtId,
        villageId: r.villageId,
        villageName: asLocalizedText(r.villageName),
        reason: decision.reason,
        suggested: decision.amount,
        award:
          r.liveAwardId && r.liveAwardStatus && r.liveAwardAmount !== null
            ? { id: r.liveAwardId, status: r.liveAwardStatus, amount: r.liveAwardAmount }
            : null,
        holds: r.liveAwardAmount ?? r.lostAwardHolds,
        candidate: r.liveAwardId === null && CANDIDATE_REASONS.includes(decision.reason),
      };
    });
    const nameOf = new Map<string, LocalizedText>();
    for (const r of a.rows) {
      nameOf.set(r.districtId, asLocalizedText(r.districtName));
      nameOf.set(r.villageId, asLocalizedText(r.villageName));
    }
    const envelopes: AllocationEnvelopeView[] = a.rules.envelopes.map((e) => {
      const kind = e.districtId !== undefined ? 'district' : 'village';
      const id = (e.districtId ?? e.villageId)!;
      const inside = rows.filter((r) => (kind === 'district' ? r.districtId : r.villageId) === id);
      return {
        kind,
        id,
        name: nameOf.get(id) ?? {},
        limit: e.amount,
        held: inside.reduce((s, r) => s + r.holds, 0n),
      };
    });
    const [awards] = await this.awards.listByCompetition(manager, competitionId, undefined, ALL.limit, ALL.offset);
    return {
      competitionId,
      competitionTitle: asLocalizedText(a.competition.title),
      canPropose: a.competition.status === 'closed',
      budget: a.rules.budget,
      held: rows.reduce((s, r) => s + r.holds, 0n),
      partialMinShareBp: a.rules.partial?.minShareBp ?? null,
      envelopes,
      rows,
      awards: awards.map((w): AwardListItem => ({
        id: w.id,
        reference: w.reference,
        applicationTitle: w.applicationTitle,
        rank: w.rank,
        amount: BigInt(w.amount),
        status: w.status,
      })),
    };
  }

  async award(manager: AuthUser, awardId: string): Promise<ManagerAward> {
    const award = await this.awards.get(manager, awardId);
    const [[payments], [reports], history] = await Promise.all([
      this.payments.listByAward(manager, awardId, ALL),
      this.reports.listForAward(manager, awardId, ALL),
      this.queues.history(awardId),
    ]);
    return {
      id: award.id,
      competitionId: award.competitionId,
      reference: award.reference,
      applicationTitle: award.applicationTitle,
      rank: award.rank,
      amount: BigInt(award.amount),
      requested: BigInt(award.requested),
      status: award.status,
      respondBy: award.respondBy ? new Date(award.respondBy) : null,
      respondedAt: award.respondedAt ? new Date(award.respondedAt) : null,
      comment: award.comment,
      reason: award.reason,
      tranches: award.tranches.map((t) => ({
        id: t.id,
        position: t.position,
        label: t.label,
        reportRequired: t.reportRequired,
        amount: BigInt(t.amount),
        status: t.status,
      })),
      scheduleEditable: SCHEDULE_EDITABLE.includes(award.status),
      cancellable: AWARD_TRANSITIONS.cancel.from.includes(award.status),
      payments: payments.map((p) => ({
        id: p.id,
        trancheId: p.trancheId,
        amount: BigInt(p.amount),
        paidOn: p.paidOn,
        failed: p.status === 'failed',
      })),
      reports: reports.map((r) => ({ id: r.id, trancheId: r.trancheId, status: r.status, submittedAt: r.createdAt })),
      history: history.map((h) => ({ action: h.action, at: h.at, note: h.note })),
    };
  }

  proposalsAwaiting(manager: AuthUser) {
    return this.queues.proposalsAwaiting(manager.id);
  }

  reportsAwaiting() {
    return this.queues.reportsAwaiting();
  }

  report(reportId: string) {
    return this.queues.report(reportId);
  }
}
