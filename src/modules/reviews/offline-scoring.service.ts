import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { Language } from '../../common/i18n/language';
import { LocalizedText, pickText } from '../../common/i18n/localized-text';
import { IncomingFile } from '../stored-files/incoming-file';
import { UsersQueryService } from '../users/users-query.service';
import { jurorMay } from './domain/rounds/round-status';
import { checkOfflineForm } from './domain/offline/offline-check';
import { OfflineAssignment, renderOfflineForm } from './domain/offline/offline-form';
import { OfflineProblem, parseOfflineForm } from './domain/offline/offline-parse';
import { AssignmentViewDto } from './dto/workspace.dto';
import { ReviewErrors as E } from './reviews.errors';
import { WorkspaceService } from './workspace.service';

export interface OfflineOverview {
  roundId: string;
  roundName: string;
  deadline: Date;
  /** Whether the round takes scores now (an upload is refused otherwise). */
  open: boolean;
  assignments: number;
  submitted: number;
  /** To name a criterion in a problem the way the rubric does. */
  criteria: { code: string; title: LocalizedText }[];
}

/** Larger than any round's form is likely to be (a hundred applications with long descriptions). */
export const OFFLINE_FORM_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Scoring without a connection: a juror downloads the round's assignments and scoresheets as one
 * text file (domain/offline), fills it in, and uploads it. The upload stores the whole file or
 * nothing: every problem comes back with its line, and the sheets are saved in one transaction
 * through the same save as the scoring page, so every rule of a scoresheet holds here too.
 */
@Injectable()
export class OfflineScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceService,
    private readonly users: UsersQueryService,
  ) {}

  /** What the offline page says about the round: its name, deadline, whether it takes scores, my progress. */
  async overview(jurorId: string, roundId: string): Promise<OfflineOverview> {
    const { round, items } = await this.workspace.list(jurorId, roundId);
    return {
      roundId: round.id,
      roundName: round.name,
      deadline: round.deadline,
      open: jurorMay('score', round.status),
      assignments: items.length,
      submitted: items.filter((i) => i.scoresheet === 'submitted').length,
      criteria: round.method.criteria.map((c) => ({ code: c.code, title: c.title })),
    };
  }

  /** The form in the juror's preferred language; `fallback` (the request's) when the account names none. */
  async form(jurorId: string, roundId: string, fallback: Language): Promise<{ filename: string; text: string }> {
    const { round, items } = await this.workspace.list(jurorId, roundId);
    const language = (await this.users.preferredLanguageOf(jurorId)) ?? fallback;
    const assignments: OfflineAssignment[] = [];
    for (const item of items) {
      const view = await this.workspace.view(jurorId, item.id);
      // The JSON view decides what a juror may read (no identity in a blind round); the form shows the same.
      const { application, scoresheet } = AssignmentViewDto.from(view);
      const named = 'applicantName' in application ? application : undefined;
      assignments.push({
        id: item.id,
        hasFiles: view.attachments.length > 0,
        proposal: {
          title: application.title,
          summary: application.summary,
          description: application.description,
          sector: application.sector,
          villageName: pickText(application.villageName, language),
          goals: application.goals.map((g) => ({
            code: g.code,
            title: pickText(g.title, language),
            contribution: g.contribution,
          })),
          requestedAmount: BigInt(application.requestedAmount),
          ownContribution: BigInt(application.ownContribution),
          budgetLines: (application.budgetLines as Record<string, unknown>[]).map((line) => ({
            category: String(line.category ?? ''),
            description: String(line.description ?? ''),
            amount: BigInt(String(line.amount ?? '0')),
            source: String(line.source ?? ''),
          })),
          jobsCreated: application.jobsCreated,
          reference: named?.reference,
          applicantName: named?.applicantName,
        },
        sheet:
          scoresheet && scoresheet.status !== 'withdrawn'
            ? {
                scores: scoresheet.scores,
                comments: scoresheet.comments,
                comment: scoresheet.comment,
                submitted: scoresheet.status === 'submitted',
              }
            : null,
      });
    }
    const text = renderOfflineForm(
      {
        roundId: round.id,
        roundName: round.name,
        deadline: round.deadline,
        criteria: round.method.criteria.map((c) => ({
          code: c.code,
          title: pickText(c.title, language),
          description: pickText(c.description, language),
          weight: c.weight,
          max: c.max,
          min: c.min,
          descriptors: c.descriptors.map((d) => pickText(d, language)),
        })),
        assignments,
      },
      language,
    );
    return { filename: `scoresheets-${round.id.slice(0, 8)}.txt`, text };
  }

  /** Stores every sheet of the file, or none; returns how many were saved and submitted. */
  async upload(
    jurorId: string,
    roundId: string,
    file: IncomingFile | undefined,
  ): Promise<{ saved: number; submitted: number }> {
    // Whose round it is comes first: to anyone off the panel it does not exist, whatever they send.
    const { round, items } = await this.workspace.list(jurorId, roundId);
    if (!jurorMay('score', round.status)) throw new DomainError(E.ROUND_NOT_OPEN, { status: round.status });
    if (!file || file.bytes.length === 0) throw new DomainError(E.OFFLINE_FORM_INVALID, { problems: [notAForm] });
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
    const { sheets, problems } = checkOfflineForm(parseOfflineForm(text), {
      roundId: round.id,
      criteria: round.method.criteria,
      assignmentIds: new Set(items.map((i) => i.id)),
    });
    if (problems.length) throw new DomainError(E.OFFLINE_FORM_INVALID, { problems });
    await this.dataSource.transaction(async (em) => {
      for (const sheet of sheets) {
        try {
          await this.workspace.saveIn(em, jurorId, sheet.assignmentId, sheet);
        } catch (error) {
          // Checked above, so only a change since (a recusal, the round closing) lands here: name its section.
          if (!(error instanceof DomainError)) throw error;
          const problem: OfflineProblem = {
            line: sheet.line,
            problem: 'not_editable',
            assignmentId: sheet.assignmentId,
          };
          throw new DomainError(E.OFFLINE_FORM_INVALID, { problems: [problem], cause: error.code });
        }
      }
    });
    return { saved: sheets.length, submitted: sheets.filter((s) => s.submit).length };
  }
}

const notAForm: OfflineProblem = { line: 1, problem: 'not_a_form' };
