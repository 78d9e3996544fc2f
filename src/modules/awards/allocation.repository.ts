import { LocalizedText } from '../../common/i18n/localized-text';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AwardRules } from '../competitions/domain/award-rules';
import { AwardStatus } from './domain/award-status';
import { Holding } from './domain/proposal-budget';

export interface AwardCompetition {
  id: string;
  title: string;
  status: string;
  budget: bigint;
  maxAward: bigint;
  awardRules: AwardRules;
}

export interface FinalRound {
  id: string;
  position: number;
  status: string;
  name: string;
  calibratedDecides: boolean;
}

/** One application of the final round, with what allocating it needs and what publishing it shows. */
export interface RankedApplication {
  applicationId: string;
  reference: string;
  applicationStatus: string;
  villageId: string;
  villageName: LocalizedText;
  districtId: string;
  districtName: LocalizedText;
  requested: bigint;
  rank: number | null;
  advanced: boolean;
  roundReason: string;
  gatesFailed: string[];
  official: number | null;
  calibrated: number | null;
  /** Mean score on the round's priority criterion: the first tie-break. */
  priorityMean: number | null;
  liveAwardId: string | null;
  liveAwardAmount: bigint | null;
  liveAwardStatus: AwardStatus | null;
  /** A declined or cancelled award and no live one: the application is out of the allocation. */
  lostAwardStatus: 'declined' | 'cancelled' | null;
  /** With no live award: what was paid on its cancelled awards, which they still hold (DESIGN.md section 7). */
  lostAwardHolds: bigint;
}

/**
 * What allocating awards reads (the competition, its final round's ranking, its envelopes) and what
 * the competition's awards hold in those envelopes.
 */
@Injectable()
export class AllocationRepository {
  async competition(em: EntityManager, id: string, lock = false): Promise<AwardCompetition | null> {
    const rows: {
      id: string;
      title: string;
      status: string;
      budget: string;
      maxAward: string;
      awardRules: AwardRules;
    }[] = await em.query(
      `SELECT id, title, status, budget, max_award AS "maxAward", award_rules AS "awardRules" FROM competitions WHERE id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? { ...rows[0], budget: BigInt(rows[0].budget), maxAward: BigInt(rows[0].maxAward) } : null;
  }

  /** The competition's last round: awards are decided on its ranking once it is finalized. */
  async finalRound(em: EntityManager, competitionId: string): Promise<FinalRound | null> {
    const rows: FinalRound[] = await em.query(
      `SELECT id, position, status, name, coalesce((summary->>'calibratedDecides')::boolean, false) AS "calibratedDecides"
         FROM review_rounds WHERE competition_id = $1 ORDER BY position DESC LIMIT 1`,
      [competitionId],
    );
    return rows[0] ?? null;
  }

  async roundPriorityCriterion(em: EntityManager, roundId: string): Promise<string> {
    const [row]: { priority: string }[] = await em.query(
      `SELECT method->>'priorityCriterion' AS priority FROM review_rounds WHERE id = $1`,
      [roundId],
    );
    return row.priority;
  }

  /** The final round's results with their applications and awards: one read, in rank order, joined by hash (linear in the round). */
  async rankedApplications(
    em: EntityManager,
    roundId: string,
    priorityCriterion: string,
  ): Promise<RankedApplication[]> {
    const rows: (Omit<RankedApplication, 'requested' | 'liveAwardAmount' | 'lostAwardHolds'> & {
      requested: string;
      liveAwardAmount: string | null;
      lostAwardHolds: string;
    })[] = await em.query(
      `SELECT r.application_id AS "applicationId", a.reference, a.status AS "applicationStatus",
              v.id AS "villageId", v.name AS "villageName", d.id AS "districtId", d.name AS "districtName",
              a.requested_amount AS requested, r.rank, r.advanced, r.reason AS "roundReason", r.gates_failed AS "gatesFailed",
              r.official, r.calibrated, p.mean AS "priorityMean",
              live.id AS "liveAwardId", live.amount AS "liveAwardAmount", live.status AS "liveAwardStatus",
              CASE WHEN live.id IS NULL THEN lost.status END AS "lostAwardStatus",
              CASE WHEN live.id IS NULL THEN coalesce(paid.amount, 0) ELSE 0 END AS "lostAwardHolds"
         FROM round_results r
         JOIN applications a ON a.id = r.application_id
         JOIN villages v ON v.id = a.village_id
         JOIN districts d ON d.id = v.district_id
         LEFT JOIN awards live ON live.application_id = a.id AND live.status NOT IN ('declined', 'cancelled')
         LEFT JOIN (SELECT DISTINCT ON (x.application_id) x.application_id, x.status FROM awards x
                     WHERE x.round_id = $1 AND x.status IN ('declined', 'cancelled') ORDER BY x.application_id, x.updated_at DESC) lost ON lost.application_id = a.id
         LEFT JOIN (SELECT x.application_id, sum(t.amount) AS amount FROM awards x JOIN tranches t ON t.award_id = x.id AND t.status = 'paid'
                     WHERE x.round_id = $1 AND x.status = 'cancelled' GROUP BY x.application_id) paid ON paid.application_id = a.id
         LEFT JOIN (SELECT sh.application_id, avg((sh.scores ->> $2)::numeric)::float8 AS mean FROM scoresheets sh
                      JOIN assignments s ON s.id = sh.assignment_id AND s.status = 'active'
                     WHERE sh.round_id = $1 AND sh.status = 'submitted' GROUP BY sh.application_id) p ON p.application_id = r.application_id
        WHERE r.round_id = $1
        ORDER BY r.rank NULLS LAST, a.reference`,
      [roundId, priorityCriterion],
    );
    return rows.map((r) => ({
      ...r,
      requested: BigInt(r.requested),
      liveAwardAmount: r.liveAwardAmount === null ? null : BigInt(r.liveAwardAmount),
      lostAwardHolds: BigInt(r.lostAwardHolds),
    }));
  }

  async envelopes(
    em: EntityManager,
    competitionId: string,
  ): Promise<{ districtId: string | null; villageId: string | null; amount: bigint; committed: bigint }[]> {
    const rows: { districtId: string | null; villageId: string | null; amount: string; committed: string }[] =
      await em.query(
        `SELECT district_id AS "districtId", village_id AS "villageId", amount, committed FROM competition_envelopes WHERE competition_id = $1 ORDER BY id`,
        [competitionId],
      );
    return rows.map((r) => ({ ...r, amount: BigInt(r.amount), committed: BigInt(r.committed) }));
  }

  /**
   * What the competition's awards hold or have asked for, by village (DESIGN.md section 7): a
   * proposal, or an award approved or further along, its amount; a cancelled award, what was paid on
   * it; a declined one, nothing. `exceptAwardId` leaves one award out (a proposal being changed).
   */
  async holdings(em: EntityManager, competitionId: string, exceptAwardId: string | null = null): Promise<Holding[]> {
    const rows: { districtId: string; villageId: string; amount: string }[] = await em.query(
      `SELECT v.district_id AS "districtId", v.id AS "villageId",
              sum(CASE WHEN w.status = 'cancelled' THEN coalesce(paid.amount, 0) ELSE w.amount END) AS amount
         FROM awards w
         JOIN applications a ON a.id = w.application_id
         JOIN villages v ON v.id = a.village_id
         LEFT JOIN (SELECT t.award_id, sum(t.amount) AS amount FROM tranches t JOIN awards x ON x.id = t.award_id
                     WHERE x.competition_id = $1 AND x.status = 'cancelled' AND t.status = 'paid' GROUP BY t.award_id) paid ON paid.award_id = w.id
        WHERE w.competition_id = $1 AND w.status <> 'declined' AND w.id IS DISTINCT FROM $2::uuid
        GROUP BY v.district_id, v.id`,
      [competitionId, exceptAwardId],
    );
    return rows.map((r) => ({ ...r, amount: BigInt(r.amount) })).filter((r) => r.amount > 0n);
  }

  async placeOf(em: EntityManager, applicationId: string): Promise<{ districtId: string; villageId: string }> {
    const [row]: { districtId: string; villageId: string }[] = await em.query(
      `SELECT v.district_id AS "districtId", v.id AS "villageId" FROM applications a JOIN villages v ON v.id = a.village_id WHERE a.id = $1`,
      [applicationId],
    );
    return row;
  }

  /** Moves what the award holds in the envelopes of its district and village (negative to release). */
  async moveEnvelopes(em: EntityManager, competitionId: string, applicationId: string, amount: bigint): Promise<void> {
    await em.query(
      `UPDATE competition_envelopes e SET committed = committed + $3
         FROM applications a JOIN villages v ON v.id = a.village_id
        WHERE a.id = $2 AND e.competition_id = $1 AND (e.district_id = v.district_id OR e.village_id = v.id)`,
      [competitionId, applicationId, amount.toString()],
    );
  }
}
