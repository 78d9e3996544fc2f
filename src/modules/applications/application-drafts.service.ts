import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageQueryDto } from '../../common/http/pagination';
import { toMinor } from '../../common/money/money';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { ApplicationDeletionHooks } from './application-deletion-hooks';
import { ApplicationReturnsRepository } from './application-returns.repository';
import { ApplicationStatusRepository } from './application-status.repository';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import { canChange, canSee } from './domain/application-access';
import { canApplication } from './domain/application-status';
import { CreateDraftDto, DraftContentDto } from './dto/application.dto';
import { Application } from './entities/application.entity';
import { ApplicationStatusChange } from './entities/application-status-change.entity';

/** What the audit log keeps of an application: ids, status and amounts, not the applicant's text. */
export const applicationAuditView = (a: Application) => ({
  competitionId: a.competitionId,
  villageId: a.villageId,
  status: a.status,
  reference: a.reference,
  sector: a.sector,
  requestedAmount: a.requestedAmount,
  ownContribution: a.ownContribution,
  goalIds: (a.goals ?? []).map((g) => g.goalId),
  assisted: a.assisted,
});

/** Drafts: an applicant prepares an application freely until submitting it. */
@Injectable()
export class ApplicationDraftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly statuses: ApplicationStatusRepository,
    private readonly returns: ApplicationReturnsRepository,
    private readonly audit: AuditService,
    private readonly deletionHooks: ApplicationDeletionHooks,
  ) {}

  /**
   * Starts a draft for the actor, or, with `onBehalfOf`, for an applicant who came in person
   * (assisted intake by a manager: flagged, same rules).
   */
  async create(
    actor: AuthUser,
    competitionId: string,
    input: CreateDraftDto,
    onBehalfOf?: string,
  ): Promise<Application> {
    const applicantId = onBehalfOf ?? actor.id;
    return this.dataSource.transaction(async (em) => {
      const applicant = await this.applications.lockApplicant(em, applicantId);
      if (!applicant || (onBehalfOf && !applicant.isApplicant)) throw new DomainError(E.APPLICANT_NOT_FOUND);
      const competition = await this.applications.competition(em, competitionId);
      if (!competition || competition.status === 'draft')
        throw new DomainError(E.COMPETITION_NOT_OPEN, { competitionId });
      if (competition.status !== 'open' || competition.closed) throw new DomainError(E.DEADLINE_PASSED);
      const villageId = input.villageId ?? applicant.homeVillageId;
      if (!villageId) throw new DomainError(E.NO_HOME_VILLAGE);
      if (villageId !== applicant.homeVillageId && !input.villageReason) {
        throw new DomainError(E.VILLAGE_REASON_REQUIRED, {
          fields: [{ field: 'villageReason', problems: ['required for a village other than your home village'] }],
        });
      }
      if (!(await this.applications.isVillageEligible(em, competitionId, villageId)))
        throw new DomainError(E.VILLAGE_NOT_ELIGIBLE, { villageId });
      const active = await this.applications.countActive(em, competitionId, applicantId);
      if (active >= competition.maxApplicationsPerApplicant) {
        throw new DomainError(E.LIMIT_REACHED, { limit: competition.maxApplicationsPerApplicant });
      }
      const created = await this.applications.insert(em, {
        competitionId,
        applicantId,
        villageId,
        villageReason: villageId === applicant.homeVillageId ? null : (input.villageReason ?? null),
        status: 'draft',
        createdBy: actor.id,
        assisted: onBehalfOf !== undefined,
      });
      await this.writeContent(em, created.id, input);
      await this.statuses.recordStatusChange(em, {
        applicationId: created.id,
        fromStatus: null,
        toStatus: 'draft',
        actorId: actor.id,
        reason: null,
      });
      return this.finish(em, actor.id, created.id, 'application.drafted', null);
    });
  }

  async update(actor: AuthUser, id: string, input: DraftContentDto): Promise<Application> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.lockOwned(em, actor, id);
      if (!canApplication('edit', before.status)) throw new DomainError(E.NOT_DRAFT, { status: before.status });
      if (before.status === 'returned' && !(await this.returns.answerable(em, id)))
        throw new DomainError(E.ANSWER_DATE_PASSED);
      await this.writeContent(em, id, input);
      return this.finish(em, actor.id, id, 'application.edited', before);
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const afterCommit = await this.dataSource.transaction(async (em) => {
      const before = await this.lockOwned(em, actor, id);
      if (!canApplication('delete', before.status)) throw new DomainError(E.NOT_DRAFT, { status: before.status });
      const cleanups = await this.deletionHooks.prepare(em, id);
      await this.applications.remove(em, id);
      await this.audit.record(em, {
        actorId: actor.id,
        action: 'application.deleted',
        entityType: 'application',
        entityId: id,
        before: applicationAuditView(before),
      });
      return cleanups;
    });
    for (const cleanup of afterCommit) await cleanup();
  }

  /** The owner and staff see an application; anyone else gets 404, as if it did not exist. */
  async get(viewer: AuthUser, id: string): Promise<Application> {
    const application = await this.applications.findFull(id);
    if (!application || !canSee(viewer, application)) throw new DomainError(E.NOT_FOUND);
    return application;
  }

  async mine(viewer: AuthUser, page: PageQueryDto): Promise<[Application[], number]> {
    return this.applications.listByApplicant(viewer.id, page.limit, page.offset);
  }

  async history(viewer: AuthUser, id: string, page: PageQueryDto): Promise<[ApplicationStatusChange[], number]> {
    await this.get(viewer, id);
    return this.statuses.history(id, page.limit, page.offset);
  }

  /**
   * Locks an application the actor may change: their own, or, for a manager, one entered by
   * assisted intake. Others' applications are 404 to applicants and 403 to staff.
   */
  async lockOwned(em: EntityManager, actor: AuthUser, id: string): Promise<Application> {
    const application = await this.applications.lock(em, id);
    if (!application || !canSee(actor, application)) throw new DomainError(E.NOT_FOUND);
    if (!canChange(actor, application)) throw new DomainError(E.NOT_ASSISTED);
    return application;
  }

  private async writeContent(em: EntityManager, id: string, input: DraftContentDto): Promise<void> {
    await this.applications.update(em, id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.sector !== undefined && { sector: input.sector }),
      ...(input.requestedAmount !== undefined && { requestedAmount: toMinor(input.requestedAmount) }),
      ...(input.ownContribution !== undefined && { ownContribution: toMinor(input.ownContribution) }),
      ...(input.jobsCreated !== undefined && { jobsCreated: input.jobsCreated }),
      ...(input.plannedStart !== undefined && { plannedStart: input.plannedStart }),
      ...(input.durationMonths !== undefined && { durationMonths: input.durationMonths }),
    });
    if (input.goals) await this.applications.replaceGoals(em, id, input.goals);
    if (input.budgetLines) {
      await this.applications.replaceBudget(
        em,
        id,
        input.budgetLines.map((l) => ({
          category: l.category,
          description: l.description ?? '',
          amount: toMinor(l.amount),
          source: l.source,
        })),
      );
    }
  }

  private async finish(
    em: EntityManager,
    actorId: string,
    id: string,
    action: AuditAction,
    before: Application | null,
  ): Promise<Application> {
    return this.audit.recordReloaded(em, {
      actorId,
      action,
      entityType: 'application',
      entityId: id,
      before: before && applicationAuditView(before),
      reload: (tx) => this.applications.findFull(id, tx),
      after: applicationAuditView,
    });
  }
}
