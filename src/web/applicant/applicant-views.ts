import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { PageQueryDto } from '../../common/http/pagination';
import { ApplicationDraftsService } from '../../modules/applications/application-drafts.service';
import { ApplicationVersionsService } from '../../modules/applications/application-versions.service';
import { RETURN_LAPSED_REASON } from '../../modules/applications/domain/returns';
import { ApplicationErrors } from '../../modules/applications/applications.errors';
import { canChange } from '../../modules/applications/domain/application-access';
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
import { OpenReturn } from './return-notice';

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
  /** While the application is returned for changes: the manager's message and the date to answer by. */
  openReturn?: OpenReturn;
  /** Staff entering it by assisted intake: the applicant they enter it for. */
  onBehalfOf?: { name: string; competitionId: string };
}

/**
 * What the applicant's pages read, gathered from the services the JSON API calls: reads only, no
 * rule of its own. These pages are for whoever may change the application (the domain's
 * canChange): the applicant, and staff for one entered by assisted intake; staff get 403 for any
 * other, anyone else 404, as if it did not exist.
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
    private readonly versions: ApplicationVersionsService,
  ) {}

  async own(actor: AuthUser, id: string): Promise<OwnApplication> {
    if (!UUID.test(id)) throw new DomainError(ApplicationErrors.NOT_FOUND);
    const application = await this.drafts.get(actor, id);
    if (!canChange(actor, application)) throw new DomainError(ApplicationErrors.NOT_ASSISTED);
    const competition = await this.competitions.get(application.competitionId);
    const onBehalfOf =
      application.applicantId === actor.id
        ? undefined
        : { name: (await this.users.get(application.applicantId)).fullName, competitionId: competition.id };
    if (application.status !== 'returned') return { application, competition, onBehalfOf };
    const open = (await this.versions.openReturns([id])).get(id);
    const openReturn = open && { message: open.message, answerBy: open.answerBy };
    return { application, competition, openReturn, onBehalfOf };
  }

  /** The date a lapsed return was to be answered by, for an application withdrawn because of it. */
  async lapsedReturn(actor: AuthUser, application: Application): Promise<Date | null> {
    if (application.status !== 'withdrawn' || application.withdrawReason !== RETURN_LAPSED_REASON) return null;
    const lapsed = (await this.versions.returnsOf(actor, application.id)).filter((r) => r.outcome === 'lapsed').pop();
    return lapsed?.answerBy ?? null;
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
    const returned = applications.filter((a) => a.status === 'returned').map((a) => a.id);
    const open = await this.versions.openReturns(returned);
    return {
      items: applications.map((application) => {
        const r = open.get(application.id);
        return {
          application,
          competition: competitions.get(application.competitionId) as Competition,
          ...(r && { openReturn: { message: r.message, answerBy: r.answerBy } }),
        };
      }),
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
