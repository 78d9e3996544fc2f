import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlansService } from '../../src/modules/plans/plans.service';
import { createAwardable } from '../helpers/award-setup';
import { createCast, createCompetition, createPlaces, TestUser } from '../helpers/factories';
import { addJuror, createReviewable, roundBody } from '../helpers/review-setup';
import { samplePdf } from '../helpers/sample-files';
import { createTestApp, TestContext } from '../helpers/test-app';

/**
 * Who calls: nobody, one person of each role, a second person of the roles that own things, and a
 * juror who sits on no panel (`outsider`).
 */
export const CALLERS = [
  'anonymous',
  'admin',
  'manager',
  'juror',
  'finance',
  'observer',
  'applicant',
  'manager2',
  'juror2',
  'applicant2',
  'outsider',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * One realistic world in which every path parameter of the API names a real row:
 * - `awarded`: a closed competition with a finalized round; the applicant's award is approved,
 *   accepted and its signing tranche paid, with a file and a submitted milestone report; a second
 *   applicant's award is approved; a third award is only proposed (by `manager`).
 * - `reviewing`: a closed competition with an open round; `juror` and `juror2` sit on its panel with
 *   assignments (`outsider` does not); `juror` has a conflict declaration and a draft scoresheet;
 *   one file of an assigned application is marked fit for a blind round.
 * - `open`: an open competition where the applicant has drafts (one with a file) to edit, submit,
 *   withdraw and delete.
 * - spare geography and a draft plan that admins may change or delete.
 */
export interface World {
  users: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  awarded: {
    competitionId: string;
    roundId: string;
    applicationId: string;
    awardId: string;
    proposedAwardId: string;
    paidTrancheId: string;
    reportTrancheId: string;
    paymentId: string;
    fileId: string;
    reportId: string;
  };
  reviewing: {
    competitionId: string;
    roundId: string;
    assignmentId: string;
    otherAssignmentId: string;
    applicationId: string;
    attachmentId: string;
    declarationId: string;
    runId: string;
  };
  open: {
    competitionId: string;
    draftId: string;
    attachmentId: string;
    submitId: string;
    withdrawId: string;
    deleteId: string;
  };
  places: {
    regionId: string;
    districtId: string;
    villageId: string;
    spareRegionId: string;
    spareDistrictId: string;
    spareVillageId: string;
    planId: string;
    draftPlanId: string;
  };
  notificationId: string;
  targetUserId: string;
}

/** A test app whose uploaded files go to a folder of its own, removed on close. */
export async function createSecurityApp(overrides: Record<string, string> = {}): Promise<TestContext> {
  const folder = await mkdtemp(join(tmpdir(), 'startup-security-'));
  const ctx = await createTestApp({ ATTACHMENT_DIR: folder, ...overrides });
  // Listening once spares supertest a listen and close per request: these suites send thousands.
  await new Promise<void>((resolve) => ctx.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  return {
    ...ctx,
    close: async () => {
      await ctx.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The app and its world, shared by suites that register their tests in one spec file; set in its beforeAll. */
export interface SecurityEnv {
  ctx: TestContext;
  world: World;
}

async function today(ctx: TestContext): Promise<string> {
  return (
    await ctx.dataSource.query(`SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS d`, [
      ctx.config.mailTimeZone,
    ])
  )[0].d as string;
}

export async function buildWorld(ctx: TestContext): Promise<World> {
  const http = () => ctx.http();
  const cast = await createCast(ctx);

  // Money: proposed by manager, approved by manager2, accepted, paid, reported on.
  const a = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
  const [applicant, applicant2] = [a.applications[0].applicant, a.applications[1].applicant];
  const awards = (
    await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
  ).body as { id: string }[];
  for (const award of awards.slice(0, 2))
    await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
  const accepted = (await http().post(`/api/awards/${awards[0].id}/accept`).set(applicant.auth).expect(200)).body as {
    tranches: { id: string; status: string; reportRequired: boolean }[];
  };
  const signing = accepted.tranches.find((t) => t.status === 'approved')!;
  const reported = accepted.tranches.find((t) => t.reportRequired)!;
  const payment = await http()
    .post(`/api/tranches/${signing.id}/payments`)
    .set(cast.finance.auth)
    .set('Idempotency-Key', randomUUID())
    .send({ bankReference: 'PP-1', paidOn: await today(ctx) })
    .expect(201);
  const file = await http()
    .post(`/api/awards/${awards[0].id}/files`)
    .set(applicant.auth)
    .attach('file', samplePdf(), 'receipt.pdf')
    .expect(201);
  const report = await http()
    .post(`/api/tranches/${reported.id}/reports`)
    .set(applicant.auth)
    .send({
      body: 'Greenhouse built',
      jobsCreated: 2,
      spending: [{ category: 'equipment', description: 'Frame', amount: '1000' }],
      fileIds: [file.body.id],
    })
    .expect(201);

  // Review: an open round with two jurors' assignments.
  const r = await createReviewable(ctx, cast, 3);
  const juror = await addJuror(ctx, cast, r.competitionId, { confirm: false });
  const juror2 = await addJuror(ctx, cast, r.competitionId);
  const declaration = await http()
    .post(`/api/reviews/competitions/${r.competitionId}/conflicts`)
    .set(juror.auth)
    .send({ applicationId: r.applications[2].id, kind: 'family' })
    .expect(201);
  await http().post(`/api/reviews/competitions/${r.competitionId}/conflicts/confirm`).set(juror.auth).expect(200);
  const round = await http()
    .post(`/api/competitions/${r.competitionId}/rounds`)
    .set(cast.manager.auth)
    .send(roundBody())
    .expect(201);
  await http().post(`/api/rounds/${round.body.id}/open`).set(cast.manager.auth).expect(200);
  // The finalized round of `awarded` is written by a helper with a bare method: give it a real one.
  await ctx.dataSource.query(
    'UPDATE review_rounds SET method = (SELECT method FROM review_rounds WHERE id = $1) WHERE id = $2',
    [round.body.id, a.roundId],
  );
  const assign = async (applicationId: string, who: TestUser) =>
    (
      await http()
        .post(`/api/rounds/${round.body.id}/assignments`)
        .set(cast.manager.auth)
        .send({ applicationId, jurorId: who.user.id })
        .expect(201)
    ).body.id as string;
  const assignmentId = await assign(r.applications[0].id, juror);
  const otherAssignmentId = await assign(r.applications[1].id, juror2);
  await assign(r.applications[1].id, juror);
  await http()
    .patch(`/api/applications/${r.applications[0].id}/attachments/${r.attachments.quote}`)
    .set(cast.manager.auth)
    .send({ identifying: false })
    .expect(200);
  await http()
    .put(`/api/reviews/assignments/${assignmentId}/scoresheet`)
    .set(juror.auth)
    .send({ scores: { plan: 2 } })
    .expect(200);
  const run = await http().post(`/api/rounds/${round.body.id}/assignment-runs`).set(cast.manager.auth).expect(202);

  // Intake: an open competition in the same villages, with the applicant's drafts.
  const open = await createCompetition(ctx, cast.manager.user.id, a.places.villageIds, {
    open: true,
    maxApplicationsPerApplicant: 5,
  });
  const [goal] = (await ctx.dataSource.query(
    `SELECT g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = $1 AND p.status = 'adopted' ORDER BY g.code LIMIT 1`,
    [a.applications[0].villageId],
  )) as { id: string }[];
  const draft = async () =>
    (
      await http()
        .post(`/api/competitions/${open.id}/applications`)
        .set(applicant.auth)
        .send({
          title: 'Guest house',
          summary: 'Rooms for visitors',
          sector: 'tourism',
          goals: [{ goalId: goal.id, contribution: 'Jobs' }],
          requestedAmount: '100000000',
          ownContribution: '40000000',
          budgetLines: [
            { category: 'equipment', amount: '100000000', source: 'grant' },
            { category: 'own', amount: '40000000', source: 'own' },
          ],
        })
        .expect(201)
    ).body.id as string;
  const draftId = await draft();
  const attachment = await http()
    .post(`/api/applications/${draftId}/attachments`)
    .set(applicant.auth)
    .attach('file', samplePdf(), 'plan.pdf')
    .expect(201);
  const [submitId, withdrawId, deleteId] = [await draft(), await draft(), await draft()];

  // Geography an admin may change or delete without touching the rest.
  const spare = await createPlaces(ctx, cast.admin.user.id, 1);
  const spareVillage = await createPlaces(ctx, cast.admin.user.id, 1);
  const plans = ctx.app.get(PlansService);
  const [{ id: planId }] = (await ctx.dataSource.query(
    `SELECT id FROM development_plans WHERE village_id = $1 AND status = 'adopted'`,
    [a.applications[0].villageId],
  )) as { id: string }[];
  const draftPlan = await plans.create(cast.admin.user.id, spareVillage.villageIds[0], {
    title: 'Draft plan',
    periodStart: 2026,
    periodEnd: 2030,
    goals: [{ code: 'G1', title: { en: 'Roads' }, priority: 1 }],
  });
  const [notification] = (await ctx.dataSource.query('SELECT id FROM notifications ORDER BY created_at LIMIT 1')) as {
    id: string;
  }[];

  return {
    users: {
      admin: cast.admin,
      manager: cast.manager,
      manager2: cast.manager2,
      finance: cast.finance,
      observer: cast.observer,
      juror,
      juror2,
      applicant,
      applicant2,
      outsider: cast.juror,
    },
    awarded: {
      competitionId: a.competitionId,
      roundId: a.roundId,
      applicationId: a.applications[0].id,
      awardId: awards[0].id,
      proposedAwardId: awards[2].id,
      paidTrancheId: signing.id,
      reportTrancheId: reported.id,
      paymentId: payment.body.id,
      fileId: file.body.id,
      reportId: report.body.id,
    },
    reviewing: {
      competitionId: r.competitionId,
      roundId: round.body.id,
      assignmentId,
      otherAssignmentId,
      applicationId: r.applications[0].id,
      attachmentId: r.attachments.quote,
      declarationId: declaration.body.id,
      runId: run.body.id,
    },
    open: { competitionId: open.id, draftId, attachmentId: attachment.body.id, submitId, withdrawId, deleteId },
    places: {
      regionId: a.places.regionId,
      districtId: a.places.districtId,
      villageId: a.applications[0].villageId,
      spareRegionId: spare.regionId,
      spareDistrictId: spare.districtId,
      spareVillageId: spare.villageIds[0],
      planId,
      draftPlanId: draftPlan.id,
    },
    notificationId: notification.id,
    targetUserId: cast.applicant.user.id,
  };
}
