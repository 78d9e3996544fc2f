import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Imported affinities: what an affinity file may name, and the scores it sets for a round. */
@Injectable()
export class AffinitiesRepository {
  async importedAffinities(
    em: EntityManager,
    roundId: string,
  ): Promise<{ applicationId: string; jurorId: string; score: number }[]> {
    return em.query(
      'SELECT application_id AS "applicationId", juror_id AS "jurorId", score FROM imported_affinities WHERE round_id = $1',
      [roundId],
    );
  }

  /** What an affinity file may name: the competition's submitted applications (by id or reference) and its panel (by id or email). */
  async applicationReferences(
    em: EntityManager,
    competitionId: string,
  ): Promise<{ id: string; reference: string | null }[]> {
    return em.query(
      `SELECT id, reference FROM applications WHERE competition_id = $1 AND status NOT IN ('draft', 'withdrawn')`,
      [competitionId],
    );
  }

  async panelEmails(em: EntityManager, competitionId: string): Promise<{ id: string; email: string }[]> {
    return em.query(
      'SELECT u.id, u.email FROM competition_jurors j JOIN users u ON u.id = j.user_id WHERE j.competition_id = $1',
      [competitionId],
    );
  }

  async replaceImportedAffinities(
    em: EntityManager,
    roundId: string,
    rows: { applicationId: string; jurorId: string; score: number }[],
  ): Promise<void> {
    await em.query('DELETE FROM imported_affinities WHERE round_id = $1', [roundId]);
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO imported_affinities (round_id, application_id, juror_id, score)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[])`,
      [roundId, rows.map((r) => r.applicationId), rows.map((r) => r.jurorId), rows.map((r) => r.score)],
    );
  }
}
