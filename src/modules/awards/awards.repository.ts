import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AwardRules } from '../competitions/domain/award-rules';
import { MessageQuery } from '../notifications/outbox.service';
import { AwardStatus } from './domain/award-status';
import { Holding } from './domain/proposal-budget';
import { Award } from './entities/award.entity';
import { Tranche } from './entities/tranche.entity';

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
  villageName: string;
  districtId: string;
  districtName: string;
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

/** Awards, their tranches, and what they hold in the envelopes of a competition. */
@Injectable()
export class AwardsRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  async roundPriorityCriterion(em: EntityManager, roundId: string): Promise<string> {
    const [row]: { priority: string }[] = await em.query(
      `SELECT method->>'priorityCriterion' AS priority FROM review_rounds WHERE id = $1`,
      [roundId],
    );
    return row.priority;
  }

  async insertAward(
    em: EntityManager,
    values: Pick<Award, 'competitionId' | 'applicationId' | 'roundId' | 'rank' | 'amount' | 'requested' | 'proposedBy'>,
  ): Promise<string> {
    const { identifiers } = await em.insert(Award, values);
    return identifiers[0].id as string;
  }

  async replaceTranches(
    em: EntityManager,
    awardId: string,
    tranches: Pick<Tranche, 'position' | 'label' | 'reportRequired' | 'dueDays' | 'amount'>[],
  ): Promise<void> {
    await em.query('DELETE FROM tranches WHERE award_id = $1', [awardId]);
    await em.insert(
      Tranche,
      tranches.map((t) => ({ ...t, awardId })),
    );
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<Award | null> {
    return em.findOne(Award, { where: { id } });
  }

  async lock(em: EntityManager, id: string): Promise<Award | null> {
    return em
      .getRepository(Award)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async tranches(awardIds: string[], em: EntityManager = this.dataSource.manager): Promise<Tranche[]> {
    if (awardIds.length === 0) return [];
    return em
      .getRepository(Tranche)
      .createQueryBuilder('t')
      .where('t.award_id IN (:...awardIds)', { awardIds })
      .orderBy('t.award_id')
      .addOrderBy('t.position')
      .getMany();
  }

  /** Compare-and-set: false when the award was no longer in `from` (someone else moved it). */
  async transition(
    em: EntityManager,
    id: string,
    from: readonly AwardStatus[],
    to: AwardStatus,
    set: Record<string, unknown> = {},
  ): Promise<boolean> {
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 4}`);
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = $2, updated_at = now()${assignments.map((a) => `, ${a}`).join('')} WHERE id = $1 AND status = ANY($3)`,
      [id, to, from, ...columns.map((c) => set[c])],
    );
    return count === 1;
  }

  async setAmount(em: EntityManager, id: string, amount: bigint): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET amount = $2, updated_at = now() WHERE id = $1 AND status = 'proposed'`,
      [id, amount.toString()],
    );
    return count === 1;
  }

  async sendBack(em: EntityManager, id: string, comment: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET comment = $2, updated_at = now() WHERE id = $1 AND status = 'proposed'`,
      [id, comment],
    );
    return count === 1;
  }

  /** Sets the award's offer deadline from the competition's acceptance period, on the server clock. */
  async approve(em: EntityManager, id: string, approverId: string, acceptanceDays: number): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = 'approved', approved_by = $2, approved_at = now(), respond_by = now() + make_interval(days => $3), comment = NULL, updated_at = now()
        WHERE id = $1 AND status = 'proposed'`,
      [id, approverId, acceptanceDays],
    );
    return count === 1;
  }

  /** Accepting in time only: the deadline is compared on the server clock, in the same statement. */
  async accept(em: EntityManager, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = 'accepted', responded_at = now(), updated_at = now() WHERE id = $1 AND status = 'approved' AND respond_by > now()`,
      [id],
    );
    return count === 1;
  }

  async decline(
    em: EntityManager,
    id: string,
    from: readonly AwardStatus[],
    to: AwardStatus,
    reason: string,
  ): Promise<boolean> {
    const [, count]: [unknown, number] = await em.query(
      `UPDATE awards SET status = $2, reason = $4, responded_at = now(), updated_at = now() WHERE id = $1 AND status = ANY($3)`,
      [id, to, from, reason],
    );
    return count === 1;
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

  /** On acceptance: tranches released on signing are approved (by the award's approver); reports get their due dates. */
  async startSchedule(em: EntityManager, awardId: string, approverId: string): Promise<Tranche[]> {
    await em.query(
      `UPDATE tranches SET status = CASE WHEN report_required THEN status ELSE 'approved' END,
              approved_by = CASE WHEN report_required THEN NULL ELSE $2::uuid END,
              approved_at = CASE WHEN report_required THEN NULL ELSE now() END,
              due_at = CASE WHEN report_required THEN now() + make_interval(days => due_days) END,
              updated_at = now()
        WHERE award_id = $1 AND status = 'planned'`,
      [awardId, approverId],
    );
    return this.tranches([awardId], em);
  }

  async applicationOf(
    em: EntityManager,
    applicationId: string,
  ): Promise<{ applicantId: string; reference: string; title: string; status: string }> {
    const [row]: { applicantId: string; reference: string; title: string; status: string }[] = await em.query(
      'SELECT applicant_id AS "applicantId", reference, title, status FROM applications WHERE id = $1',
      [applicationId],
    );
    return row;
  }

  /** Who receives the mails about an award, and the names they show. */
  async granteeOf(
    em: EntityManager,
    awardId: string,
  ): Promise<{ applicantId: string; reference: string; competitionTitle: string }> {
    const [row]: { applicantId: string; reference: string; competitionTitle: string }[] = await em.query(
      `SELECT a.applicant_id AS "applicantId", a.reference, c.title AS "competitionTitle"
         FROM awards w JOIN applications a ON a.id = w.application_id JOIN competitions c ON c.id = w.competition_id
        WHERE w.id = $1`,
      [awardId],
    );
    return row;
  }

  async countPending(em: EntityManager, competitionId: string): Promise<{ proposed: number; approved: number }> {
    const [row]: { proposed: number; approved: number }[] = await em.query(
      `SELECT count(*) FILTER (WHERE status = 'proposed')::int AS proposed, count(*) FILTER (WHERE status = 'approved')::int AS approved FROM awards WHERE competition_id = $1`,
      [competitionId],
    );
    return row;
  }

  /** The mail to each application of `applicationIds` that it was not awarded a grant. */
  notAwardedMessages(applicationIds: string[]): MessageQuery<'application.not_awarded'> {
    return {
      type: 'application.not_awarded',
      sql: `SELECT a.applicant_id AS recipient_id,
                   jsonb_build_object('applicationId', a.id, 'reference', a.reference, 'applicationTitle', a.title, 'competitionTitle', c.title) AS data,
                   'application.not_awarded:' || a.id AS dedupe_key
              FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE a.id = ANY($1)`,
      params: [applicationIds],
    };
  }

  /** Approved offers whose time to accept has passed, oldest first. */
  async expiredOffers(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM awards WHERE status = 'approved' AND respond_by <= now() ORDER BY respond_by LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async listByCompetition(
    competitionId: string,
    statuses: readonly AwardStatus[] | undefined,
    limit: number,
    offset: number,
  ): Promise<[Award[], number]> {
    const qb = this.dataSource.manager
      .getRepository(Award)
      .createQueryBuilder('a')
      .where('a.competition_id = :competitionId', { competitionId });
    if (statuses) qb.andWhere('a.status IN (:...statuses)', { statuses });
    return qb
      .orderBy('a.rank', 'ASC', 'NULLS LAST')
      .addOrderBy('a.created_at')
      .addOrderBy('a.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  async listByApplicant(applicantId: string): Promise<Award[]> {
    return this.dataSource.manager
      .getRepository(Award)
      .createQueryBuilder('a')
      .innerJoin('a.application', 'app')
      .where('app.applicant_id = :applicantId', { applicantId })
      .andWhere(`a.status <> 'proposed'`)
      .orderBy('a.created_at', 'DESC')
      .getMany();
  }

  async applicationSummaries(
    ids: string[],
  ): Promise<Map<string, { reference: string; title: string; applicantId: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; reference: string; title: string; applicantId: string }[] = await this.dataSource.query(
      'SELECT id, reference, title, applicant_id AS "applicantId" FROM applications WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
