import { TestContext } from '../helpers/test-app';
import { Scenario } from './fault-scenario';

/**
 * Breaks each rule the checker reads off the database, by hand, so the suite shows its checks are
 * not vacuous. A break the database itself refuses (a constraint or trigger) is reported as such:
 * that rule has its last line of defence in the schema.
 */
export async function breakEachRule(
  ctx: TestContext,
  s: Scenario,
): Promise<{ applied: string[]; refusedByDatabase: string[] }> {
  const [submitted, draftless] = s.intake.drafts.map((d) => d.id);
  const [paid] = (await ctx.dataSource.query(`SELECT id FROM payments WHERE tranche_id = $1`, [
    s.money.tranches[0].id,
  ])) as { id: string }[];
  const breaks: [rule: string, sql: string, params: unknown[]][] = [
    [
      'rule 1',
      `UPDATE development_plans SET status = 'archived' WHERE village_id = (SELECT village_id FROM applications WHERE id = $1)`,
      [submitted],
    ],
    ['rule 2', `UPDATE budget_lines SET amount = amount + 1 WHERE application_id = $1 AND source = 'own'`, [draftless]],
    [
      'rule 5 (scores within the scale)',
      `UPDATE scoresheets SET scores = '{"plan": 9, "feasibility": 1}' WHERE assignment_id = $1`,
      [s.review.assignments[0].id],
    ],
    [
      'rule 7 (budget)',
      `UPDATE competitions c SET budget = (SELECT sum(amount) FROM awards w WHERE w.competition_id = c.id AND w.status <> 'proposed') - 1 WHERE id = $1`,
      [s.money.competitionId],
    ],
    [
      'rule 8 (paid at most once, never above the award)',
      `UPDATE tranches SET status = 'approved' WHERE id = $1`,
      [s.money.tranches[0].id],
    ],
    [
      'rule 10 (events of approvals)',
      `UPDATE awards SET status = 'approved', approved_by = $2 WHERE id = $1`,
      [s.money.spare, s.cast.manager2.user.id],
    ],
    ['rule 11 (mail of payments)', `DELETE FROM notifications WHERE dedupe_key = $1`, [`payment.recorded:${paid.id}`]],
    [
      'rule 10 (audit chain)',
      `INSERT INTO audit_events (seq, occurred_at, action, entity_type, entity_id, prev_hash, hash)
       SELECT max(seq) + 1, now(), 'forged', 'x', 'x', repeat('0', 64), repeat('0', 64) FROM audit_events`,
      [],
    ],
  ];
  const applied: string[] = [];
  const refusedByDatabase: string[] = [];
  for (const [rule, sql, params] of breaks) {
    try {
      await ctx.dataSource.query(sql, params);
      applied.push(rule);
    } catch {
      refusedByDatabase.push(rule);
    }
  }
  return { applied, refusedByDatabase };
}
