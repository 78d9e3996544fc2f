import { INestApplicationContext } from '@nestjs/common';
import { ReviewRemindersService } from '../src/modules/reviews/review-reminders.service';
import { auditOf, countRows, expectError } from './helpers/assertions';
import { Cast, createCast, TestUser } from './helpers/factories';
import { waitFor } from './helpers/processes';
import { addJuror, createReviewable, Reviewable, roundBody, waitForRun } from './helpers/review-setup';
import { createTestApp, TestContext } from './helpers/test-app';
import { startWorker } from './helpers/worker-context';

/** Rules around the main flow: infeasible runs, late conflicts, reminders, races with closing, later rounds. */
describe('jury review: rules at the edges', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let cast: Cast;

  beforeAll(async () => {
    ctx = await createTestApp();
    worker = await startWorker(ctx.databaseName);
    cast = await createCast(ctx);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  const createRound = async (competitionId: string, overrides: Record<string, unknown> = {}) =>
    (
      await ctx
        .http()
        .post(`/api/competitions/${competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody(overrides))
        .expect(201)
    ).body.id as string;
  const open = (roundId: string) => ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
  const run = async (roundId: string) =>
    waitForRun(
      ctx,
      cast,
      (await ctx.http().post(`/api/rounds/${roundId}/assignment-runs`).set(cast.manager.auth).expect(202)).body.id,
      15000,
    );
  const mine = async (juror: TestUser, roundId: string) =>
    (await ctx.http().get(`/api/reviews/rounds/${roundId}/assignments`).set(juror.auth).expect(200)).body.items as {
      id: string;
    }[];

  describe('the panel', () => {
    it('refuses a juror who applied in the competition: nobody judges their own application', async () => {
      const setup = await createReviewable(ctx, cast, 1, 1);
      const applicant = setup.applications[0].applicant;
      await ctx.dataSource.query(`UPDATE users SET roles = ARRAY['applicant', 'juror'] WHERE id = $1`, [
        applicant.user.id,
      ]);
      expectError(
        await ctx
          .http()
          .post(`/api/competitions/${setup.competitionId}/jurors`)
          .set(cast.manager.auth)
          .send({ userId: applicant.user.id }),
        422,
        'REVIEW.NOT_A_JUROR',
        'userId',
      );
    });
  });

  describe('an infeasible instance', () => {
    it('is explained by application reference and assigns nothing', async () => {
      const setup = await createReviewable(ctx, cast, 3, 1);
      await addJuror(ctx, cast, setup.competitionId);
      // Home village is the only village: never assignable. Unconfirmed jurors are not assignable either.
      await addJuror(ctx, cast, setup.competitionId, { homeVillageId: setup.places.villageIds[0] });
      const waiting = await addJuror(ctx, cast, setup.competitionId, { confirm: false });
      const roundId = await createRound(setup.competitionId);
      await open(roundId);
      const result = await run(roundId);
      expect(result.status).toBe('infeasible');
      const explanation = (
        result.details as { explanation: { reason: string; applications: { reference: string }[] }[] }
      ).explanation;
      expect(explanation[0]).toMatchObject({ reason: 'too_few_eligible_jurors' });
      expect(explanation[0].applications.map((a) => a.reference).sort()).toHaveLength(3);
      expect(explanation[0].applications[0].reference).toMatch(/^SU-T[0-9A-F]{7}-\d{4}-\d{4}$/);
      // Who could help once they act: the juror who has not confirmed is named.
      expect((result.details as { notAssignable: unknown[] }).notAssignable).toEqual([
        { id: waiting.user.id, fullName: 'Test Person', reason: 'declaration not confirmed' },
      ]);
      expect(await ctx.dataSource.query('SELECT 1 FROM assignments WHERE round_id = $1', [roundId])).toHaveLength(0);
    });
  });

  describe('an open round with assignments', () => {
    let setup: Reviewable;
    let roundId: string;
    let jurors: TestUser[];

    beforeAll(async () => {
      setup = await createReviewable(ctx, cast, 6, 3);
      jurors = [];
      for (let i = 0; i < 4; i += 1) jurors.push(await addJuror(ctx, cast, setup.competitionId));
      roundId = await createRound(setup.competitionId, {
        blind: false,
        minLoad: 2,
        maxLoad: 5,
        deadline: new Date(Date.now() + 50 * 3600 * 1000).toISOString(),
      });
      await open(roundId);
      expect((await run(roundId)).status).toBe('succeeded');
    });

    it('shows the applicant and the reference when the round is not blind', async () => {
      const [first] = await mine(jurors[0], roundId);
      const view = await ctx.http().get(`/api/reviews/assignments/${first.id}`).set(jurors[0].auth).expect(200);
      expect(view.body.application).toMatchObject({
        applicantName: expect.stringMatching(/^Applicant \d$/),
        reference: expect.stringMatching(/^SU-/),
      });
    });

    it('a conflict declared after assignment recuses the juror at once and the place is filled again', async () => {
      const juror = jurors[0];
      const [first] = await mine(juror, roundId);
      const assignment: { applicationId: string } = (
        await ctx.dataSource.query('SELECT application_id AS "applicationId" FROM assignments WHERE id = $1', [
          first.id,
        ])
      )[0];
      await ctx
        .http()
        .put(`/api/reviews/assignments/${first.id}/scoresheet`)
        .set(juror.auth)
        .send({ scores: { plan: 1, feasibility: 1 }, submit: true })
        .expect(200);
      await ctx
        .http()
        .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
        .set(juror.auth)
        .send({ applicationId: assignment.applicationId, kind: 'business', note: 'Supplier' })
        .expect(201);
      const [row]: { status: string; sheet: string }[] = await ctx.dataSource.query(
        'SELECT s.status, sh.status AS sheet FROM assignments s JOIN scoresheets sh ON sh.assignment_id = s.id WHERE s.id = $1',
        [first.id],
      );
      expect(row).toEqual({ status: 'recused', sheet: 'withdrawn' });
      await waitFor(
        async () => {
          const rows: { n: string }[] = await ctx.dataSource.query(
            `SELECT count(*) AS n FROM assignments WHERE round_id = $1 AND application_id = $2 AND status = 'active'`,
            [roundId, assignment.applicationId],
          );
          return rows[0].n === '2' ? true : undefined;
        },
        15000,
        'the place filled again',
      );
      const again: unknown[] = await ctx.dataSource.query(
        `SELECT 1 FROM assignments WHERE round_id = $1 AND application_id = $2 AND juror_id = $3 AND status = 'active'`,
        [roundId, assignment.applicationId, juror.user.id],
      );
      expect(again).toHaveLength(0);
      const actions = (await auditOf(ctx, 'review_round', roundId, cast.admin.auth)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['assignment.recused', 'assignment_run.completed']));
    });

    it('a manager removal withdraws the sheet and refills the place with someone else', async () => {
      const juror = jurors[1];
      const [first] = await mine(juror, roundId);
      const res = await ctx
        .http()
        .post(`/api/assignments/${first.id}/remove`)
        .set(cast.manager.auth)
        .send({ reason: 'Overloaded' })
        .expect(202);
      expect(res.body).toMatchObject({ status: 'queued', trigger: 'removal' });
      expect((await waitForRun(ctx, cast, res.body.id, 15000)).status).toBe('succeeded');
      expectError(
        await ctx.http().post(`/api/assignments/${first.id}/remove`).set(cast.manager.auth).send({ reason: 'Again' }),
        404,
        'REVIEW.ASSIGNMENT_NOT_FOUND',
      );
      expectError(
        await ctx
          .http()
          .delete(`/api/competitions/${setup.competitionId}/jurors/${juror.user.id}`)
          .set(cast.manager.auth),
        409,
        'REVIEW.JUROR_HAS_ASSIGNMENTS',
      );
    });

    it('reminds jurors with unfinished scoresheets once per window', async () => {
      const reminders = ctx.app.get(ReviewRemindersService);
      const before = await countRows(ctx, 'notifications');
      const written = await reminders.remind();
      expect(written).toBeGreaterThan(0);
      // 50 hours ahead: inside the three-day window only.
      const rows: { data: { unfinished: number }; dedupeKey: string }[] = await ctx.dataSource.query(
        `SELECT data, dedupe_key AS "dedupeKey" FROM notifications WHERE type = 'review.deadline_reminder' AND data->>'roundId' = $1`,
        [roundId],
      );
      expect(rows.length).toBe(written);
      expect(rows.every((r) => r.dedupeKey.endsWith(':3d') && r.data.unfinished > 0)).toBe(true);
      await reminders.remind();
      expect(await countRows(ctx, 'notifications')).toBe(before + written);
    });

    it('affinities import: every line checked, nothing stored on a problem', async () => {
      const bad = await ctx
        .http()
        .put(`/api/rounds/${roundId}/affinities`)
        .set(cast.manager.auth)
        .send({
          csv: `application,juror,score\nSU-0000-0000,${jurors[0].user.email},5\n${setup.applications[0].id},nobody@example.kz,500`,
        })
        .expect(400);
      expect(bad.body.code).toBe('REVIEW.INVALID_AFFINITIES');
      expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['csv.line3']);
      const unknown = await ctx
        .http()
        .put(`/api/rounds/${roundId}/affinities`)
        .set(cast.manager.auth)
        .send({ csv: `SU-0000-0000,${jurors[0].user.email},5` })
        .expect(400);
      expect(unknown.body.details.fields[0]).toMatchObject({ field: 'csv.line1' });
      expect(
        await ctx.dataSource.query('SELECT 1 FROM imported_affinities WHERE round_id = $1', [roundId]),
      ).toHaveLength(0);
      const ok = await ctx
        .http()
        .put(`/api/rounds/${roundId}/affinities`)
        .set(cast.manager.auth)
        .send({ csv: `${setup.applications[0].id},${jurors[2].user.email.toUpperCase()},40` })
        .expect(200);
      expect(ok.body).toEqual({ imported: 1 });
    });

    it('a recused juror is never put back on that application, and a swap to the same juror is refused', async () => {
      const juror = jurors[2];
      const [first] = await mine(juror, roundId);
      const [row]: { applicationId: string }[] = await ctx.dataSource.query(
        'SELECT application_id AS "applicationId" FROM assignments WHERE id = $1',
        [first.id],
      );
      await ctx
        .http()
        .post(`/api/reviews/assignments/${first.id}/recuse`)
        .set(juror.auth)
        .send({ reason: 'Neighbour' })
        .expect(204);
      expectError(
        await ctx
          .http()
          .post(`/api/rounds/${roundId}/assignments`)
          .set(cast.manager.auth)
          .send({ applicationId: row.applicationId, jurorId: juror.user.id }),
        422,
        'REVIEW.PAIR_IN_CONFLICT',
      );
      const [other]: { id: string; jurorId: string }[] = await ctx.dataSource.query(
        `SELECT id, juror_id AS "jurorId" FROM assignments WHERE round_id = $1 AND status = 'active' LIMIT 1`,
        [roundId],
      );
      expectError(
        await ctx
          .http()
          .post(`/api/assignments/${other.id}/swap`)
          .set(cast.manager.auth)
          .send({ jurorId: other.jurorId, reason: 'Same' }),
        409,
        'REVIEW.ASSIGNMENT_EXISTS',
      );
      expect((await ctx.dataSource.query('SELECT status FROM assignments WHERE id = $1', [other.id]))[0].status).toBe(
        'active',
      );
    });

    it('keeps scores out of the audit log while the round runs: a digest proves what was stored', async () => {
      const events = await auditOf(ctx, 'review_round', roundId, cast.observer.auth);
      const submitted = events.filter((e) => e.action === 'scoresheet.submitted');
      expect(submitted.length).toBeGreaterThan(0);
      expect(submitted[0].after).toEqual({
        scoresheetId: expect.any(String),
        assignmentId: expect.any(String),
        scoresDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(JSON.stringify(events)).not.toMatch(/"scores"/);
    });

    it('closing waits for a save in flight, and a save after closing is refused', async () => {
      const juror = jurors[3];
      const [item] = await mine(juror, roundId);
      // A save in flight holds the round row FOR SHARE until it commits; simulate one on its own connection.
      const runner = ctx.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query('SELECT 1 FROM review_rounds WHERE id = $1 FOR SHARE', [roundId]);
      let closedAt = 0;
      const closing = ctx
        .http()
        .post(`/api/rounds/${roundId}/close`)
        .set(cast.manager.auth)
        .then((res) => {
          closedAt = Date.now();
          return res;
        });
      // The close is queued behind the share lock: PostgreSQL shows it waiting on a lock.
      await waitFor(
        async () => {
          const [{ n }] = await ctx.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return n > 0 ? true : undefined;
        },
        15000,
        'the close to wait on the round lock',
      );
      expect(closedAt).toBe(0);
      const releasedAt = Date.now();
      await runner.commitTransaction();
      await runner.release();
      expect((await closing).status).toBe(200);
      expect(closedAt).toBeGreaterThanOrEqual(releasedAt);
      expectError(
        await ctx
          .http()
          .put(`/api/reviews/assignments/${item.id}/scoresheet`)
          .set(juror.auth)
          .send({ scores: { plan: 3, feasibility: 3 }, submit: true }),
        409,
        'REVIEW.ROUND_NOT_OPEN',
      );
    });
  });

  describe('a later round', () => {
    it('takes only the applications that advanced, once the round before is finalized', async () => {
      const setup = await createReviewable(ctx, cast, 4, 2);
      const jurors = [await addJuror(ctx, cast, setup.competitionId), await addJuror(ctx, cast, setup.competitionId)];
      const first = await createRound(setup.competitionId, {
        advancement: { kind: 'top', n: 2 },
        quorum: 1,
        jurorsPerApplication: 1,
      });
      const second = await createRound(setup.competitionId, { name: 'Final', quorum: 1, jurorsPerApplication: 1 });
      expectError(
        await ctx.http().post(`/api/rounds/${second}/open`).set(cast.manager.auth),
        409,
        'REVIEW.PREVIOUS_ROUND_NOT_FINALIZED',
      );
      await open(first);
      expect((await run(first)).status).toBe('succeeded');
      let score = 0;
      for (const juror of jurors) {
        for (const item of await mine(juror, first)) {
          score += 1;
          await ctx
            .http()
            .put(`/api/reviews/assignments/${item.id}/scoresheet`)
            .set(juror.auth)
            .send({ scores: { plan: score, feasibility: 1 }, submit: true })
            .expect(200);
        }
      }
      await ctx.http().post(`/api/rounds/${first}/close`).set(cast.manager.auth).expect(200);
      await ctx.http().post(`/api/rounds/${first}/finalize`).set(cast.manager.auth).expect(202);
      await waitFor(
        async () =>
          (await ctx.http().get(`/api/rounds/${first}`).set(cast.manager.auth)).body.status === 'finalized'
            ? true
            : undefined,
        15000,
        'finalized',
      );
      const advanced: { id: string }[] = await ctx.dataSource.query(
        'SELECT application_id AS id FROM round_results WHERE round_id = $1 AND advanced ORDER BY application_id',
        [first],
      );
      expect(advanced).toHaveLength(2);
      const opened = await open(second);
      expect(opened.body.position).toBe(2);
      const entered: { id: string }[] = await ctx.dataSource.query(
        'SELECT application_id AS id FROM round_applications WHERE round_id = $1 ORDER BY application_id',
        [second],
      );
      expect(entered).toEqual(advanced);
    });
  });
});
