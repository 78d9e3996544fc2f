import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { PageRequest } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import { ProposalAwaiting, ReportAwaiting, ReportForReview, TrancheToPay } from './award-queue-views';
import { AwardQueuesRepository } from './award-queues.repository';
import { AwardErrors as E } from './awards.errors';

export type { ProposalAwaiting, ReportAwaiting, ReportForReview, TrancheToPay } from './award-queue-views';

/** One step of an award's history, from its audit events: what happened, when, and by whom (an id). */
export interface AwardHistoryStep {
  action: string;
  at: Date;
  actorId: string | null;
  /** A send-back's comment or a cancellation's reason, as the audit event kept it. */
  note: string | null;
}

/** A queue is read in one go, oldest first; a busy day stays far below this. */
const QUEUE_LIMIT = 500;
const HISTORY_LIMIT = 100;

/**
 * What managers work through: proposals by other managers waiting for a second pair of eyes
 * (rule 9: a manager never sees their own here), milestone reports to review, and an award's
 * history; and what finance officers pay: approved tranches. Staff only: the web layer checks the
 * role before it calls.
 */
@Injectable()
export class AwardQueuesQueryService {
  constructor(
    private readonly queues: AwardQueuesRepository,
    private readonly audit: AuditService,
  ) {}

  proposalsAwaiting(managerId: string): Promise<ProposalAwaiting[]> {
    return this.queues.proposalsAwaiting(managerId, QUEUE_LIMIT);
  }

  reportsAwaiting(): Promise<ReportAwaiting[]> {
    return this.queues.reportsAwaiting(QUEUE_LIMIT);
  }

  async report(id: string): Promise<ReportForReview> {
    const report = await this.queues.report(id);
    if (!report) throw new DomainError(E.REPORT_NOT_FOUND);
    return report;
  }

  /** Finance officers' queue: approved tranches waiting for payment, oldest approval first, paged. */
  tranchesToPay(page: PageRequest): Promise<[TrancheToPay[], number]> {
    return this.queues.tranchesToPay(page.limit, page.offset);
  }

  async trancheToPay(id: string): Promise<TrancheToPay> {
    const tranche = await this.queues.trancheToPay(id);
    if (!tranche) throw new DomainError(E.TRANCHE_NOT_FOUND);
    return tranche;
  }

  async history(awardId: string): Promise<AwardHistoryStep[]> {
    const events = await this.audit.list({ entityType: 'award', entityId: awardId, limit: HISTORY_LIMIT });
    return events.map((e) => {
      const after = e.after ?? {};
      const note =
        typeof after.comment === 'string' ? after.comment : typeof after.reason === 'string' ? after.reason : null;
      return { action: e.action, at: e.occurredAt, actorId: e.actorId, note };
    });
  }
}
