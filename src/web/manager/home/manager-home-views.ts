import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { StaffTasksService } from '../../../modules/staff-tasks/staff-tasks.service';
import { TaskItem } from '../../ui/tasks-panel';
import { ApplicationListingService } from '../../../modules/applications/application-listing.service';
import { Summary } from '../../../modules/applications/applications-query.repository';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { pathId } from '../../public/public-reads';

/** How many competitions the home lists, newest deadline first; a national programme has a handful a year. */
export const HOME_COMPETITIONS = 100;

export interface ManagedCompetition {
  competition: Competition;
  /** Applications by status, drafts included. */
  counts: Record<string, number>;
}

export interface ManagerHomeProps {
  competitions: ManagedCompetition[];
  /** More competitions exist than the page lists. */
  more: boolean;
  /** "My tasks" (StaffTasksService): what waits, by kind; none for an admin who is not a manager. */
  tasks: TaskItem[];
}

export interface CompetitionOverviewProps {
  competition: Competition;
  summary: Summary;
}

/**
 * What the managers' home and a competition's overview read: the same services as the JSON API.
 * Every manager manages every competition (there is no ownership of a competition), so "mine" is
 * all of them.
 */
@Injectable()
export class ManagerHomeViews {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly listing: ApplicationListingService,
    private readonly tasks: StaffTasksService,
  ) {}

  async home(user: AuthUser): Promise<ManagerHomeProps> {
    const [competitions, total] = await this.competitions.list(undefined, { limit: HOME_COMPETITIONS, offset: 0 });
    const counts = await this.listing.statusCounts(competitions.map((c) => c.id));
    return {
      competitions: competitions.map((competition) => ({ competition, counts: counts.get(competition.id) ?? {} })),
      more: total > competitions.length,
      tasks: await this.tasks.forUser(user),
    };
  }

  /** A competition by an id from the path; anything else is "not found". */
  async competition(id: string): Promise<Competition> {
    return this.competitions.get(pathId(id, CompetitionErrors.NOT_FOUND));
  }

  async overview(id: string): Promise<CompetitionOverviewProps> {
    const competition = await this.competition(id);
    return { competition, summary: await this.listing.summary(competition.id) };
  }
}
