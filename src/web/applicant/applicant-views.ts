import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageQueryDto } from '../../common/http/pagination';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationErrors } from '../../modules/applications/applications.errors';
import { Application } from '../../modules/applications/entities/application.entity';
import { ApplicationStatusChange } from '../../modules/applications/entities/application-status-change.entity';
import { AttachmentsService } from '../../modules/attachments/attachments.service';
import { Attachment } from '../../modules/attachments/entities/attachment.entity';
import { AwardsQueryService } from '../../modules/awards/awards-query.service';
import { AwardDto } from '../../modules/awards/dto/award.dto';
import { CompetitionErrors } from '../../modules/competitions/competitions.errors';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import { Competition } from '../../modules/competitions/entities/competition.entity';
import { GeographyRepository } from '../../modules/geography/geography.repository';
import { UsersService } from '../../modules/users/users.service';
import { ContentText } from '../i18n/content';
import { PlanErrors } from '../../modules/plans/plans.errors';
import { PlansService } from '../../modules/plans/plans.service';
import { DevelopmentPlan } from '../../modules/plans/entities/development-plan.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALL = { limit: 100, offset: 0 } as PageQueryDto;

export interface VillageChoice {
  villages: { id: string; name: ContentText }[];
  homeVillageId: string | null;
}

/** One of the applicant's applications with what its pages show beside it. */
export interface OwnApplication {
  application: Application;
  competition: Competition;
}

/**
 * What the applicant's pages read, gathered from the services the JSON API calls: reads only, no
 * rule of its own but one: these pages are the applicant's own, so an application of anyone else
 * (or an id that is not one) does not exist here, for staff as much as for another applicant.
 */
@Injectable()
export class ApplicantViews {
  constructor(
    private readonly drafts: ApplicationDraftsService,
    private readonly competitions: CompetitionsService,
    private readonly plans: PlansService,
    private readonly attachments: AttachmentsService,
    private readonly awards: AwardsQueryService,
    private readonly geography: GeographyRepository,
    private readonly users: UsersService,
  ) {}

  async own(actor: AuthUser, id: string): Promise<OwnApplication> {
    if (!UUID.test(id)) throw new DomainError(ApplicationErrors.NOT_FOUND);
    const application = await this.drafts.get(actor, id);
    if (application.applicantId !== actor.id) throw new DomainError(ApplicationErrors.NOT_FOUND);
    return { application, competition: await this.competitions.get(application.competitionId) };
  }

  /** The adopted plan of the application's village, or null while the village has none. */
  async plan(villageId: string): Promise<DevelopmentPlan | null> {
    try {
      return await this.plans.adoptedOfVillage(villageId);
    } catch (error) {
      if (error instanceof DomainError && error.code === PlanErrors.NO_ADOPTED_PLAN.code) return null;
      throw error;
    }
  }

  async files(actor: AuthUser, id: string): Promise<Attachment[]> {
    return (await this.attachments.list(actor, id, ALL))[0];
  }

  async history(actor: AuthUser, id: string): Promise<ApplicationStatusChange[]> {
    return (await this.drafts.history(actor, id, ALL))[0];
  }

  /** The applicant's applications with their competitions, and their awards (once offered). */
  async dashboard(actor: AuthUser): Promise<{ items: OwnApplication[]; awards: AwardDto[] }> {
    const [applications] = await this.drafts.mine(actor, ALL);
    const ids = [...new Set(applications.map((a) => a.competitionId))];
    const competitions = new Map((await this.competitions.getMany(ids)).map((c) => [c.id, c]));
    const [awards] = await this.awards.mine(actor, 100, 0);
    return {
      items: applications.map((application) => ({
        application,
        competition: competitions.get(application.competitionId) as Competition,
      })),
      awards,
    };
  }

  /** The villages a draft in the competition may be for, and the applicant's home village. */
  async villageChoice(actor: AuthUser, competition: Competition): Promise<VillageChoice> {
    const ids = (competition.eligibleVillages ?? []).map((v) => v.villageId);
    const villages = await this.geography.findVillagesWithDistricts(ids);
    const { homeVillageId } = await this.users.get(actor.id);
    return { villages: villages.map((v) => ({ id: v.id, name: v.name })), homeVillageId };
  }

  /** A competition an applicant may apply to, as its public page shows it. */
  async competition(id: string): Promise<Competition> {
    if (!UUID.test(id)) throw new DomainError(CompetitionErrors.NOT_FOUND);
    return this.competitions.getPublic(id);
  }
}
