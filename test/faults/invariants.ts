import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/audit.service';
import { FundingReportsService } from '../../src/modules/funding-reports/funding-reports.service';
import { SmtpSink } from '../helpers/smtp-sink';
import { TestContext } from '../helpers/test-app';
import { Outcome, scoresFor } from './burst';
import { Scenario } from './fault-scenario';

/**
 * The rules of DESIGN.md section 4, checked on the whole database after the faults. Each check
 * returns what breaks it (empty when it holds), so a failure names the rows.
 */

const APPROVED_OR_LATER = `('approved','accepted','active','completed')`;

/** SQL that selects the rows breaking a rule, by rule. */
const VIOLATIONS: Record<string, string> = {
  // 1: a goal of the adopted plan of the application's own village, and the village eligible.
  'rule 1': `SELECT a.id FROM applications a WHERE a.status <> 'draft' AND (
      NOT EXISTS (SELECT 1 FROM application_goals ag JOIN plan_goals g ON g.id = ag.goal_id JOIN development_plans p ON p.id = g.plan_id
                   WHERE ag.application_id = a.id AND p.village_id = a.village_id AND p.status = 'adopted')
      OR NOT EXISTS (SELECT 1 FROM competition_villages cv WHERE cv.competition_id = a.competition_id AND cv.village_id = a.village_id
                     UNION ALL SELECT 1 FROM competition_districts cd JOIN villages v ON v.district_id = cd.district_id
                      WHERE cd.competition_id = a.competition_id AND v.id = a.village_id))`,
  // 2: award limits, budget lines adding up, the own share.
  'rule 2': `SELECT a.id FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE a.status <> 'draft' AND (
      a.requested_amount NOT BETWEEN c.min_award AND c.max_award
      OR a.requested_amount <> (SELECT coalesce(sum(amount), 0) FROM budget_lines b WHERE b.application_id = a.id AND b.source = 'grant')
      OR a.own_contribution <> (SELECT coalesce(sum(amount), 0) FROM budget_lines b WHERE b.application_id = a.id AND b.source = 'own')
      OR a.own_contribution * 10000 < c.min_own_share_bp * (a.requested_amount + a.own_contribution))`,
  'rule 3': `SELECT a.competition_id, a.applicant_id FROM applications a JOIN competitions c ON c.id = a.competition_id
      WHERE a.status <> 'withdrawn' GROUP BY a.competition_id, a.applicant_id HAVING count(*) > min(c.max_applications_per_applicant)`,
  // 4 and 5: a scoresheet belongs to its assignment's juror and application, one per assignment.
  'rule 4': `SELECT s.id FROM scoresheets s JOIN assignments a ON a.id = s.assignment_id
      WHERE a.juror_id <> s.juror_id OR a.application_id <> s.application_id OR a.round_id <> s.round_id
         OR EXISTS (SELECT 1 FROM conflict_declarations d JOIN applications x ON x.id = s.application_id
                     WHERE d.juror_id = s.juror_id AND d.competition_id = x.competition_id
                       AND (d.application_id = x.id OR d.applicant_id = x.applicant_id OR d.village_id = x.village_id))`,
  'rule 5': `SELECT assignment_id FROM scoresheets GROUP BY assignment_id HAVING count(*) > 1`,
  'rule 7 (budget)': `SELECT c.id FROM competitions c
      WHERE (SELECT coalesce(sum(amount), 0) FROM awards w WHERE w.competition_id = c.id AND w.status IN ${APPROVED_OR_LATER}) > c.budget`,
  'rule 8 (award within its request and the maximum)': `SELECT w.id FROM awards w JOIN competitions c ON c.id = w.competition_id WHERE w.amount > w.requested OR w.amount > c.max_award`,
  'rule 8 (tranches add up)': `SELECT w.id FROM awards w WHERE w.amount <> (SELECT coalesce(sum(amount), 0) FROM tranches t WHERE t.award_id = w.id)`,
  'rule 8 (paid at most once, never above the award)': `SELECT t.id FROM tranches t
      WHERE (SELECT count(*) FROM payments p WHERE p.tranche_id = t.id AND p.status = 'recorded') > 1
         OR (t.status = 'paid') <> EXISTS (SELECT 1 FROM payments p WHERE p.tranche_id = t.id AND p.status = 'recorded')
         OR (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.award_id = t.award_id AND p.status = 'recorded')
            > (SELECT amount FROM awards w WHERE w.id = t.award_id)`,
  'rule 9': `SELECT id FROM awards WHERE approved_by = proposed_by OR (status IN ${APPROVED_OR_LATER} AND approved_by IS NULL)`,
  'ledger (transactions balance)': `SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0 OR count(*) < 2`,
  'ledger (balances are their entries)': `SELECT a.id FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
      GROUP BY a.id, a.balance HAVING a.balance <> coalesce(sum(e.amount), 0)`,
  'ledger (each payment moved its money once)': `SELECT p.id FROM payments p LEFT JOIN ledger_transactions t ON t.id = p.ledger_transaction_id
      WHERE t.movement IS DISTINCT FROM 'payment' OR t.award_id IS DISTINCT FROM p.award_id
         OR (SELECT count(*) FROM ledger_transactions x WHERE x.movement = 'payment' AND x.award_id = p.award_id)
            <> (SELECT count(*) FROM payments y WHERE y.award_id = p.award_id)`,
  // 10: every change has its event, written with it (the counts are exact: none lost, none twice).
  'rule 10 (events of submissions)': `SELECT a.id FROM applications a WHERE a.status <> 'draft' AND 1 <>
      (SELECT count(*) FROM audit_events e WHERE e.entity_id = a.id::text AND e.action = 'application.submitted')`,
  'rule 10 (events of scoresheets)': `SELECT s.id FROM scoresheets s WHERE s.status = 'submitted' AND 1 <>
      (SELECT count(*) FROM audit_events e WHERE e.action = 'scoresheet.submitted' AND e.after->>'scoresheetId' = s.id::text)`,
  'rule 10 (events of payments)': `SELECT p.id FROM payments p WHERE 1 <> (SELECT count(*) FROM audit_events e WHERE e.entity_id = p.id::text AND e.action = 'payment.recorded')`,
  'rule 10 (events of approvals)': `SELECT w.id FROM awards w WHERE (w.status IN ${APPROVED_OR_LATER})::int <>
      (SELECT count(*) FROM audit_events e WHERE e.entity_id = w.id::text AND e.action = 'award.approved')`,
  // 11: the message of each change, once (by its dedupe key), and none without its cause.
  'rule 11 (mail of submissions)': `SELECT a.id FROM applications a WHERE a.status <> 'draft' AND 1 <>
      (SELECT count(*) FROM notifications n WHERE n.dedupe_key = 'application.submitted:' || a.id)`,
  'rule 11 (mail of payments)': `SELECT p.id FROM payments p WHERE 1 <> (SELECT count(*) FROM notifications n WHERE n.dedupe_key = 'payment.recorded:' || p.id)`,
  'rule 11 (no mail without its cause)': `SELECT n.id FROM notifications n
      WHERE (n.type = 'application.submitted' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = (n.data->>'applicationId')::uuid AND a.status <> 'draft'))
         OR (n.type = 'payment.recorded' AND NOT EXISTS (SELECT 1 FROM payments p WHERE 'payment.recorded:' || p.id = n.dedupe_key))`,
};

/** Every rule that can be read off the database, with the rows that break each. */
export async function ruleViolations(ctx: TestContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [rule, sql] of Object.entries(VIOLATIONS)) {
    const rows: unknown[] = await ctx.dataSource.query(sql);
    if (rows.length) out[rule] = rows.slice(0, 5);
  }
  const badScores = await scoresOutOfScale(ctx.dataSource);
  if (badScores.length) out['rule 5 (scores within the scale)'] = badScores;
  for (const { id } of (await ctx.dataSource.query(`SELECT DISTINCT competition_id AS id FROM awards`)) as {
    id: string;
  }[]) {
    const report = await ctx.app.get(FundingReportsService).budget(id);
    if (!report.consistent) out[`ledger (budget report of ${id})`] = [report];
  }
  const chain = await ctx.app.get(AuditService).verify();
  const [{ n }]: { n: string }[] = await ctx.dataSource.query('SELECT count(*) AS n FROM audit_events');
  if (!chain.valid || String(chain.checked) !== n) out['rule 10 (audit chain)'] = [chain];
  return out;
}

async function scoresOutOfScale(dataSource: DataSource): Promise<unknown[]> {
  const rows: { id: string; scores: Record<string, unknown>; criteria: { code: string; max: number }[] }[] =
    await dataSource.query(
      `SELECT s.id, s.scores, r.method->'criteria' AS criteria FROM scoresheets s JOIN review_rounds r ON r.id = s.round_id WHERE s.status = 'submitted'`,
    );
  return rows.filter((r) =>
    r.criteria.some(
      (c) =>
        !Number.isInteger(r.scores[c.code]) || (r.scores[c.code] as number) < 0 || (r.scores[c.code] as number) > c.max,
    ),
  );
}

/**
 * What the clients were told is what the database holds: each operation settled, and every 2xx
 * (or "done already") is there, as it was answered.
 */
export async function lostChanges(ctx: TestContext, s: Scenario, outcomes: Outcome[]): Promise<unknown[]> {
  const lost: unknown[] = [];
  const q = (sql: string, params: unknown[]) => ctx.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;
  for (const o of outcomes) {
    const seen = o.body as Record<string, unknown> | undefined;
    const fail = (why: string, row?: unknown) =>
      lost.push({
        kind: o.op.kind,
        target: o.op.target,
        result: o.result,
        why,
        row,
        attempts: o.attempts.map((a) => a.code ?? a.status),
      });
    if (o.result === 'unexpected' || o.result === 'gave-up') {
      fail('not settled', seen);
      continue;
    }
    switch (o.op.kind) {
      case 'submit': {
        const [row] = await q(`SELECT status, reference FROM applications WHERE id = $1`, [o.op.target]);
        if (row?.status !== 'submitted' || (o.result === 'done' && row.reference !== seen?.reference))
          fail('submission missing', row);
        break;
      }
      case 'score': {
        const i = s.review.assignments.findIndex((a) => a.id === o.op.target);
        const [row] = await q(`SELECT id, status, scores FROM scoresheets WHERE assignment_id = $1`, [o.op.target]);
        if (
          row?.status !== 'submitted' ||
          JSON.stringify(row.scores) !== JSON.stringify(scoresFor(i)) ||
          row.id !== seen?.id
        )
          fail('scoresheet missing', row);
        break;
      }
      case 'pay': {
        const rows = await q(
          `SELECT p.id, p.status, t.status AS "trancheStatus" FROM payments p JOIN tranches t ON t.id = p.tranche_id WHERE p.tranche_id = $1`,
          [o.op.target],
        );
        if (
          rows.length !== 1 ||
          rows[0].id !== seen?.id ||
          rows[0].status !== 'recorded' ||
          rows[0].trancheStatus !== 'paid'
        )
          fail('payment missing or twice', rows);
        break;
      }
      case 'approve': {
        const [row] = await q(`SELECT status, approved_by AS "approvedBy" FROM awards WHERE id = $1`, [o.op.target]);
        const expected = o.result === 'refused' ? 'proposed' : 'approved';
        if (row?.status !== expected) fail(`award not ${expected}`, row);
        break;
      }
    }
  }
  return lost;
}

/** Each outbox row as the SMTP sink saw it: copies by Message-ID `<row id@startup.local>`. */
export async function mailCopies(dataSource: DataSource, sink: SmtpSink) {
  const rows: { id: string; status: string; sendAttempts: number }[] = await dataSource.query(
    `SELECT id, status, send_attempts AS "sendAttempts" FROM notifications ORDER BY created_at`,
  );
  const copies = new Map<string, number>();
  for (const mail of sink.messages) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
  const ids = new Set(rows.map((r) => `<${r.id}@startup.local>`));
  return {
    rows,
    unsent: rows.filter((r) => r.status !== 'sent'),
    missing: rows.filter((r) => !copies.has(`<${r.id}@startup.local>`)),
    /** Received more than once: allowed only where a send was cut off (the row counts a second attempt). */
    repeated: rows
      .filter((r) => (copies.get(`<${r.id}@startup.local>`) ?? 0) > 1)
      .map((r) => ({ ...r, copies: copies.get(`<${r.id}@startup.local>`) })),
    /** Mail whose Message-ID is no outbox row (a message without a committed cause). */
    strays: [...copies.keys()].filter((m) => !ids.has(m)),
  };
}
