import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { AuditService } from '../audit/audit.service';
import { Outbox } from '../notifications/outbox.service';
import { applicationAuditView } from './application-drafts.service';
import { ApplicationReturnsRepository } from './application-returns.repository';
import { ApplicationStatusService } from './application-status.service';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import { RETURN_LAPSED_REASON, returnProblems } from './domain/returns';
import { Application } from './entities/application.entity';

export interface ReturnInput {
  message: string;
  /** Null when the caller could not read one: refused as missing. */
  answerBy: Date | null;
}

/** How many lapses one run of the schedule handles; the next run takes the rest. */
const LAPSE_BATCH = 500;

/**
 * One reminder per return, when its date is two days or less ahead, so nobody loses an
 * application by forgetting it; not to a return made in the last day (its own mail is fresh).
 */
export const RETURN_REMINDER = { withinHours: 48, minAgeHours: 24 } as const;

/**
 * Return for changes (DESIGN.md section 3): a manager sends a submitted application back to its
 * applicant with a message and a date to answer by; an unanswered return lapses at its date and
 * the application is withdrawn. The resubmission itself is a submission (ApplicationSubmissionService).
 */
@Injectable()
export class ApplicationReturnsService {
  private readonly logger = new Logger(ApplicationReturnsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly returns: ApplicationReturnsRepository,
    private readonly status: ApplicationStatusService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the message and the date against the server's clock, then in one transaction: moves the
   * application from `submitted` to `returned` (the row lock and the compare-and-set make two
   * managers returning at once one return and one 409), records the return, mails the applicant
   * through the outbox and writes the audit event.
   */
  async returnForChanges(actor: AuthUser, id: string, input: ReturnInput): Promise<Application> {
    return this.dataSource.transaction(async (em) => {
      const problems = returnProblems(input, await this.returns.now(em));
      if (problems.length > 0) throw new DomainError(E.RETURN_INVALID, { fields: problems });
      const before = await this.applications.lock(em, id);
      if (!before) throw new DomainError(E.NOT_FOUND);
      await this.status.move(em, { applicationId: id, move: 'return_for_changes', actorId: actor.id });
      const answerBy = input.answerBy as Date;
      const version = await this.returns.latestVersion(em, id);
      const returned = await this.returns.insert(em, {
        applicationId: id,
        version,
        message: input.message.trim(),
        answerBy,
        returnedBy: actor.id,
      });
      const competition = await this.applications.competition(em, before.competitionId);
      await this.outbox.add(em, {
        recipientId: before.applicantId,
        type: 'application.returned',
        data: {
          applicationId: id,
          reference: before.reference ?? '',
          applicationTitle: before.title,
          competitionTitle: competition?.title ?? '',
          message: returned.message,
          answerBy: answerBy.toISOString(),
        },
        dedupeKey: `application.returned:${returned.id}`,
      });
      return this.audit.recordReloaded(em, {
        actorId: actor.id,
        action: 'application.returned',
        entityType: 'application',
        entityId: id,
        before: applicationAuditView(before),
        reload: (tx) => this.applications.findFull(id, tx),
        after: (after) => ({ ...applicationAuditView(after), returnId: returned.id, version, answerBy }),
      });
    });
  }

  @Scheduled({ job: SCHEDULED_JOBS.lapseReturns, every: (config) => config.returnLapseEveryMs })
  async lapseDueOnSchedule(): Promise<{ reminded: number; lapsed: number }> {
    const reminded = await this.remindDue();
    return { reminded, lapsed: (await this.lapseDue()).length };
  }

  /**
   * Run by the worker's schedule: every open return whose date comes within two days gets one
   * reminder mail (the outbox's dedupe key on the return makes a second run, or a second worker,
   * write nothing). Returns how many were written.
   */
  async remindDue(): Promise<number> {
    const written = await this.dataSource.transaction(async (em) => {
      const due = await this.returns.remindable(em, RETURN_REMINDER.withinHours, RETURN_REMINDER.minAgeHours);
      return this.outbox.addMany(
        em,
        due.map((r) => ({
          recipientId: r.applicantId,
          type: 'application.return_reminder' as const,
          data: {
            applicationId: r.applicationId,
            reference: r.reference,
            applicationTitle: r.title,
            competitionTitle: r.competitionTitle,
            message: r.message,
            answerBy: r.answerBy.toISOString(),
          },
          dedupeKey: `application.return_reminder:${r.id}`,
        })),
      );
    });
    if (written > 0) this.logger.log({ reminders: written }, 'Return reminders written');
    return written;
  }

  /** Run by the worker's schedule: every return whose date has come lapses, each in its own transaction. */
  async lapseDue(): Promise<string[]> {
    const lapsed: string[] = [];
    for (const id of await this.returns.due(LAPSE_BATCH)) if (await this.lapse(id)) lapsed.push(id);
    if (lapsed.length > 0) this.logger.log({ lapsed: lapsed.length }, 'Returns for changes lapsed');
    return lapsed;
  }

  /**
   * One application's return lapses, if it is still open and its date has come (compared in SQL):
   * the application is withdrawn with the reason RETURN_LAPSED_REASON, the applicant is told why.
   * The row lock orders it with a resubmission; the compare-and-set on the open return makes
   * exactly one of them win. False when there was nothing to lapse.
   */
  async lapse(applicationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.applications.lock(em, applicationId);
      if (!before || before.status !== 'returned') return false;
      const closed = await this.returns.close(em, applicationId, 'lapsed', 'due');
      if (!closed) return false;
      await this.status.move(
        em,
        { applicationId, move: 'lapse_return', actorId: null, reason: RETURN_LAPSED_REASON },
        { withdrawnAt: new Date(), withdrawReason: RETURN_LAPSED_REASON },
      );
      const competition = await this.applications.competition(em, before.competitionId);
      await this.outbox.add(em, {
        recipientId: before.applicantId,
        type: 'application.return_lapsed',
        data: {
          applicationId,
          reference: before.reference ?? '',
          applicationTitle: before.title,
          competitionTitle: competition?.title ?? '',
          answerBy: closed.answerBy.toISOString(),
        },
        dedupeKey: `application.return_lapsed:${closed.id}`,
      });
      await this.audit.recordReloaded(em, {
        actorId: null,
        action: 'application.return_lapsed',
        entityType: 'application',
        entityId: applicationId,
        before: applicationAuditView(before),
        reload: (tx) => this.applications.findFull(applicationId, tx),
        after: (after) => ({ ...applicationAuditView(after), returnId: closed.id }),
      });
      return true;
    });
  }
}
