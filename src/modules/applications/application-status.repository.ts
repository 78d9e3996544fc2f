import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationStatus } from './domain/application-status';
import { ApplicationStatusChange } from './entities/application-status-change.entity';
import { Application } from './entities/application.entity';

/** One step of the lifecycle as its history row tells it. */
export interface StatusStep {
  from: ApplicationStatus;
  to: ApplicationStatus;
  actorId: string | null;
  reason: string | null;
}

/** The columns the applications module's own steps set beside the status. */
export type MoveColumns = Partial<
  Pick<
    Application,
    | 'reference'
    | 'referenceNumber'
    | 'submittedAt'
    | 'withdrawnAt'
    | 'withdrawReason'
    | 'screeningReason'
    | 'screeningNote'
    | 'screenedBy'
    | 'screenedAt'
  >
>;

/** Applications' statuses and their history: the only SQL that changes an application's status. */
@Injectable()
export class ApplicationStatusRepository {
  constructor(private readonly dataSource: DataSource) {}

  async statusOf(em: EntityManager, id: string): Promise<ApplicationStatus | null> {
    const rows: { status: ApplicationStatus }[] = await em.query('SELECT status FROM applications WHERE id = $1', [id]);
    return rows[0]?.status ?? null;
  }

  /**
   * Compare-and-set on status with the columns that go with the step, and the step's history row;
   * false if someone else moved it first.
   */
  async move(em: EntityManager, id: string, step: StatusStep, set: MoveColumns = {}): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(Application)
      .set({ ...set, status: step.to })
      .where('id = :id AND status = :from', { id, from: step.from })
      .execute();
    if (result.affected !== 1) return false;
    await this.recordStatusChange(em, {
      applicationId: id,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: step.actorId,
      reason: step.reason,
    });
    return true;
  }

  /**
   * The set-based move: every application of `which` still in `step.from`, in one statement with
   * their history rows, however many (a national call has 100,000). Rows are locked in id order, so
   * two such moves over the same applications never deadlock: the second waits, then finds them
   * moved and leaves them. Returns the ids it moved.
   */
  async moveMany(
    em: EntityManager,
    which: { ids: string[] } | { competitionId: string },
    step: StatusStep,
  ): Promise<string[]> {
    const [where, param] =
      'ids' in which ? ['id = ANY($5::uuid[])', which.ids] : ['competition_id = $5', which.competitionId];
    const rows: { id: string }[] = await em.query(
      `WITH target AS (
         SELECT id FROM applications WHERE status = $1 AND ${where} ORDER BY id FOR NO KEY UPDATE
       ), moved AS (
         UPDATE applications a SET status = $2, updated_at = now() FROM target t WHERE a.id = t.id AND a.status = $1 RETURNING a.id
       )
       INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, reason)
       SELECT id, $1, $2, $3, $4 FROM moved RETURNING application_id AS id`,
      [step.from, step.to, step.actorId, step.reason, param],
    );
    return rows.map((r) => r.id);
  }

  async recordStatusChange(
    em: EntityManager,
    change: Pick<ApplicationStatusChange, 'applicationId' | 'fromStatus' | 'toStatus' | 'actorId' | 'reason'>,
  ): Promise<void> {
    await em.insert(ApplicationStatusChange, change);
  }

  async history(applicationId: string, limit: number, offset: number): Promise<[ApplicationStatusChange[], number]> {
    return this.dataSource.manager.findAndCount(ApplicationStatusChange, {
      where: { applicationId },
      order: { at: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
