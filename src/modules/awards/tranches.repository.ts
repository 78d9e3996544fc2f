import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Tranche } from './entities/tranche.entity';

/** An award's tranches: the schedule a proposal sets, and how acceptance starts it. */
@Injectable()
export class TranchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async tranches(awardIds: string[], em: EntityManager = this.dataSource.manager): Promise<Tranche[]> {
    if (awardIds.length === 0) return [];
    return em
      .getRepository(Tranche)
      .createQueryBuilder('t')
      .where('t.award_id IN (:...awardIds)', { awardIds })
      .orderBy('t.award_id')
      .addOrderBy('t.position')
      .getMany();
  }

  async replaceTranches(
    em: EntityManager,
    awardId: string,
    tranches: Pick<Tranche, 'position' | 'label' | 'reportRequired' | 'dueDays' | 'amount'>[],
  ): Promise<void> {
    await em.query('DELETE FROM tranches WHERE award_id = $1', [awardId]);
    await em.insert(
      Tranche,
      tranches.map((t) => ({ ...t, awardId })),
    );
  }

  /** On acceptance: tranches released on signing are approved (by the award's approver); reports get their due dates. */
  async startSchedule(em: EntityManager, awardId: string, approverId: string): Promise<Tranche[]> {
    await em.query(
      `UPDATE tranches SET status = CASE WHEN report_required THEN status ELSE 'approved' END,
              approved_by = CASE WHEN report_required THEN NULL ELSE $2::uuid END,
              approved_at = CASE WHEN report_required THEN NULL ELSE now() END,
              due_at = CASE WHEN report_required THEN now() + make_interval(days => due_days) END,
              updated_at = now()
        WHERE award_id = $1 AND status = 'planned'`,
      [awardId, approverId],
    );
    return this.tranches([awardId], em);
  }
}
