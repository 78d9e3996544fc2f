import { Injectable } from '@nestjs/common';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { AuthUser } from '../../../common/auth/role';
import { GeographyService } from '../../../modules/geography/geography.service';
import { PLAN_STATUSES, PlanStatus } from '../../../modules/plans/domain/plan-status';
import { DevelopmentPlan } from '../../../modules/plans/entities/development-plan.entity';
import { PlansService } from '../../../modules/plans/plans.service';

/** Fifty plans a page, as the other staff lists. */
export const PAGE_SIZE = 50;

export interface PlanRow {
  id: string;
  village: LocalizedText;
  version: number;
  title: string;
  periodStart: number;
  periodEnd: number;
  status: PlanStatus;
  goals: number;
}
export interface PlansView {
  items: PlanRow[];
  total: number;
  page: number;
  pages: number;
  status: PlanStatus;
}
export interface VillageChoice {
  id: string;
  name: LocalizedText;
}

/** A status from a hand-editable query: anything unknown is the API's default, adopted. */
export const statusParam = (value: unknown): PlanStatus =>
  typeof value === 'string' && (PLAN_STATUSES as readonly string[]).includes(value) ? (value as PlanStatus) : 'adopted';

/** The admin's reads of plans and villages, as the pages' plain data, through the modules' services. */
@Injectable()
export class AdminPlansViews {
  constructor(
    private readonly plans: PlansService,
    private readonly geography: GeographyService,
  ) {}

  async plansPage(status: PlanStatus, page: number, viewer: AuthUser): Promise<PlansView> {
    const [plans, total] = await this.plans.list({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, viewer);
    const villages = await this.geography.villagesWithPlaces([...new Set(plans.map((p) => p.villageId))]);
    const names = new Map(villages.map((v) => [v.id, v.name]));
    const items = plans.map((p) => ({
      id: p.id,
      village: names.get(p.villageId) ?? {},
      version: p.version,
      title: p.title,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      status: p.status,
      goals: p.goals?.length ?? 0,
    }));
    return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), status };
  }

  async plan(id: string, viewer: AuthUser): Promise<{ plan: DevelopmentPlan; village: LocalizedText }> {
    const plan = await this.plans.get(id, viewer);
    return { plan, village: (await this.geography.village(plan.villageId)).name };
  }

  async village(id: string): Promise<VillageChoice> {
    const village = await this.geography.village(id);
    return { id: village.id, name: village.name };
  }

  async villages(): Promise<VillageChoice[]> {
    return (await this.geography.villageChoices()).map((v) => ({ id: v.id, name: v.name }));
  }
}
