import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PlanStatus } from './domain/plan-status';
import { DevelopmentPlan } from './entities/development-plan.entity';
import { PlanGoal } from './entities/plan-goal.entity';

export interface PlanFilter {
  villageId?: string;
  districtId?: string;
  status: PlanStatus;
  limit: number;
  offset: number;
}

export type GoalValues = Pick<PlanGoal, 'code' | 'title' | 'description' | 'priority'>;

@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises plan changes of one village (versions, adoption). Returns false if it does not exist. */
  async lockVillage(em: EntityManager, villageId: string): Promise<boolean> {
    // NO KEY UPDATE: serialises plan changes without blocking rows that merely reference the village.
    const rows: unknown[] = await em.query('SELECT id FROM villages WHERE id = $1 FOR NO KEY UPDATE', [villageId]);
    return rows.length > 0;
  }

  async nextVersion(em: EntityManager, villageId: string): Promise<number> {
    const [row]: { next: number }[] = await em.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM development_plans WHERE village_id = $1',
      [villageId],
    );
    return Number(row.next);
  }

  async insert(em: EntityManager, values: Partial<DevelopmentPlan>): Promise<DevelopmentPlan> {
    return em.save(DevelopmentPlan, em.create(DevelopmentPlan, values));
  }

  async replaceGoals(em: EntityManager, planId: string, goals: GoalValues[]): Promise<PlanGoal[]> {
    await em.delete(PlanGoal, { planId });
    if (goals.length === 0) return [];
    return em.save(
      PlanGoal,
      goals.map((g) => em.create(PlanGoal, { ...g, planId })),
    );
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<DevelopmentPlan | null> {
    return em.findOne(DevelopmentPlan, {
      where: { id },
      relations: { goals: true },
      order: { goals: { priority: 'ASC', code: 'ASC' } },
    });
  }

  async findVillageIdOf(em: EntityManager, id: string): Promise<string | null> {
    const rows: { village_id: string }[] = await em.query('SELECT village_id FROM development_plans WHERE id = $1', [
      id,
    ]);
    return rows[0]?.village_id ?? null;
  }

  async findAdoptedByVillage(villageId: string): Promise<DevelopmentPlan | null> {
    return this.dataSource.manager.findOne(DevelopmentPlan, {
      where: { villageId, status: 'adopted' },
      relations: { goals: true },
      order: { goals: { priority: 'ASC', code: 'ASC' } },
    });
  }

  async findAdoptedByVillages(villageIds: string[]): Promise<DevelopmentPlan[]> {
    if (villageIds.length === 0) return [];
    return this.dataSource.manager.find(DevelopmentPlan, {
      where: { villageId: In(villageIds), status: 'adopted' },
      relations: { goals: true },
      order: { goals: { priority: 'ASC', code: 'ASC' } },
    });
  }

  async update(em: EntityManager, id: string, changes: Partial<DevelopmentPlan>): Promise<void> {
    await em.update(DevelopmentPlan, { id }, changes);
  }

  /** Compare-and-set: moves the plan only if it is still in one of `from`. False means someone else won. */
  async transition(em: EntityManager, id: string, from: readonly PlanStatus[], to: PlanStatus): Promise<boolean> {
    const stamp = to === 'adopted' ? ', adopted_at = now()' : to === 'archived' ? ', archived_at = now()' : '';
    const [, count]: [unknown, number] = await em.query(
      `UPDATE development_plans SET status = $2, updated_at = now()${stamp} WHERE id = $1 AND status = ANY($3)`,
      [id, to, from],
    );
    return count === 1;
  }

  async archiveAdoptedOfVillage(em: EntityManager, villageId: string): Promise<string | null> {
    const [rows]: [{ id: string }[], number] = await em.query(
      `UPDATE development_plans SET status = 'archived', archived_at = now(), updated_at = now()
        WHERE village_id = $1 AND status = 'adopted' RETURNING id`,
      [villageId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Pages the plans first and loads their goals in a second query: with the goals joined, TypeORM's
   * take/skip pages over plan-goal rows (its DISTINCT includes the goal sort columns), so a page
   * repeated or skipped plans.
   */
  async list(filter: PlanFilter): Promise<[DevelopmentPlan[], number]> {
    const query = this.dataSource
      .getRepository(DevelopmentPlan)
      .createQueryBuilder('p')
      .where('p.status = :status', { status: filter.status })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id');
    if (filter.villageId) query.andWhere('p.villageId = :villageId', { villageId: filter.villageId });
    if (filter.districtId) {
      query.andWhere('p.villageId IN (SELECT id FROM villages WHERE district_id = :districtId)', {
        districtId: filter.districtId,
      });
    }
    const [plans, total] = await query.take(filter.limit).skip(filter.offset).getManyAndCount();
    if (plans.length === 0) return [plans, total];
    const goals = await this.dataSource.manager.find(PlanGoal, {
      where: { planId: In(plans.map((p) => p.id)) },
      order: { priority: 'ASC', code: 'ASC' },
    });
    const byPlan = new Map<string, PlanGoal[]>(plans.map((p) => [p.id, (p.goals = [])]));
    for (const goal of goals) byPlan.get(goal.planId)?.push(goal);
    return [plans, total];
  }
}
