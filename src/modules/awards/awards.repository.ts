import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessageQuery } from '../notifications/outbox.service';
import { AwardStatus } from './domain/award-status';
import { Award } from './entities/award.entity';

/** An award's row through its life: proposal, four-eyes decision, offer and its answer; and who it concerns. */
@Injectable()
export class AwardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<Award | null> {
    return em.findOne(Award, { where: { id } });
  }

  async lock(em: EntityManager, id: string): Promise<Award | null> {
    return em
      .getRepository(Award)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insertAward(
    em: EntityManager,
    values: Pick<Award, 'competitionId' | 'applicationId' | 'roundId' | 'rank' | 'amount' | 'requested' | 'proposedBy'>,
  ): Promise<string> {
    const { identifiers } = await em.insert(Award, values);
    return identifiers[0].id as string;
  }

  /** Compare-and-set: false when the award was no longer in `from` (someone else moved it). */
  async transition(
    em: EntityManager,
    id: string,
    from: readonly AwardStatus[],
    to: AwardStatus,
    set: Record<string, unknown> = {},
  ): Promise<boolean> {
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 4}`);
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = $2, updated_at = now()${assignments.map((a) => `, ${a}`).join('')} WHERE id = $1 AND status = ANY($3)`,
      [id, to, from, ...columns.map((c) => set[c])],
    );
    return count === 1;
  }

  async setAmount(em: EntityManager, id: string, amount: bigint): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET amount = $2, updated_at = now() WHERE id = $1 AND status = 'proposed'`,
      [id, amount.toString()],
    );
    return count === 1;
  }

  async sendBack(em: EntityManager, id: string, comment: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET comment = $2, updated_at = now() WHERE id = $1 AND status = 'proposed'`,
      [id, comment],
    );
    return count === 1;
  }

  /** Sets the award's offer deadline from the competition's acceptance period, on the server clock. */
  async approve(em: EntityManager, id: string, approverId: string, acceptanceDays: number): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = 'approved', approved_by = $2, approved_at = now(), respond_by = now() + make_interval(days => $3), comment = NULL, updated_at = now()
        WHERE id = $1 AND status = 'proposed'`,
      [id, approverId, acceptanceDays],
    );
    return count === 1;
  }

  /** Accepting in time only: the deadline is compared on the server clock, in the same statement. */
  async accept(em: EntityManager, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = 'accepted', responded_at = now(), updated_at = now() WHERE id = $1 AND status = 'approved' AND respond_by > now()`,
      [id],
    );
    return count === 1;
  }

  async decline(
    em: EntityManager,
    id: string,
    from: readonly AwardStatus[],
    to: AwardStatus,
    reason: string,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = $2, reason = $4, responded_at = now(), updated_at = now() WHERE id = $1 AND status = ANY($3)`,
      [id, to, from, reason],
    );
    return count === 1;
  }

  /** Approved offers whose time to accept has passed, oldest first. */
  async expiredOffers(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM awards WHERE status = 'approved' AND respond_by <= now() ORDER BY respond_by LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async countPending(em: EntityManager, competitionId: string): Promise<{ proposed: number; approved: number }> {
    const [row]: { proposed: number; approved: number }[] = await em.query(
      `SELECT count(*) FILTER (WHERE status = 'proposed')::int AS proposed, count(*) FILTER (WHERE status = 'approved')::int AS approved FROM awards WHERE competition_id = $1`,
      [competitionId],
    );
    return row;
  }

  async applicationOf(
    em: EntityManager,
    applicationId: string,
  ): Promise<{ applicantId: string; reference: string; title: string; status: string }> {
    const [row]: { applicantId: string; reference: string; title: string; status: string }[] = await em.query(
      'SELECT applicant_id AS "applicantId", reference, title, status FROM applications WHERE id = $1',
      [applicationId],
    );
    return row;
  }

  /** Who receives the mails about an award, and the names they show. */
  async granteeOf(
    em: EntityManager,
    awardId: string,
  ): Promise<{ applicantId: string; reference: string; competitionTitle: LocalizedText }> {
    const [row]: { applicantId: string; reference: string; competitionTitle: LocalizedText }[] = await em.query(
      `SELECT a.applicant_id AS "applicantId", a.reference, c.title AS "competitionTitle"
         FROM awards w JOIN applications a ON a.id = w.application_id JOIN competitions c ON c.id = w.competition_id
        WHERE w.id = $1`,
      [awardId],
    );
    return row;
  }

  /** The mail to each application of `applicationIds` that it was not awarded a grant. */
  notAwardedMessages(applicationIds: string[]): MessageQuery<'application.not_awarded'> {
    return {
      type: 'application.not_awarded',
      sql: `SELECT a.applicant_id AS recipient_id,
                   jsonb_build_object('applicationId', a.id, 'reference', a.reference, 'applicationTitle', a.title, 'competitionTitle', c.title) AS data,
                   'application.not_awarded:' || a.id AS dedupe_key
              FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE a.id = ANY($1)`,
      params: [applicationIds],
    };
  }
}
