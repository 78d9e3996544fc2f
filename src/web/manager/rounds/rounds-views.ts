import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { AssignmentsQueryService } from '../../../modules/reviews/assignments-query.service';
import { RANKING_METHOD } from '../../../modules/reviews/domain/scoring/ranking-method';
import { ReviewRound } from '../../../modules/reviews/entities/review-round.entity';
import { JuryService } from '../../../modules/reviews/jury.service';
import { ResultsService } from '../../../modules/reviews/results.service';
import { ReviewErrors } from '../../../modules/reviews/reviews.errors';
import { RoundsService } from '../../../modules/reviews/rounds.service';
import { UsersQueryService } from '../../../modules/users/users-query.service';
import { RoundView } from '../../public/public-views';
import { AssignmentView, JurorProgress, PanelJuror, RoundListItem, RunView } from './rounds-types';

const ALL = { limit: 1000, offset: 0 };
/** Rounds of other competitions offered to copy a method from: the latest ones. */
const COPYABLE_ELSEWHERE = 20;
/** A whole panel, at the national scale's 2,000 jurors and then some. */
const PANEL = { limit: 10_000, offset: 0 };
/** Applications per page of a round's assignment list: each with its jurors, a screenful or two. */
export const ASSIGNMENTS_PER_PAGE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the managers' round pages read, from the services the JSON API calls: reads only, shaped
 * as the pages want them. No rule lives here.
 */
@Injectable()
export class RoundsViews {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly rounds: RoundsService,
    private readonly results: ResultsService,
    private readonly jury: JuryService,
    private readonly assignments: AssignmentsQueryService,
    private readonly users: UsersQueryService,
  ) {}

  async competition(id: string): Promise<Competition> {
    return this.competitions.get(id);
  }

  async round(id: string): Promise<{ round: ReviewRound; competition: Competition }> {
    const round = await this.rounds.get(id);
    return { round, competition: await this.competitions.get(round.competitionId) };
  }

  /** What the round page shows: where it stands, its published method, per-juror progress. */
  async roundPage(id: string) {
    const { round, competition } = await this.round(id);
    return {
      round: {
        id: round.id,
        competitionId: round.competitionId,
        name: round.name,
        status: round.status,
        finalizing: round.status === 'closed' && round.finalizeRequestedAt !== null,
        deadline: round.deadline,
      },
      competition,
      preview: roundViewOf(round),
      progress: round.status === 'draft' ? [] : await this.progress(round.id),
    };
  }

  /** The competition's rounds, each with how far scoring has got ("7 of 12 scored"). */
  async roundList(competitionId: string): Promise<RoundListItem[]> {
    const [rounds] = await this.rounds.list(competitionId, false, ALL.limit, ALL.offset);
    return Promise.all(
      rounds.map(async (round) => {
        const progress = round.status === 'draft' ? [] : await this.progress(round.id);
        return {
          id: round.id,
          name: round.name,
          position: round.position,
          status: round.status,
          finalizing: round.status === 'closed' && round.finalizeRequestedAt !== null,
          deadline: round.deadline,
          criteria: round.method.criteria.length,
          assigned: progress.reduce((sum, j) => sum + j.assigned, 0),
          submitted: progress.reduce((sum, j) => sum + j.submitted, 0),
        };
      }),
    );
  }

  /** The method of a round of this competition to copy, or null when there is no such round. */
  /** The method of a round to copy: one of this competition's, or any other competition's. */
  async methodOf(roundId: string): Promise<ReviewRound['method'] | null> {
    if (!UUID.test(roundId)) return null;
    try {
      return (await this.rounds.get(roundId)).method;
    } catch (error) {
      if (error instanceof DomainError && error.code === ReviewErrors.ROUND_NOT_FOUND.code) return null;
      throw error;
    }
  }

  /** What a new round may start from besides the templates: this competition's rounds, then the latest elsewhere. */
  async copyableRounds(competitionId: string) {
    // The rounds alone: the list page's per-round progress is not needed to name them.
    const [rounds] = await this.rounds.list(competitionId, false, ALL.limit, ALL.offset);
    const own = rounds.map((r) => ({ id: r.id, name: r.name, position: r.position }));
    const elsewhere = await this.rounds.copyableElsewhere(competitionId, COPYABLE_ELSEWHERE);
    return { own, elsewhere };
  }

  async progress(roundId: string): Promise<JurorProgress[]> {
    return (await this.results.progress(roundId)).jurors;
  }

  async panel(viewer: AuthUser, competitionId: string): Promise<PanelJuror[]> {
    const [jurors] = await this.jury.list(competitionId, ALL);
    const { items } = await this.jury.allDeclarations(viewer, competitionId, ALL);
    return jurors.map((j) => ({
      userId: j.userId,
      fullName: j.fullName,
      email: j.email,
      expertise: j.expertise,
      confirmedAt: j.conflictsConfirmedAt,
      activeAssignments: j.activeAssignments,
      declarations: items
        .filter((d) => d.juror === j.userId)
        .map((d) => ({ target: d.target, targetName: d.targetName, kind: d.kind })),
    }));
  }

  /** The id of an active account with this email, or null. */
  async userIdByEmail(email: string): Promise<string | null> {
    return (await this.users.findByEmail(email.toLowerCase()))?.id ?? null;
  }

  /** The round and application of an assignment (404 for an assignment that does not exist). */
  async placeOfAssignment(assignmentId: string): Promise<{ roundId: string; applicationId: string }> {
    return this.assignments.placeOfAssignment(assignmentId);
  }

  /** Panel members who can be assigned: their declaration is confirmed. */
  async assignableJurors(competitionId: string): Promise<{ id: string; name: string }[]> {
    const [jurors] = await this.jury.list(competitionId, PANEL);
    return jurors.filter((j) => j.conflictsConfirmedAt).map((j) => ({ id: j.userId, name: j.fullName }));
  }

  async runs(roundId: string): Promise<RunView[]> {
    const [runs] = await this.assignments.runs(roundId, 20, 0);
    return runs.map((r) => ({
      id: r.id,
      status: r.status,
      trigger: r.trigger,
      assigned: r.assigned,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
      durationMs: r.durationMs,
      details: (r.details ?? {}) as RunView['details'],
    }));
  }

  /** One page of the round's applications with their active assignments, and how many there are. */
  async assignmentList(roundId: string, page: number): Promise<{ items: AssignmentView[]; total: number }> {
    const [rows, total] = await this.assignments.overview(
      roundId,
      ASSIGNMENTS_PER_PAGE,
      (page - 1) * ASSIGNMENTS_PER_PAGE,
    );
    return { items: rows.map(assignmentViewOf), total };
  }

  /** One application of the round with its active assignments (404 for one not in the round). */
  async applicationAssignments(roundId: string, applicationId: string): Promise<AssignmentView> {
    const [[row]] = await this.assignments.overview(roundId, 1, 0, applicationId);
    if (!row) throw new DomainError(ApplicationErrors.NOT_FOUND);
    return assignmentViewOf(row);
  }
}

type OverviewRow = Awaited<ReturnType<AssignmentsQueryService['overview']>>[0][number];

function assignmentViewOf(row: OverviewRow): AssignmentView {
  return {
    applicationId: row.applicationId,
    reference: row.reference,
    title: row.title,
    assignments: row.assignments.filter((a) => a.status === 'active'),
  };
}

/** A round's method as the public round page shows it (the same component renders the preview). */
export function roundViewOf(round: ReviewRound): RoundView {
  const m = round.method;
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    deadline: round.deadline,
    seed: round.seed,
    criteria: m.criteria.map((c) => ({ ...c, descriptors: c.descriptors ?? [] })),
    priorityCriterion: m.priorityCriterion,
    jurorsPerApplication: m.jurorsPerApplication,
    quorum: m.quorum,
    calibratedDecisive: m.calibratedDecisive,
    advancement: m.advancement,
    blind: m.blind,
    rankingDescription: RANKING_METHOD.description,
    results: null,
  };
}
