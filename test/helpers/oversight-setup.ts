import { Awardable, createAwardable } from './award-setup';
import { Cast } from './factories';
import { TestContext } from './test-app';

export interface Overseeable extends Awardable {
  /** Two criteria (plan 0..4 weight 2, team 0..5 weight 1) and two submitted scoresheets by the cast's juror. */
  criteria: string[];
}

/**
 * A finalized round with a two-criterion rubric, the cast's juror's submitted scoresheets on the
 * first two applications, and a conflict declaration naming the third application's applicant:
 * what an observer reads. Written in SQL, as the awardable round itself is.
 */
export async function createOverseeable(ctx: TestContext, cast: Cast): Promise<Overseeable> {
  const a = await createAwardable(ctx, cast, 3);
  const criteria = [
    { code: 'plan', weight: 2, max: 4 },
    { code: 'team', weight: 1, max: 5 },
  ];
  await ctx.dataSource.transaction(async (em) => {
    await em.query(
      `UPDATE review_rounds SET method = method || jsonb_build_object('criteria', $2::jsonb) WHERE id = $1`,
      [a.roundId, JSON.stringify(criteria)],
    );
    const scores = [
      { plan: 4, team: 5 },
      { plan: 2, team: 1 },
    ];
    for (const [i, s] of scores.entries()) {
      const [assignment]: { id: string }[] = await em.query(
        `INSERT INTO assignments (round_id, application_id, juror_id, source) VALUES ($1, $2, $3, 'manager') RETURNING id`,
        [a.roundId, a.applications[i].id, cast.juror.user.id],
      );
      await em.query(
        `INSERT INTO scoresheets (assignment_id, round_id, application_id, juror_id, status, scores, submitted_at)
         VALUES ($1, $2, $3, $4, 'submitted', $5, now())`,
        [assignment.id, a.roundId, a.applications[i].id, cast.juror.user.id, JSON.stringify(s)],
      );
    }
    await em.query(
      `INSERT INTO competition_jurors (competition_id, user_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [a.competitionId, cast.juror.user.id, cast.manager.user.id],
    );
    await em.query(
      `INSERT INTO conflict_declarations (competition_id, juror_id, applicant_id, kind, note) VALUES ($1, $2, $3, 'family', '')`,
      [a.competitionId, cast.juror.user.id, a.applications[2].applicant.user.id],
    );
  });
  return { ...a, criteria: criteria.map((c) => c.code) };
}
