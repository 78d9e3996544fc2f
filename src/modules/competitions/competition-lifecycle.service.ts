import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { SCHEDULED_JOBS } from '../../queue/queues';
import { Scheduled } from '../../queue/scheduled';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/domain/audit-actions';
import { Outbox } from '../notifications/outbox.service';
import { CompetitionStatusService, CompetitionMove } from './competition-status.service';
import { CompetitionErrors } from './competitions.errors';
import { CompetitionsRepository } from './competitions.repository';
import { competitionAuditView, rulesOf } from './competition-view';
import { openingProblems } from './domain/competition-rules';
import { Competition } from './entities/competition.entity';

/** Audit actions are past tense (competition.opened); the status `open` is not. */
const MOVE_AUDIT_ACTION = { open: 'competition.opened', close: 'competition.closed' } as const satisfies Partial<
  Record<CompetitionMove, AuditAction>
>;

/** Moves competitions through their lifecycle with compare-and-set updates, each audited. */
@Injectable()
export class CompetitionLifecycleService {
  private readonly logger = new Logger(CompetitionLifecycleService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly status: CompetitionStatusService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Checks every rule against the server clock and freezes them by leaving `draft`. Eligibility by
   * district is resolved to its villages now: from here on eligibleVillageIds is the full list.
   */
  async open(actorId: string, id: string): Promise<Competition> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.competitions.lock(em, id);
      if (!before) throw new DomainError(CompetitionErrors.NOT_FOUND);
      if (before.status !== 'draft')
        throw new DomainError(CompetitionErrors.WRONG_STATUS, { status: before.status, action: 'open' });
      const rules = rulesOf(before);
      const eligible = await this.competitions.resolveEligibleVillages(
        em,
        rules.eligibleVillageIds,
        rules.eligibleDistrictIds,
      );
      const withPlan = await this.competitions.countWithAdoptedPlan(em, eligible);
      const problems = openingProblems(rules, new Set(eligible), await this.competitions.serverNow(em), withPlan);
      if (problems.length > 0) throw new DomainError(CompetitionErrors.NOT_READY_TO_OPEN, { fields: problems });
      await this.competitions.freezeEligibleVillages(em, id, eligible);
      await this.announce(em, before, eligible);
      return this.move(em, actorId, before, 'open');
    });
  }

  /** Tells every applicant whose home village is eligible, in the transaction that opens it. */
  private async announce(em: EntityManager, competition: Competition, villageIds: string[]): Promise<void> {
    const applicants = await this.competitions.applicantsInVillages(em, villageIds);
    await this.outbox.addMany(
      em,
      applicants.map((applicant) => ({
        recipientId: applicant.id,
        type: 'competition.opened',
        data: {
          competitionId: competition.id,
          competitionTitle: competition.title,
          villageName: applicant.villageName,
          opensAt: competition.opensAt.toISOString(),
          closesAt: competition.closesAt.toISOString(),
          minAward: competition.minAward.toString(),
          maxAward: competition.maxAward.toString(),
        },
        dedupeKey: `competition.opened:${competition.id}:${applicant.id}`,
      })),
    );
  }

  async close(actorId: string, id: string): Promise<Competition> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.competitions.lock(em, id);
      if (!before) throw new DomainError(CompetitionErrors.NOT_FOUND);
      return this.move(em, actorId, before, 'close');
    });
  }

  @Scheduled({ job: SCHEDULED_JOBS.closeDueCompetitions, every: (config) => config.competitionCloseEveryMs })
  async closeDueOnSchedule(): Promise<{ closed: string[] }> {
    return { closed: await this.closeDue() };
  }

  /** Run by the worker's schedule: closes every open competition past `closesAt`, as the system. */
  async closeDue(): Promise<string[]> {
    const closed = await this.dataSource.transaction(async (em) => {
      const ids = await this.competitions.closeDue(em);
      for (const id of ids) {
        await this.audit.record(em, {
          actorId: null,
          action: 'competition.closed',
          entityType: 'competition',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'closed', reason: 'deadline passed' },
        });
      }
      return ids;
    });
    if (closed.length > 0) this.logger.log({ competitions: closed }, 'Closed competitions past their deadline');
    return closed;
  }

  private async move(
    em: EntityManager,
    actorId: string,
    before: Competition,
    action: keyof typeof MOVE_AUDIT_ACTION,
  ): Promise<Competition> {
    await this.status.move(em, before.id, action);
    return this.audit.recordReloaded(em, {
      actorId,
      action: MOVE_AUDIT_ACTION[action],
      entityType: 'competition',
      entityId: before.id,
      before: { status: before.status },
      reload: (tx) => this.competitions.findById(before.id, tx),
      after: (after) => (action === 'open' ? competitionAuditView(after) : { status: after.status }),
    });
  }
}
