import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { LocalizedText, localizedTextProblems } from '../../common/i18n/localized-text';
import { AuditService } from '../audit/audit.service';
import { AwardErrors as E } from './awards.errors';
import { AwardsRepository } from './awards.repository';
import { AwardStatus } from './domain/award-status';
import { MAX_TRANCHE_LABEL, scheduleProblems } from './domain/tranches';
import { MilestoneReportsRepository } from './milestone-reports.repository';
import { TranchesRepository } from './tranches.repository';

/** Before the grantee accepts, the schedule may change; after that it is what they signed. */
export const SCHEDULE_EDITABLE: readonly AwardStatus[] = ['proposed', 'approved'];

/**
 * A manager edits the amounts of an award's tranches (rule 8: they add up to the award exactly),
 * and, when given, their labels in kk, ru and en.
 * The award row is locked, so an edit and the grantee's acceptance take turns; the deferred
 * trigger behind CK_awards_tranches_sum checks the sum again when the transaction commits.
 */
@Injectable()
export class TrancheScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsRepository,
    private readonly tranches: TranchesRepository,
    private readonly schedules: MilestoneReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async reschedule(actorId: string, awardId: string, amounts: bigint[], labels?: LocalizedText[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const award = await this.awards.lock(em, awardId);
      if (!award) throw new DomainError(E.AWARD_NOT_FOUND);
      if (!SCHEDULE_EDITABLE.includes(award.status)) throw new DomainError(E.SCHEDULE_FROZEN, { status: award.status });
      const tranches = await this.tranches.tranches([awardId], em);
      if (amounts.length !== tranches.length) {
        throw new DomainError(E.INVALID_SCHEDULE, {
          fields: [
            { field: 'amounts', problems: [`the award has ${tranches.length} tranches; send one amount for each`] },
          ],
        });
      }
      const problems = [...scheduleProblems(award.amount, amounts), ...labelProblems(labels, tranches.length)];
      if (problems.length) throw new DomainError(E.INVALID_SCHEDULE, { fields: problems });
      const written = await this.schedules.setTrancheAmounts(
        em,
        awardId,
        tranches.map((t) => t.id),
        amounts,
      );
      const labelled = labels
        ? await this.schedules.setTrancheLabels(
            em,
            awardId,
            tranches.map((t) => t.id),
            labels,
          )
        : tranches.length;
      if (written !== tranches.length || labelled !== tranches.length)
        throw new DomainError(E.TRANCHE_WRONG_STATUS, { statuses: tranches.map((t) => t.status) });
      await this.audit.record(em, {
        actorId,
        action: 'award.schedule_changed',
        entityType: 'award',
        entityId: awardId,
        before: {
          amounts: tranches.map((t) => t.amount.toString()),
          ...(labels ? { labels: tranches.map((t) => t.label) } : {}),
        },
        after: { amounts: amounts.map((a) => a.toString()), ...(labels ? { labels } : {}) },
      });
    });
  }
}

/** Labels, when given: one per tranche, each a text in at least one of kk, ru, en (`labels.1` is tranche 2). */
function labelProblems(labels: LocalizedText[] | undefined, count: number): { field: string; problems: string[] }[] {
  if (!labels) return [];
  if (labels.length !== count)
    return [{ field: 'labels', problems: [`the award has ${count} tranches; send one label for each`] }];
  return labels.flatMap((label, i) => {
    const problems = localizedTextProblems(label, `labels.${i}`, MAX_TRANCHE_LABEL);
    return problems.length ? [{ field: `labels.${i}`, problems }] : [];
  });
}
