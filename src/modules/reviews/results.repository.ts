import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessageQuery } from '../notifications/outbox.service';
import { ApplicationResult } from './domain/scoring/results';
import { RoundResult } from './entities/round-result.entity';

export interface FinalizeApplication {
  id: string;
  applicantId: string;
  reference: string;
  title: string;
  requestedAmount: bigint;
}

/** One application's stored result in a round, as the public reads it: no title, no applicant, no juror. */
export interface PublicResultRow {
  applicationId: string;
  reference: string;
  requested: bigint;
  count: number;
  /** Sum of the counted scores per criterion code. */
  sums: Record<string, number>;
  official: number | null;
  calibrated: number | null;
  gatesFailed: string[];
  quorumMet: boolean;
  rank: number | null;
  advanced: boolean;
  reason: string;
}

/** What an applicant learns of their application in one finalized round. */
export interface ApplicantRoundResult {
  roundId: string;
  roundName: string;
  position: number;
  official: number | null;
  rank: number | null;
  advanced: boolean;
  reason: string;
}

export interface FrozenSheet {
  application: string;
  juror: string;
  scores: Record<string, number>;
}

/** What finalizing reads (in bulk) and writes (in bulk), and the stored results. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The applications a round ranks: those still in review when it is finalized; once finalized,
   * exactly those it stored results for (a later withdrawal does not change the past).
   */
  async applications(em: EntityManager, roundId: string, finalized: boolean): Promise<FinalizeApplication[]> {
    const which = finalized
      ? 'EXISTS (SELECT 1 FROM round_results r WHERE r.round_id = ra.round_id AND r.application_id = a.id)'
      : `a.status = 'in_review'`;
    const rows: (Omit<FinalizeApplication, 'requestedAmount'> & { requestedAmount: string })[] = await em.query(
      `SELECT a.id, a.applicant_id AS "applicantId", a.reference, a.title, a.requested_amount AS "requestedAmount"
         FROM round_applications ra JOIN applications a ON a.id = ra.application_id
        WHERE ra.round_id = $1 AND ${which} ORDER BY a.id`,
      [roundId],
    );
    return rows.map((r) => ({ ...r, requestedAmount: BigInt(r.requestedAmount) }));
  }

  /** The scoresheets that count: submitted, on an assignment still active (recusals and removals leave the denominator). */
  async submittedSheets(em: EntityManager, roundId: string): Promise<FrozenSheet[]> {
    return em.query(
      `SELECT sh.application_id AS application, sh.juror_id AS juror, sh.scores
         FROM scoresheets sh JOIN assignments s ON s.id = sh.assignment_id
        WHERE sh.round_id = $1 AND sh.status = 'submitted' AND s.status = 'active'`,
      [roundId],
    );
  }

  async insertResults(
    em: EntityManager,
    roundId: string,
    rows: (ApplicationResult & { quorumMet: boolean })[],
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += 10000) {
      const chunk = rows.slice(start, start + 10000);
      await em.query(
        `INSERT INTO round_results (round_id, application_id, count, totals, official, calibrated, spread, gates_failed, quorum_met, rank, advanced, reason, disputed)
         SELECT $1, x.application_id, x.count, x.totals, x.official, x.calibrated, x.spread, ARRAY(SELECT jsonb_array_elements_text(x.gates)), x.quorum_met, x.rank, x.advanced, x.reason, x.disputed
           FROM jsonb_to_recordset($2::jsonb) AS x(application_id uuid, count int, totals jsonb, official float8, calibrated float8, spread float8, gates jsonb,
                                                    quorum_met boolean, rank int, advanced boolean, reason text, disputed boolean)`,
        [
          roundId,
          JSON.stringify(
            chunk.map((r) => ({
              application_id: r.id,
              count: r.count,
              totals: r.totals,
              official: r.official,
              calibrated: r.calibrated,
              spread: r.spread,
              gates: r.gatesFailed,
              quorum_met: r.quorumMet,
              rank: r.rank,
              advanced: r.advanced,
              reason: r.reason,
              disputed: r.disputed,
            })),
          ),
        ],
      );
    }
  }

  async results(
    roundId: string,
    limit: number,
    offset: number,
    filter: { disputed?: boolean; applicationIds?: string[] } = {},
  ): Promise<[(RoundResult & { reference: string; title: string; requestedAmount: string })[], number]> {
    const where = `${filter.disputed ? 'AND r.disputed' : ''} ${filter.applicationIds ? 'AND r.application_id = ANY($4)' : ''}`;
    const rows: (RoundResult & { reference: string; title: string; requestedAmount: string; total: number })[] =
      await this.dataSource.query(
        `SELECT r.application_id AS "applicationId", r.count, r.totals, r.official, r.calibrated, r.spread, r.gates_failed AS "gatesFailed",
              r.quorum_met AS "quorumMet", r.rank, r.advanced, r.reason, r.disputed, a.reference, a.title, a.requested_amount AS "requestedAmount",
              count(*) OVER ()::int AS total
         FROM round_results r JOIN applications a ON a.id = r.application_id
        WHERE r.round_id = $1 ${where}
        ORDER BY r.rank NULLS LAST, a.reference_number LIMIT $2 OFFSET $3`,
        [roundId, limit, offset, ...(filter.applicationIds ? [filter.applicationIds] : [])],
      );
    return [
      rows.map(
        ({ total: _t, ...r }) => r as RoundResult & { reference: string; title: string; requestedAmount: string },
      ),
      rows[0]?.total ?? 0,
    ];
  }

  /**
   * Each juror's counted totals in a finalized round (from the stored results), a page of jurors
   * at a time in name order, and how many jurors there are.
   */
  async jurorTotals(
    roundId: string,
    limit: number,
    offset: number,
  ): Promise<[{ jurorId: string; name: string; totals: number[] }[], number]> {
    const rows: { jurorId: string; name: string; totals: number[]; total: number }[] = await this.dataSource.query(
      `SELECT j.juror_id AS "jurorId", u.full_name AS name, j.totals, count(*) OVER ()::int AS total
         FROM (SELECT (x->>'jurorId')::uuid AS juror_id, array_agg((x->>'total')::float8 ORDER BY (x->>'total')::float8) AS totals
                 FROM round_results r CROSS JOIN LATERAL jsonb_array_elements(r.totals) x
                WHERE r.round_id = $1
                GROUP BY 1) j
         JOIN users u ON u.id = j.juror_id
        ORDER BY u.full_name, j.juror_id LIMIT $2 OFFSET $3`,
      [roundId, limit, offset],
    );
    return [rows.map(({ total: _t, ...r }) => r), rows[0]?.total ?? 0];
  }

  /**
   * A finalized round's stored results with what the public may see of each application (reference,
   * request) and the sum of its counted scores per criterion: the scoresheets finalizing counted
   * (submitted, on an assignment still active), which are frozen once the round closes. One pass
   * over the round's scoresheets, in rank order.
   */
  async publicResults(roundId: string): Promise<PublicResultRow[]> {
    const rows: (Omit<PublicResultRow, 'requested'> & { requested: string })[] = await this.dataSource.query(
      `SELECT r.application_id AS "applicationId", a.reference, a.requested_amount AS requested, r.count,
              coalesce(s.sums, '{}'::jsonb) AS sums, r.official, r.calibrated, r.gates_failed AS "gatesFailed",
              r.quorum_met AS "quorumMet", r.rank, r.advanced, r.reason
         FROM round_results r
         JOIN applications a ON a.id = r.application_id
         LEFT JOIN (SELECT x.application_id, jsonb_object_agg(x.criterion, x.total) AS sums
                      FROM (SELECT sh.application_id, kv.key AS criterion, sum(kv.value::numeric) AS total
                              FROM scoresheets sh
                              JOIN assignments s ON s.id = sh.assignment_id AND s.status = 'active'
                              CROSS JOIN LATERAL jsonb_each_text(sh.scores) kv
                             WHERE sh.round_id = $1 AND sh.status = 'submitted'
                             GROUP BY sh.application_id, kv.key) x
                     GROUP BY x.application_id) s ON s.application_id = r.application_id
        WHERE r.round_id = $1
        ORDER BY r.rank NULLS LAST, a.reference_number`,
      [roundId],
    );
    return rows.map((r) => ({ ...r, requested: BigInt(r.requested) }));
  }

  /** An applicant's results: finalized rounds only. */
  async forApplication(
    applicationId: string,
    limit: number,
    offset: number,
  ): Promise<[ApplicantRoundResult[], number]> {
    const rows: ApplicantRoundResult[] = await this.dataSource.query(
      `SELECT r.round_id AS "roundId", rr.name AS "roundName", rr.position, r.official, r.rank, r.advanced, r.reason
         FROM round_results r JOIN review_rounds rr ON rr.id = r.round_id
        WHERE r.application_id = $1 AND rr.status = 'finalized' ORDER BY rr.position LIMIT $2 OFFSET $3`,
      [applicationId, limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM round_results r JOIN review_rounds rr ON rr.id = r.round_id
        WHERE r.application_id = $1 AND rr.status = 'finalized'`,
      [applicationId],
    );
    return [rows, total];
  }

  async applicantOf(applicationId: string): Promise<string | null> {
    const rows: { applicantId: string }[] = await this.dataSource.query(
      'SELECT applicant_id AS "applicantId" FROM applications WHERE id = $1',
      [applicationId],
    );
    return rows[0]?.applicantId ?? null;
  }

  /** Per-juror progress in a round: assigned, drafts, submitted. */
  async progress(
    roundId: string,
  ): Promise<{ jurorId: string; fullName: string; assigned: number; drafts: number; submitted: number }[]> {
    return this.dataSource.query(
      `SELECT s.juror_id AS "jurorId", u.full_name AS "fullName", count(*)::int AS assigned,
              count(*) FILTER (WHERE sh.status = 'draft')::int AS drafts, count(*) FILTER (WHERE sh.status = 'submitted')::int AS submitted
         FROM assignments s JOIN users u ON u.id = s.juror_id LEFT JOIN scoresheets sh ON sh.assignment_id = s.id
        WHERE s.round_id = $1 AND s.status = 'active' GROUP BY s.juror_id, u.full_name ORDER BY u.full_name, s.juror_id`,
      [roundId],
    );
  }

  /** Scoresheets of a closed round for oversight, juror ids as given; the caller replaces them with pseudonyms. */
  async scoresheets(
    roundId: string,
    limit: number,
    offset: number,
  ): Promise<
    [
      {
        applicationId: string;
        reference: string;
        jurorId: string;
        status: string;
        scores: Record<string, number>;
        comments: Record<string, string>;
        comment: string;
        submittedAt: Date | null;
      }[],
      number,
    ]
  > {
    const rows: {
      applicationId: string;
      reference: string;
      jurorId: string;
      status: string;
      scores: Record<string, number>;
      comments: Record<string, string>;
      comment: string;
      submittedAt: Date | null;
      total: number;
    }[] = await this.dataSource.query(
      `SELECT sh.application_id AS "applicationId", a.reference, sh.juror_id AS "jurorId", sh.status, sh.scores, sh.comments, sh.comment,
                sh.submitted_at AS "submittedAt", count(*) OVER ()::int AS total
           FROM scoresheets sh JOIN applications a ON a.id = sh.application_id
          WHERE sh.round_id = $1 ORDER BY a.reference_number, sh.id LIMIT $2 OFFSET $3`,
      [roundId, limit, offset],
    );
    return [rows.map(({ total: _t, ...r }) => r), rows[0]?.total ?? 0];
  }

  /** One result mail per application of the finalized round, built from the stored results (100,000 in a national round). */
  roundResultsMessages(roundId: string): MessageQuery<'round.results'> {
    return {
      type: 'round.results',
      sql: `SELECT a.applicant_id AS recipient_id,
                   jsonb_build_object('roundId', r.round_id, 'applicationId', a.id, 'reference', a.reference, 'applicationTitle', a.title,
                                      'competitionTitle', c.title, 'roundName', rr.name, 'advanced', r.advanced,
                                      'officialScore', CASE WHEN r.rank IS NOT NULL AND r.official IS NOT NULL THEN to_char(round(r.official::numeric, 1), 'FM990.0') END) AS data,
                   'round.results:' || r.round_id || ':' || a.id AS dedupe_key
              FROM round_results r JOIN applications a ON a.id = r.application_id
              JOIN review_rounds rr ON rr.id = r.round_id JOIN competitions c ON c.id = rr.competition_id
             WHERE r.round_id = $1`,
      params: [roundId],
    };
  }
}
