import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentUsage } from '../stored-files/domain/attachment-limits';
import { MessageQuery } from '../notifications/outbox.service';
import { TrancheStatus } from './domain/award-status';
import { AwardFile } from './entities/award-file.entity';
import { MilestoneReport, ReportStatus } from './entities/milestone-report.entity';
import { Tranche } from './entities/tranche.entity';

/** Tranche schedules, milestone reports and the files of an award: the named queries of their use cases. */
@Injectable()
export class MilestoneReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the amounts of tranches (given by id, in the award's order), only where the tranche is
   * still planned; the number of rows written tells the caller whether that held for all of them.
   */
  async setTrancheAmounts(
    em: EntityManager,
    awardId: string,
    trancheIds: readonly string[],
    amounts: readonly bigint[],
  ): Promise<number> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE tranches t SET amount = v.amount, updated_at = now()
         FROM unnest($2::uuid[], $3::bigint[]) AS v(id, amount)
        WHERE t.id = v.id AND t.award_id = $1 AND t.status = 'planned'`,
      [awardId, trancheIds, amounts.map((a) => a.toString())],
    );
    return count;
  }

  /** Writes the labels of tranches (by id), only where the tranche is still planned; returns the rows written. */
  async setTrancheLabels(
    em: EntityManager,
    awardId: string,
    trancheIds: readonly string[],
    labels: readonly LocalizedText[],
  ): Promise<number> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE tranches t SET label = v.label, updated_at = now()
         FROM unnest($2::uuid[], $3::jsonb[]) AS v(id, label)
        WHERE t.id = v.id AND t.award_id = $1 AND t.status = 'planned'`,
      [awardId, trancheIds, labels.map((l) => JSON.stringify(l))],
    );
    return count;
  }

  /** The tranche row, locked: reports of one tranche are submitted and decided one at a time. */
  async lockTranche(em: EntityManager, id: string): Promise<Tranche | null> {
    return em
      .getRepository(Tranche)
      .createQueryBuilder('t')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The award of a tranche, read without a lock: the award is locked first, then the tranche. */
  async awardOfTranche(em: EntityManager, trancheId: string): Promise<string | null> {
    const rows: { awardId: string }[] = await em.query('SELECT award_id AS "awardId" FROM tranches WHERE id = $1', [
      trancheId,
    ]);
    return rows[0]?.awardId ?? null;
  }

  async tranche(em: EntityManager, id: string): Promise<Tranche | null> {
    return em.findOne(Tranche, { where: { id } });
  }

  /** Compare-and-set on a tranche; approving stamps who and when on the server clock. */
  async moveTranche(
    em: EntityManager,
    id: string,
    from: readonly TrancheStatus[],
    to: TrancheStatus,
    approvedBy: string | null = null,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE tranches SET status = $2, updated_at = now(),
              approved_by = CASE WHEN $2 = 'approved' THEN $4::uuid ELSE approved_by END,
              approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END
        WHERE id = $1 AND status = ANY($3)`,
      [id, to, from, approvedBy],
    );
    return count === 1;
  }

  /**
   * Compare-and-set on a tranche's payment (paid, or approved again after a failed transfer): who
   * approved it and when stay as they were. False when the tranche was no longer in `from`.
   */
  async settleTranche(
    em: EntityManager,
    id: string,
    from: readonly TrancheStatus[],
    to: TrancheStatus,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE tranches SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3)`,
      [id, to, from],
    );
    return count === 1;
  }

  async everyTranchePaid(em: EntityManager, awardId: string): Promise<boolean> {
    const [row]: { paid: boolean }[] = await em.query(
      `SELECT bool_and(status = 'paid') AS paid FROM tranches WHERE award_id = $1`,
      [awardId],
    );
    return row.paid === true;
  }

  async insertReport(
    em: EntityManager,
    values: Pick<
      MilestoneReport,
      'trancheId' | 'awardId' | 'body' | 'jobsCreated' | 'spending' | 'fileIds' | 'submittedBy'
    >,
  ): Promise<MilestoneReport> {
    const { identifiers } = await em.insert(MilestoneReport, values);
    return (await em.findOne(MilestoneReport, { where: { id: identifiers[0].id as string } }))!;
  }

  async lockReport(em: EntityManager, id: string): Promise<MilestoneReport | null> {
    return em
      .getRepository(MilestoneReport)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async report(em: EntityManager, id: string): Promise<MilestoneReport | null> {
    return em.findOne(MilestoneReport, { where: { id } });
  }

  /** Compare-and-set from submitted: false when someone else decided it first. */
  async decideReport(
    em: EntityManager,
    id: string,
    to: Exclude<ReportStatus, 'submitted'>,
    reviewerId: string,
    comment: string | null,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE milestone_reports SET status = $2, reviewed_by = $3, reviewed_at = now(), review_comment = $4 WHERE id = $1 AND status = 'submitted'`,
      [id, to, reviewerId, comment],
    );
    return count === 1;
  }

  async reportsOf(awardId: string, limit: number, offset: number): Promise<[MilestoneReport[], number]> {
    // limit/offset rather than take/skip: the join selects nothing and each report has one tranche.
    return this.dataSource.manager
      .getRepository(MilestoneReport)
      .createQueryBuilder('r')
      .innerJoin(Tranche, 't', 't.id = r.tranche_id')
      .where('r.award_id = :awardId', { awardId })
      .orderBy('t.position')
      .addOrderBy('r.created_at')
      .addOrderBy('r.id')
      .limit(limit)
      .offset(offset)
      .getManyAndCount();
  }

  /** Which of these ids are not files of the award. */
  async filesNotOn(em: EntityManager, awardId: string, fileIds: readonly string[]): Promise<string[]> {
    if (fileIds.length === 0) return [];
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM unnest($2::uuid[]) AS f(id) WHERE NOT EXISTS (SELECT 1 FROM award_files a WHERE a.id = f.id AND a.award_id = $1)`,
      [awardId, fileIds],
    );
    return rows.map((r) => r.id);
  }

  async fileUsage(em: EntityManager, awardId: string): Promise<AttachmentUsage> {
    const [row]: { count: number; totalBytes: string }[] = await em.query(
      `SELECT count(*)::int AS count, coalesce(sum(size), 0)::bigint AS "totalBytes" FROM award_files WHERE award_id = $1`,
      [awardId],
    );
    return { count: row.count, totalBytes: Number(row.totalBytes) };
  }

  async insertFile(em: EntityManager, values: Omit<AwardFile, 'id' | 'createdAt'>): Promise<AwardFile> {
    return em.save(AwardFile, em.create(AwardFile, values));
  }

  async files(awardId: string, limit: number, offset: number): Promise<[AwardFile[], number]> {
    return this.dataSource.manager.findAndCount(AwardFile, {
      where: { awardId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async file(awardId: string, id: string): Promise<AwardFile | null> {
    return this.dataSource.manager.findOne(AwardFile, { where: { id, awardId } });
  }

  /**
   * A reminder to each grantee of a milestone report due within `days` (once while it is due soon,
   * once more when overdue: the dedupe key tells the two apart), for tranches not reported yet.
   */
  reportReminderMessages(days: number): MessageQuery<'report.reminder'> {
    return {
      type: 'report.reminder',
      sql: `SELECT app.applicant_id AS recipient_id,
                   jsonb_build_object('awardId', a.id, 'reference', app.reference, 'competitionTitle', c.title,
                                      'trancheNumber', t.position, 'trancheLabel', t.label, 'dueAt', t.due_at) AS data,
                   'report.reminder:' || t.id || ':' || CASE WHEN t.due_at <= now() THEN 'overdue' ELSE 'soon' END AS dedupe_key
              FROM tranches t JOIN awards a ON a.id = t.award_id
              JOIN applications app ON app.id = a.application_id JOIN competitions c ON c.id = a.competition_id
             WHERE t.report_required AND t.status IN ('planned', 'returned') AND a.status IN ('accepted', 'active')
               AND t.due_at <= now() + make_interval(days => $1)`,
      params: [days],
    };
  }
}
