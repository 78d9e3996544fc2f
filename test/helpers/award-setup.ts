import { Cast } from './factories';
import { createReviewable, Reviewable } from './review-setup';
import { TestContext } from './test-app';

export interface Awardable extends Reviewable {
  roundId: string;
}

/**
 * A closed competition whose last round is finalized: real applications (submitted and screened
 * over HTTP), and a finalized round whose results rank them 1..count in order (the review
 * pipeline itself is tested in the reviews suites). The first `advanced` are shortlisted, the rest
 * not_awarded. Amounts and budget can be set for money tests.
 */
export async function createAwardable(
  ctx: TestContext,
  cast: Cast,
  count: number,
  options: {
    advanced?: number;
    requested?: string;
    budget?: string;
    maxAward?: string;
    gatesFailed?: number[];
    awardRules?: Record<string, unknown>;
    villages?: number;
  } = {},
): Promise<Awardable> {
  const base = await createReviewable(ctx, cast, count, options.villages ?? 3);
  const advanced = options.advanced ?? count;
  const ids = base.applications.map((a) => a.id);
  await ctx.dataSource.transaction(async (em) => {
    if (options.requested)
      await em.query('UPDATE applications SET requested_amount = $2 WHERE id = ANY($1)', [ids, options.requested]);
    if (options.budget || options.maxAward || options.awardRules) {
      await em.query(
        `UPDATE competitions SET budget = coalesce($2, budget), max_award = coalesce($3, max_award), award_rules = coalesce($4::jsonb, award_rules) WHERE id = $1`,
        [
          base.competitionId,
          options.budget ?? null,
          options.maxAward ?? null,
          options.awardRules ? JSON.stringify(options.awardRules) : null,
        ],
      );
    }
    const [round]: { id: string }[] = await em.query(
      `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, created_by, summary)
       VALUES ($1, 1, 'Final round', 'finalized', $2, now(), $3, now(), now(), now(), $4, '{"calibratedDecides": false}') RETURNING id`,
      [base.competitionId, JSON.stringify({ priorityCriterion: 'plan' }), 'ab'.repeat(32), cast.manager.user.id],
    );
    const gated = new Set(options.gatesFailed ?? []);
    for (const [i, id] of ids.entries()) {
      const isAdvanced = i < advanced && !gated.has(i);
      await em.query(
        `INSERT INTO round_results (round_id, application_id, count, totals, official, calibrated, spread, gates_failed, quorum_met, rank, advanced, reason, disputed)
         VALUES ($1, $2, 2, '[]', $3, NULL, 0, $4, true, $5, $6, $7, false)`,
        [
          round.id,
          id,
          90 - i,
          gated.has(i) ? ['plan'] : [],
          i + 1,
          isAdvanced,
          isAdvanced ? 'advanced' : gated.has(i) ? 'below_gate' : 'below_line',
        ],
      );
      await em.query(`UPDATE applications SET status = $2 WHERE id = $1`, [
        id,
        isAdvanced ? 'shortlisted' : 'not_awarded',
      ]);
    }
    Object.assign(base, { roundId: round.id });
  });
  return base as Awardable;
}

/** Bare award rows (one 1-tiyn tranche each) for tests of the ledger beneath awards. */
export async function bareAwards(ctx: TestContext, awardable: Awardable, proposedBy: string): Promise<string[]> {
  return ctx.dataSource.transaction(async (em) => {
    const ids: string[] = [];
    for (const application of awardable.applications) {
      const [award]: { id: string }[] = await em.query(
        `INSERT INTO awards (competition_id, application_id, round_id, amount, requested, proposed_by) VALUES ($1, $2, $3, 1, 1, $4) RETURNING id`,
        [awardable.competitionId, application.id, awardable.roundId, proposedBy],
      );
      await em.query(
        `INSERT INTO tranches (award_id, position, label, report_required, amount) VALUES ($1, 1, '{"en": "On signing"}', false, 1)`,
        [award.id],
      );
      ids.push(award.id);
    }
    return ids;
  });
}
