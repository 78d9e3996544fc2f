import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RoundMethod } from './domain/rounds/round-method';
import { RoundStatus } from './domain/rounds/round-status';
import { ReviewRound } from './entities/review-round.entity';

export interface RoundCompetition {
  id: string;
  status: string;
  title: string;
  budget: bigint;
}

/** Rounds, and which applications take part in them. */
@Injectable()
export class RoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async competition(em: EntityManager, id: string): Promise<RoundCompetition | null> {
    const rows: { id: string; status: string; title: string; budget: string }[] = await em.query(
      'SELECT id, status, title, budget FROM competitions WHERE id = $1',
      [id],
    );
    return rows[0] ? { ...rows[0], budget: BigInt(rows[0].budget) } : null;
  }

  /** Rounds of a competition are numbered in the order they are created; the competition row orders concurrent creations. */
  async nextPosition(em: EntityManager, competitionId: string): Promise<number> {
    await em.query('SELECT 1 FROM competitions WHERE id = $1 FOR NO KEY UPDATE', [competitionId]);
    const [row]: { next: number }[] = await em.query(
      'SELECT COALESCE(max(position), 0) + 1 AS next FROM review_rounds WHERE competition_id = $1',
      [competitionId],
    );
    return row.next;
  }

  async insert(
    em: EntityManager,
    values: Pick<ReviewRound, 'competitionId' | 'position' | 'name' | 'method' | 'deadline' | 'createdBy'>,
  ): Promise<ReviewRound> {
    const { identifiers } = await em.insert(ReviewRound, values);
    return (await this.find(identifiers[0].id as string, em))!;
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<ReviewRound | null> {
    return em.findOne(ReviewRound, { where: { id } });
  }

  async lock(em: EntityManager, id: string): Promise<ReviewRound | null> {
    return em
      .getRepository(ReviewRound)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Holds the round's status steady while a scoresheet or assignment changes: closing waits for it, and it sees the result. */
  async shareLock(em: EntityManager, id: string): Promise<ReviewRound | null> {
    return em
      .getRepository(ReviewRound)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_read')
      .getOne();
  }

  /**
   * The latest rounds of other competitions whose method a new round may start from: opened or
   * later (a method that was published), newest first, with their competition's title.
   */
  async recentElsewhere(
    competitionId: string,
    limit: number,
  ): Promise<{ id: string; name: string; position: number; competitionTitle: LocalizedText }[]> {
    return this.dataSource.query(
      `SELECT r.id, r.name, r.position, c.title AS "competitionTitle"
         FROM review_rounds r JOIN competitions c ON c.id = r.competition_id
        WHERE r.competition_id <> $1 AND r.status <> 'draft'
        ORDER BY r.created_at DESC, r.id LIMIT $2`,
      [competitionId, limit],
    );
  }

  async listByCompetition(
    competitionId: string,
    statuses: RoundStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<[ReviewRound[], number]> {
    const qb = this.dataSource.manager
      .getRepository(ReviewRound)
      .createQueryBuilder('r')
      .where('r.competition_id = :competitionId', { competitionId });
    if (statuses) qb.andWhere('r.status IN (:...statuses)', { statuses });
    return qb.orderBy('r.position', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  async changeableRoundIds(em: EntityManager, competitionId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM review_rounds WHERE competition_id = $1 AND status IN ('draft', 'open') ORDER BY id`,
      [competitionId],
    );
    return rows.map((r) => r.id);
  }

  async previous(em: EntityManager, round: ReviewRound): Promise<ReviewRound | null> {
    return em.findOne(ReviewRound, { where: { competitionId: round.competitionId, position: round.position - 1 } });
  }

  async updateDraft(
    em: EntityManager,
    id: string,
    values: { name?: string; deadline?: Date; method?: RoundMethod },
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(ReviewRound)
      .set({ ...values, updatedAt: () => 'now()' })
      .where('id = :id AND status = :status', { id, status: 'draft' })
      .execute();
    return result.affected === 1;
  }

  /** Compare-and-set: zero rows means someone else moved it first. */
  async transition(
    em: EntityManager,
    id: string,
    from: RoundStatus,
    to: RoundStatus,
    set: { seed?: string; summary?: Record<string, unknown> } = {},
  ): Promise<boolean> {
    const stamp = {
      draft: '',
      open: ', opened_at = now()',
      closed: ', closed_at = now()',
      finalized: ', finalized_at = now()',
    }[to];
    const [, count]: [unknown, number] = await em.query(
      `UPDATE review_rounds SET status = $3, seed = COALESCE($4, seed), summary = COALESCE($5::jsonb, summary), updated_at = now()${stamp}
        WHERE id = $1 AND status = $2`,
      [id, from, to, set.seed ?? null, set.summary ? JSON.stringify(set.summary) : null],
    );
    return count === 1;
  }

  async markFinalizeRequested(em: EntityManager, id: string): Promise<void> {
    await em.query(
      'UPDATE review_rounds SET finalize_requested_at = COALESCE(finalize_requested_at, now()) WHERE id = $1',
      [id],
    );
  }

  /** Rounds whose finalizing was asked for over a minute ago and has not happened: Redis may have lost the job. */
  async staleFinalizeRequests(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM review_rounds WHERE status = 'closed' AND finalize_requested_at < now() - interval '1 minute'`,
    );
    return rows.map((r) => r.id);
  }

  async isBeforeNow(em: EntityManager, at: Date): Promise<boolean> {
    const [row]: { past: boolean }[] = await em.query('SELECT $1::timestamptz <= now() AS past', [at]);
    return row.past;
  }

  /** The applications a finalized round advanced. */
  async advancedIn(em: EntityManager, roundId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      'SELECT application_id AS id FROM round_results WHERE round_id = $1 AND advanced ORDER BY application_id',
      [roundId],
    );
    return rows.map((r) => r.id);
  }

  /** Who takes part in the round, fixed as it opens. */
  async addApplications(em: EntityManager, roundId: string, applicationIds: string[]): Promise<void> {
    await em.query('INSERT INTO round_applications (round_id, application_id) SELECT $1, unnest($2::uuid[])', [
      roundId,
      applicationIds,
    ]);
  }
}
