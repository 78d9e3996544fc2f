import { Pool, PoolClient } from 'pg';
import { referenceFor } from '../../src/modules/applications/domain/application-status';
import { submissionProblems } from '../../src/modules/applications/domain/submission-rules';
import {
  APP_COLUMNS,
  AppRow,
  appendAudit,
  auditView,
  insertOutbox,
  inTransaction,
  nextReference,
} from './pg-statements';
import { completeDraft, Draft } from './seeding';

interface FullRow extends AppRow {
  goal_id: string | null;
  contribution: string | null;
  budget_category: string | null;
  budget_description: string | null;
  budget_amount: string | null;
  budget_source: 'grant' | 'own' | null;
}

/**
 * What findFull reads: the application with its goals and budget lines, in position order. TypeORM
 * sends two statements for it (the distinct ids of the page of one, then the rows), so this does too.
 */
async function loadFull(db: PoolClient, id: string) {
  await db.query(
    `SELECT DISTINCT a.id, g.position, b.position FROM applications a
       LEFT JOIN application_goals g ON g.application_id = a.id
       LEFT JOIN budget_lines b ON b.application_id = a.id
      WHERE a.id = $1 ORDER BY g.position ASC, b.position ASC LIMIT 1`,
    [id],
  );
  const { rows } = await db.query<FullRow>(
    `SELECT ${APP_COLUMNS}, g.goal_id, g.contribution, b.category AS budget_category, b.description AS budget_description,
            b.amount AS budget_amount, b.source AS budget_source
       FROM applications a
       LEFT JOIN application_goals g ON g.application_id = a.id
       LEFT JOIN budget_lines b ON b.application_id = a.id
      WHERE a.id = $1
      ORDER BY g.position ASC, b.position ASC`,
    [id],
  );
  const first = rows[0];
  const goals = [
    ...new Map(
      rows
        .filter((r) => r.goal_id)
        .map((r) => [r.goal_id!, { goalId: r.goal_id!, contribution: r.contribution ?? '' }]),
    ).values(),
  ];
  const lines = rows
    .filter((r) => r.goal_id === first.goal_id && r.budget_amount !== null)
    .map((r) => ({
      category: r.budget_category!,
      description: r.budget_description ?? '',
      amount: BigInt(r.budget_amount!),
      source: r.budget_source!,
    }));
  return { row: first, goals, lines };
}

/**
 * ApplicationSubmissionService.submit with pg: the same statements in the same order (row lock,
 * full read, applicant lock, competition, the rule reads, counter, snapshot, status, history,
 * outbox, full read again, audit), the same pure rule check, none of Nest, TypeORM or HTTP.
 */
export async function submitMirrored(pool: Pool, draft: Draft): Promise<string> {
  return inTransaction(pool, async (db) => {
    await db.query(`SELECT ${APP_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`, [draft.id]);
    const { row: a, goals, lines } = await loadFull(db, draft.id);
    if (a.applicant_id !== draft.applicantId || a.status !== 'draft') return 'not a draft';
    const applicant = await db.query<{ emailConfirmed: boolean }>(
      `SELECT 'applicant' = ANY(roles) AS "isApplicant", home_village_id AS "homeVillageId",
              email_confirmed_at IS NOT NULL AS "emailConfirmed", full_name AS "fullName"
         FROM users WHERE id = $1 AND active FOR NO KEY UPDATE`,
      [a.applicant_id],
    );
    if (!applicant.rows[0]?.emailConfirmed) return 'email not confirmed';
    const { rows: competitions } = await db.query<{
      status: string;
      code: string;
      title: string;
      year: number;
      minAward: string;
      maxAward: string;
      minOwnShareBp: number;
      max: number;
      notYetOpen: boolean;
      closed: boolean;
    }>(
      `SELECT id, status, code, title, EXTRACT(YEAR FROM opens_at)::int AS year, min_award AS "minAward", max_award AS "maxAward",
              min_own_share_bp AS "minOwnShareBp", max_applications_per_applicant AS max,
              now() < opens_at AS "notYetOpen", now() >= closes_at AS closed
         FROM competitions WHERE id = $1`,
      [a.competition_id],
    );
    const competition = competitions[0];
    if (competition.status !== 'open' || competition.closed || competition.notYetOpen) return 'competition not open';
    const adopted = await db.query<{ id: string }>(
      `SELECT g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = $1 AND p.status = 'adopted'`,
      [a.village_id],
    );
    const eligible = await db.query(
      'SELECT 1 FROM competition_villages WHERE competition_id = $1 AND village_id = $2',
      [a.competition_id, a.village_id],
    );
    const others = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM applications WHERE competition_id = $1 AND applicant_id = $2 AND status <> 'withdrawn' AND ($3::uuid IS NULL OR id <> $3)`,
      [a.competition_id, a.applicant_id, a.id],
    );
    const problems = submissionProblems({
      title: a.title,
      summary: a.summary,
      requestedAmount: BigInt(a.requested_amount),
      ownContribution: BigInt(a.own_contribution),
      budgetLines: lines.map((l) => ({ amount: l.amount, source: l.source })),
      goalIds: goals.map((g) => g.goalId),
      adoptedGoalIds: new Set(adopted.rows.map((r) => r.id)),
      villageEligible: (eligible.rowCount ?? 0) > 0,
      minAward: BigInt(competition.minAward),
      maxAward: BigInt(competition.maxAward),
      minOwnShareBp: competition.minOwnShareBp,
      otherApplications: Number(others.rows[0].n),
      maxApplicationsPerApplicant: competition.max,
    });
    if (problems.length > 0) return `invalid: ${problems.map((p) => p.field).join(',')}`;

    const number = await nextReference(db, a.competition_id);
    const reference = referenceFor(competition.code, competition.year, number);
    const village = await db.query<{ name: string }>('SELECT name FROM villages WHERE id = $1', [a.village_id]);
    const villageName = village.rows[0]?.name ?? '';
    await db.query('INSERT INTO application_snapshots (application_id, content) VALUES ($1, $2)', [
      a.id,
      JSON.stringify({
        reference,
        competitionId: a.competition_id,
        villageId: a.village_id,
        villageName,
        title: a.title,
        summary: a.summary,
        description: a.description,
        sector: a.sector,
        goals,
        requestedAmount: a.requested_amount,
        ownContribution: a.own_contribution,
        budgetLines: lines.map((l) => ({ ...l, amount: l.amount.toString() })),
        jobsCreated: a.jobs_created,
        plannedStart: a.planned_start,
        durationMonths: a.duration_months,
      }),
    ]);
    const submittedAt = new Date();
    const moved = await db.query(
      `UPDATE applications SET reference = $1, reference_number = $2, submitted_at = $3, status = 'submitted', updated_at = CURRENT_TIMESTAMP
        WHERE id = $4 AND status IN ('draft')`,
      [reference, number, submittedAt, a.id],
    );
    if (moved.rowCount !== 1) return 'wrong status';
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, reason) VALUES ($1, 'draft', 'submitted', $2, NULL) RETURNING id, at`,
      [a.id, draft.applicantId],
    );
    await insertOutbox(
      db,
      a.applicant_id,
      {
        applicationId: a.id,
        reference,
        applicationTitle: a.title,
        competitionTitle: competition.title,
        villageName,
        requestedAmount: a.requested_amount,
        ownContribution: a.own_contribution,
        submittedAt: submittedAt.toISOString(),
      },
      `application.submitted:${a.id}`,
    );
    await loadFull(db, a.id);
    const goalIds = goals.map((g) => g.goalId);
    await appendAudit(db, {
      actorId: draft.applicantId,
      action: 'application.submitted',
      entityId: a.id,
      before: auditView(a, 'draft', null, goalIds),
      after: auditView(a, 'submitted', reference, goalIds),
    });
    return 'ok';
  });
}

/** Only the writes a submission makes, after the row lock: no rule reads, no reloads. */
export async function submitWritesOnly(
  pool: Pool,
  draft: Draft,
  competition: { code: string; year: number },
): Promise<string> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<AppRow>(`SELECT ${APP_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`, [
      draft.id,
    ]);
    const a = rows[0];
    if (a.status !== 'draft') return 'not a draft';
    const number = await nextReference(db, a.competition_id);
    const reference = referenceFor(competition.code, competition.year, number);
    const body = completeDraft(draft.goalId, 0);
    await db.query('INSERT INTO application_snapshots (application_id, content) VALUES ($1, $2)', [
      a.id,
      JSON.stringify({ ...body, reference, competitionId: a.competition_id, villageId: a.village_id, title: a.title }),
    ]);
    const submittedAt = new Date();
    await db.query(
      `UPDATE applications SET reference = $1, reference_number = $2, submitted_at = $3, status = 'submitted', updated_at = now() WHERE id = $4 AND status = 'draft'`,
      [reference, number, submittedAt, a.id],
    );
    await db.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id) VALUES ($1, 'draft', 'submitted', $2)`,
      [a.id, draft.applicantId],
    );
    await insertOutbox(
      db,
      a.applicant_id,
      { applicationId: a.id, reference, applicationTitle: a.title, submittedAt: submittedAt.toISOString() },
      `application.submitted:${a.id}`,
    );
    await appendAudit(db, {
      actorId: draft.applicantId,
      action: 'application.submitted',
      entityId: a.id,
      before: auditView(a, 'draft', null, [draft.goalId]),
      after: auditView(a, 'submitted', reference, [draft.goalId]),
    });
    return 'ok';
  });
}
