import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LocalizedText } from '../../common/i18n/localized-text';
import { ReturnOutcome } from './domain/returns';
import { ApplicationReturn } from './entities/application-return.entity';

export interface SnapshotVersion {
  version: number;
  content: Record<string, unknown>;
  createdAt: Date;
}

export interface ReturnReminder {
  id: string;
  applicationId: string;
  applicantId: string;
  reference: string;
  title: string;
  competitionTitle: LocalizedText;
  message: string;
  answerBy: Date;
}

/**
 * Returns for changes and the snapshot versions they lead to. Every date is compared here, in SQL,
 * with the server's clock; every close is a compare-and-set on the open return, so of a
 * resubmission and a lapse racing on one return exactly one closes it.
 */
@Injectable()
export class ApplicationReturnsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async now(em: EntityManager): Promise<Date> {
    const [row]: { now: Date }[] = await em.query('SELECT now() AS now');
    return row.now;
  }

  async insert(
    em: EntityManager,
    values: Pick<ApplicationReturn, 'applicationId' | 'version' | 'message' | 'answerBy' | 'returnedBy'>,
  ): Promise<ApplicationReturn> {
    return em.save(ApplicationReturn, em.create(ApplicationReturn, values));
  }

  /** True while the application has an open return whose date to answer by is still ahead. */
  async answerable(em: EntityManager, applicationId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      'SELECT 1 FROM application_returns WHERE application_id = $1 AND outcome IS NULL AND answer_by > now()',
      [applicationId],
    );
    return rows.length > 0;
  }

  /**
   * Closes the open return of the application with `outcome`, if it is still open and `when` holds
   * (`answerable`: its date is ahead; `due`: its date has come; `any`). Returns it, or null.
   */
  async close(
    em: EntityManager,
    applicationId: string,
    outcome: ReturnOutcome,
    when: 'answerable' | 'due' | 'any',
  ): Promise<{ id: string; answerBy: Date } | null> {
    const condition = { answerable: 'AND answer_by > now()', due: 'AND answer_by <= now()', any: '' }[when];
    const [rows]: [{ id: string; answerBy: Date }[], number] = await em.query(
      `UPDATE application_returns SET outcome = $2, closed_at = now()
        WHERE application_id = $1 AND outcome IS NULL ${condition}
        RETURNING id, answer_by AS "answerBy"`,
      [applicationId, outcome],
    );
    return rows[0] ?? null;
  }

  /**
   * Open returns whose date comes within `withinHours` (and is still ahead), made at least
   * `minAgeHours` ago, of active applicants, with what their reminder says.
   */
  async remindable(em: EntityManager, withinHours: number, minAgeHours: number): Promise<ReturnReminder[]> {
    return em.query(
      `SELECT r.id, r.application_id AS "applicationId", a.applicant_id AS "applicantId", a.reference, a.title,
              c.title AS "competitionTitle", r.message, r.answer_by AS "answerBy"
         FROM application_returns r
         JOIN applications a ON a.id = r.application_id
         JOIN competitions c ON c.id = a.competition_id
         JOIN users u ON u.id = a.applicant_id
        WHERE r.outcome IS NULL AND a.status = 'returned' AND u.active
          AND r.answer_by > now() AND r.answer_by <= now() + make_interval(hours => $1)
          AND r.returned_at <= now() - make_interval(hours => $2)
        ORDER BY r.answer_by, r.id`,
      [withinHours, minAgeHours],
    );
  }

  /** Applications whose open return's date has come, oldest first, at most `limit`. */
  async due(limit: number): Promise<string[]> {
    const rows: { applicationId: string }[] = await this.dataSource.query(
      `SELECT application_id AS "applicationId" FROM application_returns
        WHERE outcome IS NULL AND answer_by <= now() ORDER BY answer_by, id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.applicationId);
  }

  /** Every return of the application, oldest first. */
  async of(applicationId: string, em: EntityManager = this.dataSource.manager): Promise<ApplicationReturn[]> {
    return em.find(ApplicationReturn, { where: { applicationId }, order: { returnedAt: 'ASC', id: 'ASC' } });
  }

  /** The returns of several applications that are still open (one at most each). */
  async openOf(applicationIds: string[]): Promise<ApplicationReturn[]> {
    if (applicationIds.length === 0) return [];
    return this.dataSource
      .getRepository(ApplicationReturn)
      .createQueryBuilder('r')
      .where('r.application_id = ANY(:ids) AND r.outcome IS NULL', { ids: applicationIds })
      .getMany();
  }

  async latestVersion(em: EntityManager, applicationId: string): Promise<number> {
    const [row]: { version: number }[] = await em.query(
      'SELECT coalesce(max(version), 0)::int AS version FROM application_snapshot_versions WHERE application_id = $1',
      [applicationId],
    );
    return row.version;
  }

  async versions(applicationId: string): Promise<SnapshotVersion[]> {
    return this.dataSource.query(
      `SELECT version, content, created_at AS "createdAt" FROM application_snapshot_versions
        WHERE application_id = $1 ORDER BY version`,
      [applicationId],
    );
  }
}
