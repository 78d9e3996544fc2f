import { createAwardable } from '../helpers/award-setup';
import {
  Cast,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  TestUser,
} from '../helpers/factories';
import { addJuror, createReviewable, roundBody } from '../helpers/review-setup';
import { TestContext } from '../helpers/test-app';

/**
 * One award of 100M tiyn, all of it asked; the budget is exactly what the paid awards, the proposals
 * and one spare proposal need.
 */
export const AWARD_AMOUNT = 100_000_000n;

export interface Sizes {
  /** Draft applications waiting to be submitted in the bursts. */
  drafts: number;
  /** Applications in the open scoring round; each has two jurors, so twice as many scoresheets. */
  reviewed: number;
  /** Awards approved and accepted before the bursts: their signing tranche is paid in the bursts. */
  paid: number;
  /**
   * Proposals approved in the bursts. They all fit: a proposal beyond the budget is refused when it is
   * made (DESIGN.md section 7), so the approvals can only commit the budget to its last tiyn.
   */
  proposed: number;
}

export interface Scenario {
  cast: Cast;
  intake: { competitionId: string; drafts: { id: string; applicant: TestUser }[] };
  review: {
    competitionId: string;
    roundId: string;
    assignments: { id: string; juror: TestUser; applicationId: string }[];
  };
  money: {
    competitionId: string;
    budget: bigint;
    tranches: { id: string; awardId: string; amount: string }[];
    proposals: string[];
    /** A proposal the bursts leave alone, for the checker's break of rule 10. */
    spare: string;
    paidOn: string;
  };
}

/** The data the bursts work on, built over HTTP (and the factories) while every service is up. */
export async function buildScenario(ctx: TestContext, sizes: Sizes): Promise<Scenario> {
  const cast = await createCast(ctx);
  const intake = await draftsInOpenCompetition(ctx, cast, sizes.drafts);
  const review = await openScoringRound(ctx, cast, sizes.reviewed);
  const money = await awardsToPayAndApprove(ctx, cast, sizes);
  return { cast, intake, review, money };
}

async function draftsInOpenCompetition(ctx: TestContext, cast: Cast, count: number): Promise<Scenario['intake']> {
  const places = await createPlaces(ctx, cast.admin.user.id, 3);
  const goals: string[] = [];
  for (const villageId of places.villageIds)
    goals.push((await createAdoptedPlan(ctx, cast.admin.user.id, villageId)).goals![0].id);
  const competition = await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
    open: true,
    minAward: '50000000',
    budget: '1000000000',
  });
  const drafts: Scenario['intake']['drafts'] = [];
  for (let i = 0; i < count; i += 1) {
    const v = i % places.villageIds.length;
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[v] });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.user.id]);
    const amount = String(60_000_000 + i * 1_000_000);
    const res = await ctx
      .http()
      .post(`/api/competitions/${competition.id}/applications`)
      .set(applicant.auth)
      .send({
        title: `Fault burst project ${i}`,
        summary: `Submitted while a dependency fails (${i})`,
        sector: 'services',
        goals: [{ goalId: goals[v], contribution: 'Supports it' }],
        requestedAmount: amount,
        ownContribution: '30000000',
        budgetLines: [
          { category: 'equipment', amount, source: 'grant' },
          { category: 'own', amount: '30000000', source: 'own' },
        ],
      })
      .expect(201);
    drafts.push({ id: res.body.id as string, applicant });
  }
  return { competitionId: competition.id, drafts };
}

async function openScoringRound(ctx: TestContext, cast: Cast, count: number): Promise<Scenario['review']> {
  const base = await createReviewable(ctx, cast, count);
  const round = await ctx
    .http()
    .post(`/api/competitions/${base.competitionId}/rounds`)
    .set(cast.manager.auth)
    .send(roundBody({ maxLoad: count, advancement: { kind: 'top', n: Math.ceil(count / 2) } }))
    .expect(201);
  const roundId = round.body.id as string;
  await ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
  const jurors: TestUser[] = [];
  for (let j = 0; j < 3; j += 1) jurors.push(await addJuror(ctx, cast, base.competitionId));
  const assignments: Scenario['review']['assignments'] = [];
  for (const [i, application] of base.applications.entries()) {
    for (const juror of [jurors[i % 3], jurors[(i + 1) % 3]]) {
      const res = await ctx
        .http()
        .post(`/api/rounds/${roundId}/assignments`)
        .set(cast.manager.auth)
        .send({ applicationId: application.id, jurorId: juror.user.id })
        .expect(201);
      assignments.push({ id: res.body.id as string, juror, applicationId: application.id });
    }
  }
  return { competitionId: base.competitionId, roundId, assignments };
}

async function awardsToPayAndApprove(ctx: TestContext, cast: Cast, sizes: Sizes): Promise<Scenario['money']> {
  const count = sizes.paid + sizes.proposed + 1;
  const budget = AWARD_AMOUNT * BigInt(count);
  const base = await createAwardable(ctx, cast, count, { budget: budget.toString() });
  const items = base.applications.map((a) => ({ applicationId: a.id, amount: AWARD_AMOUNT.toString() }));
  const proposed = await ctx
    .http()
    .post(`/api/competitions/${base.competitionId}/awards`)
    .set(cast.manager.auth)
    .send({ items })
    .expect(201);
  const awards = proposed.body as { id: string; applicationId: string }[];
  const tranches: Scenario['money']['tranches'] = [];
  for (const [i, award] of awards.slice(0, sizes.paid).entries()) {
    await ctx.http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
    const accepted = await ctx
      .http()
      .post(`/api/awards/${award.id}/accept`)
      .set(base.applications[i].applicant.auth)
      .expect(200);
    const signing = (accepted.body.tranches as { id: string; status: string; amount: string }[]).find(
      (t) => t.status === 'approved',
    )!;
    tranches.push({ id: signing.id, awardId: award.id, amount: signing.amount });
  }
  const [{ today }]: { today: string }[] = await ctx.dataSource.query(
    `SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS today`,
    [ctx.config.mailTimeZone],
  );
  return {
    competitionId: base.competitionId,
    budget,
    tranches,
    proposals: awards.slice(sizes.paid, sizes.paid + sizes.proposed).map((a) => a.id),
    spare: awards[sizes.paid + sizes.proposed].id,
    paidOn: today,
  };
}
