import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { AuditService, ChainVerification } from '../../modules/audit/audit.service';
import { Competition } from '../../modules/competitions/entities/competition.entity';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import { scoresheetTotal } from '../../modules/reviews/domain/scoring/scoresheet';
import { JuryService } from '../../modules/reviews/jury.service';
import { ResultsService } from '../../modules/reviews/results.service';
import { RoundsService } from '../../modules/reviews/rounds.service';
import { ReviewRound } from '../../modules/reviews/entities/review-round.entity';

export type { ChainVerification } from '../../modules/audit/audit.service';

/** Fifty rows a page, as the audit API's default. */
export const PAGE_SIZE = 50;
/** Competitions on the oversight home, newest first; each with up to this many rounds. */
const COMPETITIONS = 50;
const ROUNDS = 20;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  afterSeq?: string;
}

export interface AuditRow {
  seq: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
}

export interface OversightHome {
  competitions: { competition: Competition; rounds: ReviewRound[] }[];
  total: number;
}

export interface Scoresheet {
  reference: string;
  juror: string;
  status: string;
  scores: Record<string, number>;
  total: number | null;
}

export interface Declaration {
  juror: string;
  target: string;
  /** The application's reference or the village; an applicant stays unnamed on these pages. */
  targetName: string | null;
  kind: string;
  createdAt: string;
}

export interface RoundOversight {
  round: ReviewRound;
  competition: Competition;
  criteria: string[];
  sheets: { items: Scoresheet[]; page: number; pages: number; total: number } | null;
  declarations: { items: Declaration[]; page: number; pages: number; total: number };
}

const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
const slice = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

/** What observers read, as the pages' plain data, from the services the JSON API calls. */
@Injectable()
export class ObserverViews {
  constructor(
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly rounds: RoundsService,
    private readonly results: ResultsService,
    private readonly jury: JuryService,
  ) {}

  async home(): Promise<OversightHome> {
    const [competitions, total] = await this.competitions.list(undefined, { limit: COMPETITIONS, offset: 0 });
    const withRounds = [];
    for (const competition of competitions) {
      const [rounds] = await this.rounds.list(competition.id, false, ROUNDS, 0);
      withRounds.push({ competition, rounds });
    }
    return { competitions: withRounds, total };
  }

  async auditPage(filter: AuditFilter): Promise<{ items: AuditRow[]; nextAfterSeq: string | null }> {
    const { events, nextAfterSeq } = await this.audit.page({ ...filter, limit: PAGE_SIZE });
    return {
      items: events.map((e) => ({
        seq: e.seq.toString(),
        occurredAt: e.occurredAt,
        actorId: e.actorId,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
      })),
      nextAfterSeq,
    };
  }

  verify(): Promise<ChainVerification> {
    return this.audit.verify();
  }

  /**
   * A round's anonymised scoresheets (once closed) and its competition's conflict declarations;
   * an observer's reads are recorded by the services, as through the API.
   */
  async round(viewer: AuthUser, id: string, sheetPage: number, declarationPage: number): Promise<RoundOversight> {
    const round = await this.rounds.get(id);
    const competition = await this.competitions.get(round.competitionId);
    const criteria = round.method.criteria ?? [];
    const closed = round.status === 'closed' || round.status === 'finalized';
    let sheets: RoundOversight['sheets'] = null;
    if (closed) {
      const read = await this.results.scoresheets(viewer, id, slice(sheetPage));
      sheets = {
        items: read.items.map((s) => ({
          reference: s.reference,
          juror: s.juror,
          status: s.status,
          scores: s.scores,
          total:
            criteria.length > 0 && criteria.every((c) => typeof s.scores[c.code] === 'number')
              ? scoresheetTotal(criteria, s.scores)
              : null,
        })),
        page: sheetPage,
        pages: pages(read.total),
        total: read.total,
      };
    }
    const declared = await this.jury.allDeclarations(viewer, round.competitionId, slice(declarationPage));
    return {
      round,
      competition,
      criteria: criteria.map((c) => c.code),
      sheets,
      declarations: {
        items: declared.items.map((d) => ({
          juror: d.juror,
          target: d.target,
          targetName: d.target === 'applicant' ? null : d.targetName,
          kind: d.kind,
          createdAt: d.createdAt,
        })),
        page: declarationPage,
        pages: pages(declared.total),
        total: declared.total,
      },
    };
  }
}
