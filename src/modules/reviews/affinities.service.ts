import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AffinitiesRepository } from './affinities.repository';
import { AssignmentsRepository } from './assignments.repository';
import { parseAffinityCsv } from './domain/jury/affinity-csv';
import { ReviewErrors as E } from './reviews.errors';
import { RoundsRepository } from './rounds.repository';

/** Imported affinities of a round: replaced as a whole, every line checked, nothing stored on any problem. */
@Injectable()
export class AffinitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly affinities: AffinitiesRepository,
    private readonly audit: AuditService,
  ) {}

  async replace(actorId: string, roundId: string, csv: string): Promise<{ imported: number }> {
    const { lines, problems } = parseAffinityCsv(csv);
    if (problems.length) throw new DomainError(E.INVALID_AFFINITIES, { fields: problems.slice(0, 100) });
    return this.dataSource.transaction(async (em) => {
      await this.assignments.lockRoundAssignments(em, roundId);
      const round = await this.rounds.shareLock(em, roundId);
      if (!round) throw new DomainError(E.ROUND_NOT_FOUND);
      if (round.status !== 'draft' && round.status !== 'open')
        throw new DomainError(E.WRONG_STATUS, { status: round.status });
      const applications = await this.affinities.applicationReferences(em, round.competitionId);
      const jurors = await this.affinities.panelEmails(em, round.competitionId);
      const application = new Map<string, string>();
      for (const a of applications) {
        application.set(a.id, a.id);
        if (a.reference) application.set(a.reference.toLowerCase(), a.id);
      }
      const juror = new Map<string, string>();
      for (const j of jurors) juror.set(j.id, j.id).set(j.email.toLowerCase(), j.id);
      const unknown: { field: string; problems: string[] }[] = [];
      const rows = lines.flatMap((l) => {
        const applicationId = application.get(l.application.toLowerCase());
        const jurorId = juror.get(l.juror.toLowerCase());
        if (!applicationId)
          unknown.push({ field: `csv.line${l.line}`, problems: ['no such application in this competition'] });
        if (!jurorId) unknown.push({ field: `csv.line${l.line}`, problems: ['no such juror on this panel'] });
        return applicationId && jurorId ? [{ applicationId, jurorId, score: l.score }] : [];
      });
      if (unknown.length) throw new DomainError(E.INVALID_AFFINITIES, { fields: unknown.slice(0, 100) });
      const distinct = new Set(rows.map((r) => `${r.applicationId}:${r.jurorId}`));
      if (distinct.size !== rows.length)
        throw new DomainError(E.INVALID_AFFINITIES, {
          fields: [{ field: 'csv', problems: ['a pair appears twice (by id and by reference or email)'] }],
        });
      await this.affinities.replaceImportedAffinities(em, round.id, rows);
      await this.audit.record(em, {
        actorId,
        action: 'affinities.imported',
        entityType: 'review_round',
        entityId: round.id,
        after: { pairs: rows.length },
      });
      return { imported: rows.length };
    });
  }
}
