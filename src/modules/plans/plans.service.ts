import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LocalizedText } from '../../common/i18n/localized-text';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { adoptionProblem, canPlan, PLAN_TRANSITIONS, PlanAction, PlanStatus } from './domain/plan-status';
import { DevelopmentPlan } from './entities/development-plan.entity';
import { PlanErrors } from './plans.errors';
import { GoalValues, PlanFilter, PlansRepository } from './plans.repository';

export interface PlanInput {
  title: string;
  periodStart: number;
  periodEnd: number;
  goals: (Omit<GoalValues, 'description'> & { description?: LocalizedText | null })[];
}

const goalValues = (goals: PlanInput['goals']): GoalValues[] =>
  goals.map((g) => ({
    code: g.code.toUpperCase(),
    title: g.title,
    description: g.description ?? null,
    priority: g.priority,
  }));

/** Village development plans: versioned drafts, one adopted plan per village, archived history. */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, villageId: string, input: PlanInput): Promise<DevelopmentPlan> {
    checkPeriod(input.periodStart, input.periodEnd);
    const goals = goalValues(input.goals);
    if (adoptionProblem(goals) === 'DUPLICATE_GOAL_CODE') throw new DomainError(PlanErrors.DUPLICATE_GOAL_CODE);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.plans.lockVillage(em, villageId))) throw new DomainError(PlanErrors.VILLAGE_NOT_FOUND);
      const version = await this.plans.nextVersion(em, villageId);
      const plan = await this.plans.insert(em, {
        villageId,
        version,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        status: 'draft',
      });
      await this.plans.replaceGoals(em, plan.id, goals);
      return this.finish(em, actorId, plan.id, 'plan.created', null);
    });
  }

  async update(actorId: string, id: string, changes: Partial<PlanInput>): Promise<DevelopmentPlan> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockPlan(em, id);
      if (!canPlan('edit', before.status)) throw new DomainError(PlanErrors.NOT_DRAFT, { status: before.status });
      checkPeriod(changes.periodStart ?? before.periodStart, changes.periodEnd ?? before.periodEnd);
      await this.plans.update(em, id, {
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.periodStart !== undefined && { periodStart: changes.periodStart }),
        ...(changes.periodEnd !== undefined && { periodEnd: changes.periodEnd }),
      });
      if (changes.goals) {
        const goals = goalValues(changes.goals);
        if (adoptionProblem(goals) === 'DUPLICATE_GOAL_CODE') throw new DomainError(PlanErrors.DUPLICATE_GOAL_CODE);
        await this.plans.replaceGoals(em, id, goals);
      }
      return this.finish(em, actorId, id, 'plan.updated', before);
    });
  }

  /**
   * Adopts a draft and archives the village's previously adopted plan, in one transaction under a
   * lock on the village, so parallel adoptions take turns. The partial unique index
   * UQ_development_plans_one_adopted is the last line if anything bypasses this path.
   */
  async adopt(actorId: string, id: string): Promise<DevelopmentPlan> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockPlan(em, id);
      // Status first: an archived plan is never adoptable, whatever its goals.
      if (!canPlan('adopt', before.status))
        throw new DomainError(PlanErrors.WRONG_STATUS, { status: before.status, action: 'adopt' });
      const problem = adoptionProblem(before.goals ?? []);
      if (problem) throw new DomainError(PlanErrors[problem]);
      const archivedId = await this.plans.archiveAdoptedOfVillage(em, before.villageId);
      await this.move(em, id, 'adopt', before);
      if (archivedId) {
        await this.audit.record(em, {
          actorId,
          action: 'plan.archived',
          entityType: 'development_plan',
          entityId: archivedId,
          before: { status: 'adopted' },
          after: { status: 'archived', replacedBy: id },
        });
      }
      return this.finish(em, actorId, id, 'plan.adopted', before);
    });
  }

  async archive(actorId: string, id: string): Promise<DevelopmentPlan> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockPlan(em, id);
      await this.move(em, id, 'archive', before);
      return this.finish(em, actorId, id, 'plan.archived', before);
    });
  }

  /** Adopted and archived plans are public record; drafts only reach admins. */
  async get(id: string, viewer: AuthUser | undefined): Promise<DevelopmentPlan> {
    const plan = await this.plans.findById(id);
    if (!plan || (plan.status === 'draft' && !viewer?.roles.includes('admin')))
      throw new DomainError(PlanErrors.NOT_FOUND);
    return plan;
  }

  async adoptedOfVillage(villageId: string): Promise<DevelopmentPlan> {
    const plan = await this.plans.findAdoptedByVillage(villageId);
    if (!plan) throw new DomainError(PlanErrors.NO_ADOPTED_PLAN);
    return plan;
  }

  /** The adopted plans (with goals) of these villages; a village without one is simply absent. */
  async adoptedOfVillages(villageIds: string[]): Promise<DevelopmentPlan[]> {
    return this.plans.findAdoptedByVillages(villageIds);
  }

  /** Adopted plans unless another status is asked for; drafts only for admins. */
  async list(
    filter: Omit<PlanFilter, 'status'> & { status?: PlanStatus },
    viewer: AuthUser | undefined,
  ): Promise<[DevelopmentPlan[], number]> {
    const status = filter.status ?? 'adopted';
    if (status === 'draft' && !viewer?.roles.includes('admin')) throw new DomainError(PlanErrors.DRAFTS_FORBIDDEN);
    return this.plans.list({ ...filter, status });
  }

  private async lockPlan(em: EntityManager, id: string): Promise<DevelopmentPlan> {
    const villageId = await this.plans.findVillageIdOf(em, id);
    if (!villageId) throw new DomainError(PlanErrors.NOT_FOUND);
    await this.plans.lockVillage(em, villageId);
    const plan = await this.plans.findById(id, em);
    if (!plan) throw new DomainError(PlanErrors.NOT_FOUND);
    return plan;
  }

  private async move(em: EntityManager, id: string, action: PlanAction, before: DevelopmentPlan): Promise<void> {
    const { from, to } = PLAN_TRANSITIONS[action];
    if (!(await this.plans.transition(em, id, from, to))) {
      throw new DomainError(PlanErrors.WRONG_STATUS, { status: before.status, action });
    }
  }

  private async finish(
    em: EntityManager,
    actorId: string,
    id: string,
    action: AuditAction,
    before: DevelopmentPlan | null,
  ): Promise<DevelopmentPlan> {
    return this.audit.recordReloaded(em, {
      actorId,
      action,
      entityType: 'development_plan',
      entityId: id,
      before: before && auditView(before),
      reload: (tx) => this.plans.findById(id, tx),
      after: auditView,
    });
  }
}

const auditView = (plan: DevelopmentPlan) => ({
  villageId: plan.villageId,
  version: plan.version,
  title: plan.title,
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
  status: plan.status,
  goals: (plan.goals ?? []).map((g) => ({ id: g.id, code: g.code, title: g.title, priority: g.priority })),
});

function checkPeriod(start: number, end: number): void {
  if (end < start) {
    throw new DomainError(PlanErrors.WRONG_PERIOD, {
      fields: [{ field: 'periodEnd', problems: ['periodEnd must not be before periodStart'] }],
    });
  }
}
