import { PageRequest as Page, pageOf } from '../../common/http/pagination';
import { AssignmentOverviewPageDto, AssignmentRunDto, AssignmentRunPageDto } from './dto/assignment.dto';
import {
  ConfirmationDto,
  ConflictDto,
  ConflictPageDto,
  DeclarationDto,
  DeclarationPageDto,
  JurorDto,
  JurorPageDto,
  PanelPageDto,
} from './dto/jury.dto';
import {
  ApplicantRoundResultDto,
  ApplicantRoundResultPageDto,
  OversightScoresheetPageDto,
  RankingRowDto,
  RoundProgressDto,
  RoundRankingDto,
  VerificationDto,
} from './dto/results.dto';
import { RoundDto } from './dto/round.dto';
import { JurorAssignmentDto, JurorAssignmentsDto, JurorRoundPageDto, WorkspaceRoundDto } from './dto/workspace.dto';
import type { AssignmentsQueryService } from './assignments-query.service';
import type { JuryService } from './jury.service';
import type { ResultsService } from './results.service';
import type { WorkspaceService } from './workspace.service';

/**
 * The reviews module's responses, built in one place from what its services return: each field
 * named, so a column added to a query never reaches a caller by accident.
 */
type Result<K extends keyof S, S> = S[K] extends (...args: never[]) => Promise<infer R> ? R : never;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function rankingView(ranking: Result<'ranking', ResultsService>, page: Page): RoundRankingDto {
  return {
    round: RoundDto.from(ranking.round),
    summary: ranking.summary,
    items: ranking.items.map((r): RankingRowDto => ({
      applicationId: r.applicationId,
      reference: r.reference,
      title: r.title,
      requestedAmount: r.requestedAmount,
      count: r.count,
      totals: r.totals.map((t) => ({ juror: t.juror, total: t.total })),
      official: r.official,
      calibrated: r.calibrated,
      spread: r.spread,
      gatesFailed: r.gatesFailed,
      quorumMet: r.quorumMet,
      rank: r.rank,
      advanced: r.advanced,
      reason: r.reason,
      disputed: r.disputed,
    })),
    total: ranking.total,
    limit: page.limit,
    offset: page.offset,
  };
}

export function verificationView(v: Result<'verify', ResultsService>): VerificationDto {
  return { matches: v.matches, inputHash: v.inputHash, storedInputHash: v.storedInputHash, differing: v.differing };
}

export function progressView(p: Result<'progress', ResultsService>): RoundProgressDto {
  return {
    jurors: p.jurors.map((j) => ({
      jurorId: j.jurorId,
      fullName: j.fullName,
      assigned: j.assigned,
      drafts: j.drafts,
      submitted: j.submitted,
    })),
  };
}

export function scoresheetsView(s: Result<'scoresheets', ResultsService>, page: Page): OversightScoresheetPageDto {
  return pageOf(
    s.items.map((sheet) => ({
      applicationId: sheet.applicationId,
      reference: sheet.reference,
      juror: sheet.juror,
      status: sheet.status,
      scores: sheet.scores,
      comments: sheet.comments,
      comment: sheet.comment,
      submittedAt: iso(sheet.submittedAt),
    })),
    s.total,
    page,
  );
}

export function applicantResultsView(
  [rows, total]: Result<'forApplicant', ResultsService>,
  page: Page,
): ApplicantRoundResultPageDto {
  return pageOf(
    rows.map((r): ApplicantRoundResultDto => ({
      roundId: r.roundId,
      roundName: r.roundName,
      position: r.position,
      official: r.official,
      rank: r.rank,
      advanced: r.advanced,
      reason: r.reason,
    })),
    total,
    page,
  );
}

export function jurorRoundsView([rows, total]: Result<'myRounds', WorkspaceService>, page: Page): JurorRoundPageDto {
  return pageOf(
    rows.map((r) => ({
      roundId: r.roundId,
      competitionId: r.competitionId,
      assigned: r.assigned,
      submitted: r.submitted,
    })),
    total,
    page,
  );
}

export function runsView([rows, total]: Result<'runs', AssignmentsQueryService>, page: Page): AssignmentRunPageDto {
  return pageOf(
    rows.map((r) => AssignmentRunDto.from(r)),
    total,
    page,
  );
}

export function jurorAssignmentsView({ round, items }: Result<'list', WorkspaceService>): JurorAssignmentsDto {
  return {
    round: WorkspaceRoundDto.from(round),
    items: items.map((i) => JurorAssignmentDto.from(i)),
    assigned: items.length,
    submitted: items.filter((i) => i.scoresheet === 'submitted').length,
  };
}

export function overviewView(
  [rows, total]: Result<'overview', AssignmentsQueryService>,
  page: Page,
): AssignmentOverviewPageDto {
  return pageOf(
    rows.map((row) => ({
      applicationId: row.applicationId,
      reference: row.reference,
      title: row.title,
      applicationStatus: row.applicationStatus,
      alternates: row.alternates,
      assignments: row.assignments.map((a) => ({
        id: a.id,
        jurorId: a.jurorId,
        jurorName: a.jurorName,
        status: a.status,
        source: a.source,
        affinity: a.affinity,
        scoresheet: a.scoresheet,
        endReason: a.endReason,
      })),
    })),
    total,
    page,
  );
}

export function declarationsView(
  { items, total }: Result<'allDeclarations', JuryService>,
  page: Page,
): DeclarationPageDto {
  return pageOf(
    items.map((d) => declarationView(d)),
    total,
    page,
  );
}

function declarationView(d: Result<'allDeclarations', JuryService>['items'][number]): DeclarationDto {
  return {
    id: d.id,
    juror: d.juror,
    target: d.target,
    targetName: d.targetName,
    kind: d.kind,
    note: d.note,
    createdAt: d.createdAt,
  };
}

export function panelsView([rows, total]: Result<'panelsOf', JuryService>, page: Page): PanelPageDto {
  return pageOf(
    rows.map((p) => ({
      competitionId: p.competitionId,
      competitionTitle: p.competitionTitle,
      conflictsConfirmedAt: iso(p.conflictsConfirmedAt),
    })),
    total,
    page,
  );
}

export function jurorsView([rows, total]: Result<'list', JuryService>, page: Page): JurorPageDto {
  return pageOf(
    rows.map((j) => JurorDto.from(j)),
    total,
    page,
  );
}

export function conflictsView([rows, total]: Result<'declarations', JuryService>, page: Page): ConflictPageDto {
  return pageOf(
    rows.map((d) => ConflictDto.from(d)),
    total,
    page,
  );
}

export function confirmationView(member: Result<'confirm', JuryService>): ConfirmationDto {
  return { competitionId: member.competitionId, conflictsConfirmedAt: iso(member.conflictsConfirmedAt) };
}
