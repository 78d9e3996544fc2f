import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { LocalizedText } from '../../common/i18n/localized-text';
import { CompetitionsService } from '../../modules/competitions/competitions.service';
import { AssignmentChangesService } from '../../modules/reviews/assignment-changes.service';
import { ConflictKind } from '../../modules/reviews/domain/jury/conflicts';
import { AssignmentViewDto, neutralName } from '../../modules/reviews/dto/workspace.dto';
import { JuryService } from '../../modules/reviews/jury.service';
import { NamedDeclaration } from '../../modules/reviews/jury.repository';
import { ReviewErrors } from '../../modules/reviews/reviews.errors';
import { JurorAssignmentItem, JurorRoundOverview } from '../../modules/reviews/workspace.repository';
import { ScoresheetInput, WorkspaceService } from '../../modules/reviews/workspace.service';
import { RoundStatus } from '../../modules/reviews/domain/rounds/round-status';
import { ReviewRound } from '../../modules/reviews/entities/review-round.entity';
import { itemStatus, ItemStatus } from './item-status';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Applicants listed per page of the conflicts page (and offered in its form). */
export const APPLICANTS_PER_PAGE = 200;

/** The reviews module's read shapes, named here so pages need not import its repositories. */
export type RoundOverview = JurorRoundOverview;
export type Declaration = NamedDeclaration;

export interface PanelView {
  competitionId: string;
  title: LocalizedText;
  confirmedAt: Date | null;
  rounds: JurorRoundOverview[];
}

export interface ConflictsView {
  competitionId: string;
  title: LocalizedText;
  confirmedAt: Date | null;
  applicants: { applicantId: string; fullName: string; villages: { id: string; name: LocalizedText }[] }[];
  applicantsTotal: number;
  offset: number;
  declarations: NamedDeclaration[];
  /** My active assignments in this competition, to declare a conflict with one of the applications. */
  assignments: { id: string; title: string }[];
}

export interface RoundItemView {
  id: string;
  title: string;
  sector: string;
  villageName: LocalizedText;
  status: ItemStatus;
}

export interface RoundView {
  round: { id: string; name: string; status: RoundStatus; deadline: Date; competitionId: string };
  competitionTitle: LocalizedText;
  items: RoundItemView[];
}

export interface AssignmentPageView {
  view: AssignmentViewDto;
  competitionId: string;
  roundStatus: RoundStatus;
}

/** What a juror may name in a conflict declaration through the page: `<kind>:<id>`. */
export type ConflictTarget = { applicantId: string } | { assignmentId: string } | { villageId: string };

/**
 * What the jurors' pages read and do, through the reviews module's services (the same the JSON API
 * calls). One rule of its own: these pages are the juror's own, so an id that is not a UUID, not
 * theirs or not on their panel is "not found", as the services answer for another juror's ids.
 */
@Injectable()
export class JurorViews {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly jury: JuryService,
    private readonly changes: AssignmentChangesService,
    private readonly competitions: CompetitionsService,
  ) {}

  /** My panels, newest first, each with the rounds I have (or had) assignments in. */
  async dashboard(jurorId: string): Promise<PanelView[]> {
    const [[panels], rounds] = await Promise.all([
      this.jury.panelsOf(jurorId, { limit: 100, offset: 0 }),
      this.workspace.overview(jurorId),
    ]);
    return panels.map((p) => ({
      competitionId: p.competitionId,
      title: p.competitionTitle,
      confirmedAt: p.conflictsConfirmedAt,
      rounds: rounds.filter((r) => r.competitionId === p.competitionId),
    }));
  }

  async conflicts(jurorId: string, competitionId: string, offset: number): Promise<ConflictsView> {
    if (!UUID.test(competitionId)) throw new DomainError(ReviewErrors.JUROR_NOT_FOUND);
    const member = await this.jury.member(competitionId, jurorId);
    const [competition, [applicants, applicantsTotal], declarations, rounds] = await Promise.all([
      this.competitions.get(competitionId),
      this.jury.applicants(jurorId, competitionId, APPLICANTS_PER_PAGE, offset),
      this.jury.myDeclarations(jurorId, competitionId),
      this.workspace.overview(jurorId),
    ]);
    const assignments: ConflictsView['assignments'] = [];
    if (member.conflictsConfirmedAt)
      for (const round of rounds.filter((r) => r.competitionId === competitionId && r.status === 'open')) {
        const { items } = await this.workspace.roundItems(jurorId, round.roundId);
        for (const item of items.filter((i) => i.assignmentStatus === 'active'))
          assignments.push({ id: item.id, title: item.title });
      }
    return {
      competitionId,
      title: competition.title,
      confirmedAt: member.conflictsConfirmedAt,
      applicants,
      applicantsTotal,
      offset,
      declarations,
      assignments,
    };
  }

  /** Declares a conflict; an assignment named on the page stands for its application. */
  async declare(
    jurorId: string,
    competitionId: string,
    target: ConflictTarget,
    kind: ConflictKind,
    note: string,
  ): Promise<void> {
    if ('assignmentId' in target) {
      if (!UUID.test(target.assignmentId)) throw new DomainError(ReviewErrors.CONFLICT_TARGET_NOT_FOUND);
      const { assignment, round } = await this.workspace.view(jurorId, target.assignmentId);
      if (round.competitionId !== competitionId) throw new DomainError(ReviewErrors.CONFLICT_TARGET_NOT_FOUND);
      await this.jury.declare(jurorId, competitionId, { applicationId: assignment.applicationId, kind, note });
      return;
    }
    await this.jury.declare(jurorId, competitionId, { ...target, kind, note });
  }

  async withdrawDeclaration(jurorId: string, competitionId: string, declarationId: string): Promise<void> {
    if (!UUID.test(competitionId) || !UUID.test(declarationId))
      throw new DomainError(ReviewErrors.DECLARATION_NOT_FOUND);
    await this.jury.withdrawDeclaration(jurorId, competitionId, declarationId);
  }

  async confirm(jurorId: string, competitionId: string): Promise<void> {
    if (!UUID.test(competitionId)) throw new DomainError(ReviewErrors.JUROR_NOT_FOUND);
    await this.jury.confirm(jurorId, competitionId);
  }

  async round(jurorId: string, roundId: string): Promise<RoundView> {
    if (!UUID.test(roundId)) throw new DomainError(ReviewErrors.ROUND_NOT_FOUND);
    const { round, items } = await this.workspace.roundItems(jurorId, roundId);
    const competition = await this.competitions.get(round.competitionId);
    return { round: roundSummary(round), competitionTitle: competition.title, items: items.map(itemView) };
  }

  async assignment(jurorId: string, assignmentId: string): Promise<AssignmentPageView> {
    if (!UUID.test(assignmentId)) throw new DomainError(ReviewErrors.ASSIGNMENT_NOT_FOUND);
    const view = await this.workspace.view(jurorId, assignmentId);
    return {
      view: AssignmentViewDto.from(view),
      competitionId: view.round.competitionId,
      roundStatus: view.round.status,
    };
  }

  async save(jurorId: string, assignmentId: string, input: ScoresheetInput): Promise<void> {
    await this.workspace.save(jurorId, assignmentId, input);
  }

  async recuse(jurorId: string, assignmentId: string, reason: string): Promise<void> {
    await this.changes.recuse(jurorId, assignmentId, reason);
  }

  /** A file of my assignment, only those the round lets me see, under the name the page listed it by. */
  async file(
    jurorId: string,
    assignmentId: string,
    attachmentId: string,
  ): Promise<{ name: string; mediaType: string; size: number; content: Readable }> {
    if (!UUID.test(assignmentId) || !UUID.test(attachmentId)) throw new DomainError(ReviewErrors.ASSIGNMENT_NOT_FOUND);
    const { view } = await this.assignment(jurorId, assignmentId);
    const listed = view.attachments.find((a) => a.id === attachmentId);
    const { attachment, content, blind } = await this.workspace.attachment(jurorId, assignmentId, attachmentId);
    const name = blind ? (listed?.name ?? neutralName(attachment, 0)) : attachment.originalName;
    return { name, mediaType: attachment.mediaType, size: attachment.size, content };
  }
}

function roundSummary(round: ReviewRound): RoundView['round'] {
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    deadline: round.deadline,
    competitionId: round.competitionId,
  };
}

function itemView(item: JurorAssignmentItem): RoundItemView {
  return {
    id: item.id,
    title: item.title,
    sector: item.sector,
    villageName: item.villageName,
    status: itemStatus(item.assignmentStatus, item.scoresheet),
  };
}
