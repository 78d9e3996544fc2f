import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { LocalizedText } from '../../../common/i18n/localized-text';
import { ApplicationDraftsService } from '../../../modules/applications/application-drafts.service';
import { BulkOutcome } from '../../../modules/applications/application-screening.service';
import { ApplicationListingService } from '../../../modules/applications/application-listing.service';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { Dossier, ListRow } from '../../../modules/applications/applications-query.repository';
import { Application } from '../../../modules/applications/entities/application.entity';
import { AttachmentsService } from '../../../modules/attachments/attachments.service';
import { Attachment } from '../../../modules/attachments/entities/attachment.entity';
import { AuditService } from '../../../modules/audit/audit.service';
import { AuditEvent } from '../../../modules/audit/entities/audit-event.entity';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { UsersService } from '../../../modules/users/users.service';
import { pathId } from '../../public/public-reads';
import { applicationFilter, PAGE_SIZE, TableQuery } from './table-query';

/** A row of the table, and what bulk screening did to one application: as the pages see them. */
export type TableRow = ListRow;
export type ScreeningOutcome = BulkOutcome;

export interface Choice {
  id: string;
  name: LocalizedText;
  count: number;
}

export interface TableData {
  competition: Competition;
  query: TableQuery;
  rows: ListRow[];
  total: number;
  pageSize: number;
  /** The filters' choices: the villages, districts and goals that have applications, with counts. */
  choices: { villages: Choice[]; districts: Choice[]; goals: (Choice & { code: string })[] };
}

export interface HistoryEntry {
  event: AuditEvent;
  actorName: string | null;
}

export interface ApplicationData {
  application: Application;
  competition: Competition;
  dossier: Dossier;
  files: Attachment[];
  history: HistoryEntry[];
}

/** How much history one application's page shows (its events, oldest first). */
const HISTORY_LIMIT = 200;

/**
 * What the managers' application pages read, from the services the JSON API calls. Staff see
 * every application (the applications module's access rule); the routes allow managers and admins.
 */
@Injectable()
export class ManagerApplicationsViews {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly listing: ApplicationListingService,
    private readonly drafts: ApplicationDraftsService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async competition(id: string): Promise<Competition> {
    return this.competitions.get(pathId(id, CompetitionErrors.NOT_FOUND));
  }

  async table(competitionId: string, query: TableQuery): Promise<TableData> {
    const competition = await this.competition(competitionId);
    const filter = applicationFilter(competition.id, query);
    const [[rows, total], choices] = await Promise.all([
      this.listing.list(filter, query.sort, query.order, PAGE_SIZE, (query.page - 1) * PAGE_SIZE),
      this.listing.filterChoices(competition.id),
    ]);
    return {
      competition,
      query,
      rows,
      total,
      pageSize: PAGE_SIZE,
      choices: {
        villages: choices.byVillage,
        districts: choices.byDistrict,
        goals: choices.byGoal.map((g) => ({ id: g.id, code: g.code, name: g.title, count: g.count })),
      },
    };
  }

  /** The rows of these applications of the competition (for the outcome of a bulk screening). */
  async rowsOf(competitionId: string, ids: string[]): Promise<ListRow[]> {
    if (ids.length === 0) return [];
    const [rows] = await this.listing.list({ competitionId, ids }, 'reference', 'asc', ids.length, 0);
    return rows;
  }

  async application(actor: AuthUser, id: string): Promise<ApplicationData> {
    const applicationId = pathId(id, ApplicationErrors.NOT_FOUND);
    const application = await this.drafts.get(actor, applicationId);
    const [competition, dossier, [files], { events }] = await Promise.all([
      this.competitions.get(application.competitionId),
      this.listing.dossier(applicationId),
      this.attachments.list(actor, applicationId, { limit: 100, offset: 0 }),
      this.audit.page({ entityType: 'application', entityId: applicationId, limit: HISTORY_LIMIT }),
    ]);
    if (!dossier) throw new DomainError(ApplicationErrors.NOT_FOUND);
    const names = new Map<string, string>();
    for (const actorId of new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null)))
      names.set(actorId, (await this.users.get(actorId)).fullName);
    return {
      application,
      competition,
      dossier,
      files,
      history: events.map((event) => ({ event, actorName: event.actorId ? (names.get(event.actorId) ?? null) : null })),
    };
  }
}
