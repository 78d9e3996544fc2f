import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Readable } from 'node:stream';
import { AttachmentsQueryService } from '../attachments/attachments-query.service';
import { Attachment } from '../attachments/entities/attachment.entity';
import { AuditService } from '../audit/audit.service';
import { AssignmentsRepository } from './assignments.repository';
import { jurorMay } from './domain/rounds/round-status';
import { scoreProblems, scoresDigest } from './domain/scoring/scoresheet';
import { Assignment } from './entities/assignment.entity';
import { ReviewRound } from './entities/review-round.entity';
import { Scoresheet } from './entities/scoresheet.entity';
import { JuryRepository } from './jury.repository';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsRepository } from './rounds.repository';
import {
  AssignmentContent,
  JurorAssignmentItem,
  JurorAssignmentRow,
  JurorRoundOverview,
  WorkspaceRepository,
} from './workspace.repository';

export interface ScoresheetInput {
  scores: Record<string, unknown>;
  comments?: Record<string, string>;
  comment?: string;
  submit?: boolean;
}

export interface AssignmentView {
  assignment: Assignment;
  round: ReviewRound;
  content: AssignmentContent;
  goals: { code: string; title: LocalizedText; contribution: string }[];
  scoresheet: Scoresheet | null;
  attachments: Attachment[];
}

/**
 * The juror's workspace (rule 4 and 5): only their own active assignments in a round that has
 * opened, after confirming their conflict declaration; anything else is "not found". Scores are
 * saved as drafts or submitted, one scoresheet per assignment, editable until the round closes;
 * after that the juror still reads the assignment and their scoresheet, read-only.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly rounds: RoundsRepository,
    private readonly jury: JuryRepository,
    private readonly audit: AuditService,
    private readonly files: AttachmentsQueryService,
  ) {}

  async myRounds(jurorId: string, limit: number, offset: number) {
    return this.workspace.myRounds(jurorId, limit, offset);
  }

  async list(jurorId: string, roundId: string): Promise<{ round: ReviewRound; items: JurorAssignmentRow[] }> {
    const round = await this.rounds.find(roundId);
    if (!round || round.status === 'draft') throw new DomainError(E.ROUND_NOT_FOUND);
    await this.confirmed(round.competitionId, jurorId);
    return { round, items: await this.workspace.myAssignments(jurorId, roundId) };
  }

  /** My rounds (those that opened) with progress, for the juror's overview page. */
  async overview(jurorId: string): Promise<JurorRoundOverview[]> {
    return this.workspace.myRoundsOverview(jurorId);
  }

  /** Like `list`, with the assignments I recused from as well, each with its assignment status. */
  async roundItems(jurorId: string, roundId: string): Promise<{ round: ReviewRound; items: JurorAssignmentItem[] }> {
    const round = await this.rounds.find(roundId);
    if (!round || round.status === 'draft') throw new DomainError(E.ROUND_NOT_FOUND);
    await this.confirmed(round.competitionId, jurorId);
    return { round, items: await this.workspace.myAssignmentItems(jurorId, roundId) };
  }

  async view(jurorId: string, assignmentId: string): Promise<AssignmentView> {
    const { assignment, round } = await this.mine(jurorId, assignmentId);
    if (!jurorMay('read', round.status)) throw new DomainError(E.ROUND_NOT_OPEN, { status: round.status });
    const [content, goals, scoresheet, attachments] = await Promise.all([
      this.workspace.content(assignment.applicationId),
      this.workspace.goals(assignment.applicationId),
      this.workspace.scoresheet(assignment.id),
      this.files.listForReview(assignment.applicationId, round.method.blind),
    ]);
    if (!content) throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    return { assignment, round, content, goals, scoresheet, attachments };
  }

  /** A file of an assigned application, under the same rules as the view; in a blind round only files marked as not identifying. */
  async attachment(
    jurorId: string,
    assignmentId: string,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; content: Readable; blind: boolean }> {
    const { assignment, round } = await this.mine(jurorId, assignmentId);
    if (!jurorMay('read', round.status)) throw new DomainError(E.ROUND_NOT_OPEN, { status: round.status });
    return {
      ...(await this.files.openForReview(assignment.applicationId, attachmentId, round.method.blind)),
      blind: round.method.blind,
    };
  }

  async save(
    jurorId: string,
    assignmentId: string,
    input: ScoresheetInput,
  ): Promise<{ scoresheet: Scoresheet; round: ReviewRound }> {
    return this.dataSource.transaction((em) => this.saveIn(em, jurorId, assignmentId, input));
  }

  /** The save inside a caller's transaction: the offline form saves a whole file's sheets in one. */
  async saveIn(
    em: EntityManager,
    jurorId: string,
    assignmentId: string,
    input: ScoresheetInput,
  ): Promise<{ scoresheet: Scoresheet; round: ReviewRound }> {
    const { assignment, round } = await this.mine(jurorId, assignmentId, em);
    // Holds the round open until this commits: closing waits, and a save after closing is refused.
    const locked = await this.rounds.shareLock(em, round.id);
    if (!locked || !jurorMay('score', locked.status))
      throw new DomainError(E.ROUND_NOT_OPEN, { status: locked?.status });
    const before = await this.workspace.scoresheet(assignment.id, em);
    if (before?.status === 'withdrawn') throw new DomainError(E.SCORESHEET_WITHDRAWN);
    const criteria = round.method.criteria;
    const complete = input.submit === true || before?.status === 'submitted';
    const present = complete
      ? input.scores
      : Object.fromEntries(Object.entries(input.scores).filter(([, v]) => v !== null));
    const problems = scoreProblems(complete ? criteria : criteria.filter((c) => c.code in present), present).concat(
      Object.entries(input.comments ?? {})
        .filter(
          ([code, text]) => !criteria.some((c) => c.code === code) || typeof text !== 'string' || text.length > 4000,
        )
        .map(([code]) => ({
          field: `comments.${code}`,
          problems: ['must be text of at most 4000 characters about a criterion of this round'],
        })),
    );
    if (problems.length) throw new DomainError(E.INCOMPLETE_SCORESHEET, { fields: problems });
    const saved = await this.workspace.save(em, {
      assignmentId: assignment.id,
      roundId: round.id,
      applicationId: assignment.applicationId,
      jurorId,
      scores: present as Record<string, number>,
      comments: input.comments ?? {},
      comment: input.comment ?? '',
      submit: input.submit === true,
    });
    if (!saved) throw new DomainError(E.SCORESHEET_WITHDRAWN);
    if (saved.status === 'submitted') {
      await this.audit.record(em, {
        actorId: jurorId,
        action: before?.status === 'submitted' ? 'scoresheet.resubmitted' : 'scoresheet.submitted',
        entityType: 'review_round',
        entityId: round.id,
        // The audit log is read by observers while the round runs: it proves what was stored
        // (a digest of the sheet's id and scores) without showing a juror's scores early.
        before: before?.status === 'submitted' ? { scoresheetId: before.id, scoresDigest: scoresDigest(before) } : null,
        after: { scoresheetId: saved.id, assignmentId: assignment.id, scoresDigest: scoresDigest(saved) },
      });
    }
    return { scoresheet: saved, round };
  }

  /**
   * The juror's own assignment, active, with the declaration confirmed; "not found" otherwise.
   * Inside a transaction it is read locked, so a recusal or removal cannot end it meanwhile.
   */
  private async mine(
    jurorId: string,
    assignmentId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ assignment: Assignment; round: ReviewRound }> {
    const assignment = em.queryRunner?.isTransactionActive
      ? await this.assignments.lock(em, assignmentId)
      : await this.assignments.find(assignmentId, em);
    if (!assignment || assignment.jurorId !== jurorId || assignment.status !== 'active')
      throw new DomainError(E.ASSIGNMENT_NOT_FOUND);
    const round = (await this.rounds.find(assignment.roundId, em))!;
    await this.confirmed(round.competitionId, jurorId);
    return { assignment, round };
  }

  private async confirmed(competitionId: string, jurorId: string): Promise<void> {
    const member = await this.jury.find(competitionId, jurorId);
    if (!member) throw new DomainError(E.ROUND_NOT_FOUND);
    // The competition is named so a page can send the juror to its declaration (they sit on its panel).
    if (!member.conflictsConfirmedAt) throw new DomainError(E.CONFLICTS_NOT_CONFIRMED, { competitionId });
  }
}
