import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { waitFor } from './processes';
import { samplePdf } from './sample-files';
import { Cast, createAdoptedPlan, createCompetition, createPlaces, createUser, Places, TestUser } from './factories';
import { TestContext } from './test-app';

/** Level descriptors of a 0..4 scale. */
const LEVELS = ['none', 'weak', 'fair', 'good', 'strong'].map((en) => ({ en }));

export interface Reviewable {
  competitionId: string;
  places: Places;
  applications: { id: string; applicant: TestUser; villageId: string; title: string }[];
  /** Two files of the first application: a CV (identifying) and a price quote. */
  attachments: { cv: string; quote: string };
}

/**
 * A competition closed for applications with `count` eligible applications spread over the
 * villages, as a first scoring round needs it; applicants have confirmed addresses.
 */
export async function createReviewable(ctx: TestContext, cast: Cast, count: number, villages = 3): Promise<Reviewable> {
  const places = await createPlaces(ctx, cast.admin.user.id, villages);
  const goals: string[][] = [];
  for (const villageId of places.villageIds)
    goals.push(((await createAdoptedPlan(ctx, cast.admin.user.id, villageId)).goals ?? []).map((g) => g.id));
  const competition = await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
    open: true,
    minAward: '50000000',
    budget: '1000000000',
  });
  const sectors = ['tourism', 'agriculture', 'crafts', 'services'];
  const applications: Reviewable['applications'] = [];
  let attachments = { cv: '', quote: '' };
  for (let i = 0; i < count; i += 1) {
    const v = i % villages;
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[v] });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now(), full_name = $2 WHERE id = $1', [
      applicant.user.id,
      `Applicant ${i}`,
    ]);
    const title = `Project ${i}`;
    const amount = String(100000000 + i * 1000000);
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competition.id}/applications`)
      .set(applicant.auth)
      .send({
        title,
        summary: `Summary ${i}`,
        sector: sectors[i % sectors.length],
        goals: [{ goalId: goals[v][i % 2], contribution: 'Supports it' }],
        requestedAmount: amount,
        ownContribution: '40000000',
        budgetLines: [
          { category: 'equipment', amount, source: 'grant' },
          { category: 'own', amount: '40000000', source: 'own' },
        ],
      })
      .expect(201);
    if (i === 0) {
      const upload = async (name: string) =>
        (
          await ctx
            .http()
            .post(`/api/applications/${draft.body.id}/attachments`)
            .set(applicant.auth)
            .attach('file', samplePdf(), name)
            .expect(201)
        ).body.id as string;
      attachments = { cv: await upload('Aigerim_Nurlanovna_CV.pdf'), quote: await upload('quote.pdf') };
    }
    await ctx.http().post(`/api/applications/${draft.body.id}/submit`).set(applicant.auth).expect(200);
    await ctx
      .http()
      .post(`/api/applications/${draft.body.id}/screening`)
      .set(cast.manager.auth)
      .send({ decision: 'eligible' })
      .expect(200);
    applications.push({ id: draft.body.id, applicant, villageId: places.villageIds[v], title });
  }
  await ctx.app.get(CompetitionLifecycleService).close(cast.manager.user.id, competition.id);
  return { competitionId: competition.id, places, applications, attachments };
}

export function roundBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Round 1',
    deadline: new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString(),
    criteria: [
      {
        code: 'plan',
        title: { kk: 'Ауыл жоспарына қызмет етеді', ru: 'Служит плану села', en: 'Supports the village plan' },
        weight: 3,
        max: 4,
        descriptors: LEVELS,
        min: 1,
      },
      {
        code: 'feasibility',
        title: { en: 'Feasible' },
        weight: 2,
        max: 4,
        descriptors: LEVELS,
      },
    ],
    priorityCriterion: 'plan',
    jurorsPerApplication: 2,
    maxLoad: 6,
    quorum: 2,
    disputeSpread: 30,
    disputeMargin: 1,
    advancement: { kind: 'top', n: 3 },
    ...overrides,
  };
}

/** A juror on the panel with a confirmed (empty unless given) declaration. */
export async function addJuror(
  ctx: TestContext,
  cast: Cast,
  competitionId: string,
  options: { homeVillageId?: string; expertise?: string[]; confirm?: boolean } = {},
): Promise<TestUser> {
  const juror = await createUser(ctx, { roles: ['juror'], homeVillageId: options.homeVillageId });
  await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [juror.user.id]);
  await ctx
    .http()
    .post(`/api/competitions/${competitionId}/jurors`)
    .set(cast.manager.auth)
    .send({ userId: juror.user.id, expertise: options.expertise ?? [] })
    .expect(201);
  if (options.confirm !== false)
    await ctx.http().post(`/api/reviews/competitions/${competitionId}/conflicts/confirm`).set(juror.auth).expect(200);
  return juror;
}

/** Waits up to `timeoutMs` until the assignment run has left the queue. */
export async function waitForRun(
  ctx: TestContext,
  cast: Cast,
  runId: string,
  timeoutMs: number,
): Promise<{ status: string; [key: string]: unknown }> {
  return waitFor(
    async () => {
      const res = await ctx.http().get(`/api/assignment-runs/${runId}`).set(cast.manager.auth);
      return res.body.status === 'queued' ? undefined : (res.body as { status: string });
    },
    timeoutMs,
    `assignment run ${runId}`,
  );
}
