import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Outbox, OutboxMessage } from '../notifications/outbox.service';
import { AwardsRepository } from './awards.repository';
import { Tranche } from './entities/tranche.entity';

type TrancheMail = Extract<OutboxMessage['type'], 'tranche.approved' | 'payment.recorded' | 'report.returned'>;

/**
 * Mails to a grantee about tranches of their award (approved, paid, report returned): each names
 * the application's reference, the competition and the tranche, and is written to the outbox in
 * the caller's transaction. One read for the grantee and titles, however many tranches.
 */
@Injectable()
export class GranteeMail {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly outbox: Outbox,
  ) {}

  async aboutTranches(
    em: EntityManager,
    awardId: string,
    type: TrancheMail,
    items: { tranche: Tranche; data?: Record<string, unknown>; dedupeKey: string }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const grantee = await this.awards.granteeOf(em, awardId);
    await this.outbox.addMany(
      em,
      items.map(({ tranche, data, dedupeKey }) => ({
        recipientId: grantee.applicantId,
        type,
        data: {
          awardId,
          reference: grantee.reference,
          competitionTitle: grantee.competitionTitle,
          trancheNumber: tranche.position,
          trancheLabel: tranche.label,
          ...data,
        },
        dedupeKey,
      })),
    );
  }
}
