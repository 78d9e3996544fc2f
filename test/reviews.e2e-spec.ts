import { INestApplicationContext } from '@nestjs/common';
import { auditOf, countRows, expectError } from './helpers/assertions';
import { Cast, createCast, TestUser } from './helpers/factories';
import { waitFor } from './helpers/processes';
import { addJuror, createReviewable, Reviewable, roundBody, waitForRun } from './helpers/review-setup';
import { SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestContext } from './helpers/test-app';
import { startWorker } from './helpers/worker-context';

interface OverviewItem {
  applicationId: string;
  alternates: string[];
  assignments: { id: string; jurorId: string; status: string; scoresheet: string | null }[];
}

describe('jury review: a round from draft to results', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let sink: SmtpSink;
  let cast: Cast;
  let setup: Reviewable;
  let jurors: TestUser[];
  let local: TestUser;
  let roundId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const overrides = { SMTP_URL: sink.url, RELAY_INTERVAL_MS: '100' };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    cast = await createCast(ctx);
    setup = await createReviewable(ctx, cast, 9);
    jurors = [];
    for (let i = 0; i < 3; i += 1)
      jurors.push(await addJuror(ctx, cast, setup.competitionId, { expertise: ['tourism', 'water'] }));
    // From village 0: never assigned its applications; declares nothing else yet.
    local = await addJuror(ctx, cast, setup.competitionId, {
      homeVillageId: setup.places.villageIds[0],
      confirm: false,
    });
    // The app, a worker, nine applications and four jurors: seconds on an idle machine, a minute on a busy one.
  }, 120000);
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await sink?.stop();
  }, 60000);

  const overview = async (): Promise<OverviewItem[]> =>
    (
      await ctx
        .http()
        .get(`/api/rounds/${roundId}/assignments`)
        .query({ limit: 100 })
        .set(cast.manager.auth)
        .expect(200)
    ).body.items;
  const mine = async (juror: TestUser) =>
    (await ctx.http().get(`/api/reviews/rounds/${roundId}/assignments`).set(juror.auth).expect(200)).body;
  const full = { plan: 3, feasibility: 2 };

  /** After the round closes: the assignment and the juror's own scoresheet read as before, never written. */
  const expectReadOnly = async (juror: TestUser, id: string, status: string) => {
    const view = await ctx.http().get(`/api/reviews/assignments/${id}`).set(juror.auth).expect(200);
    expect(view.body).toMatchObject({
      id,
      editable: false,
      round: { id: roundId, status },
      application: { title: expect.stringMatching(/^Project/) },
      scoresheet: { status: 'submitted', scores: expect.any(Object), total: expect.any(Number) },
    });
    const [stored]: { scores: unknown; updatedAt: Date }[] = await ctx.dataSource.query(
      'SELECT scores, updated_at AS "updatedAt" FROM scoresheets WHERE assignment_id = $1',
      [id],
    );
    expect(view.body.scoresheet.scores).toEqual(stored.scores);
    for (const body of [{ scores: full }, { scores: full, submit: true }])
      expectError(
        await ctx.http().put(`/api/reviews/assignments/${id}/scoresheet`).set(juror.auth).send(body),
        409,
        'REVIEW.ROUND_NOT_OPEN',
      );
    const [after]: { scores: unknown; updatedAt: Date }[] = await ctx.dataSource.query(
      'SELECT scores, updated_at AS "updatedAt" FROM scoresheets WHERE assignment_id = $1',
      [id],
    );
    expect(after).toEqual(stored);
  };

  describe('rounds and the method', () => {
    it('refuses an inconsistent method with the fields named, and stores nothing', async () => {
      const before = await countRows(ctx, 'review_rounds');
      const bad = roundBody({
        criteria: [{ code: 'plan', title: { en: 'Plan' }, weight: 1, max: 4, descriptors: [{ en: 'a' }, { en: 'b' }] }],
        priorityCriterion: 'other',
        quorum: 5,
      });
      const res = await ctx
        .http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(bad)
        .expect(400);
      expect(res.body.code).toBe('REVIEW.INVALID_METHOD');
      expect(res.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'criteria.0.descriptors',
        'priorityCriterion',
        'quorum',
      ]);
      await ctx
        .http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send({ ...roundBody(), extra: 1 })
        .expect(400);
      await ctx
        .http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody({ jurorsPerApplication: '2' }))
        .expect(400);
      expect(await countRows(ctx, 'review_rounds')).toBe(before);
    });

    it('creates a draft the public cannot see, editable until it opens', async () => {
      const res = await ctx
        .http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody({ maxLoad: 5, minLoad: 3 }))
        .expect(201);
      roundId = res.body.id;
      expect(res.body).toMatchObject({
        status: 'draft',
        position: 1,
        seed: null,
        method: { blind: true, minLoad: 3, disputeMaxShare: 0.1, calibratedDecisive: false },
      });
      await ctx.http().get(`/api/public/rounds/${roundId}`).expect(404);
      const listed = await ctx
        .http()
        .get(`/api/competitions/${setup.competitionId}/rounds`)
        .query({ limit: 1 })
        .set(cast.manager.auth)
        .expect(200);
      expect(listed.body).toEqual({ items: [expect.objectContaining({ id: roundId })], total: 1, limit: 1, offset: 0 });
      const published = await ctx.http().get(`/api/public/competitions/${setup.competitionId}/rounds`).expect(200);
      expect(published.body).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
      const edited = await ctx
        .http()
        .patch(`/api/rounds/${roundId}`)
        .set(cast.manager.auth)
        .send({ maxLoad: 8 })
        .expect(200);
      expect(edited.body.method).toMatchObject({
        maxLoad: 8,
        jurorsPerApplication: 2,
        advancement: { kind: 'top', n: 3 },
      });
    });

    it('opens: freezes the method, publishes the seed and takes in the eligible applications', async () => {
      const res = await ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
      expect(res.body.status).toBe('open');
      expect(res.body.seed).toMatch(/^[0-9a-f]{64}$/);
      const published = await ctx.http().get(`/api/public/rounds/${roundId}`).expect(200);
      expect(published.body).toMatchObject({
        seed: res.body.seed,
        method: { criteria: [{ code: 'plan', descriptors: expect.any(Array) }, { code: 'feasibility' }] },
      });
      expectError(
        await ctx.http().patch(`/api/rounds/${roundId}`).set(cast.manager.auth).send({ maxLoad: 9 }),
        409,
        'REVIEW.METHOD_FROZEN',
      );
      expectError(
        await ctx.http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth),
        409,
        'REVIEW.WRONG_STATUS',
      );
      const statuses: { status: string }[] = await ctx.dataSource.query(
        'SELECT status FROM applications WHERE competition_id = $1',
        [setup.competitionId],
      );
      expect(statuses.every((s) => s.status === 'in_review')).toBe(true);
    });
  });

  describe('conflicts and the assignment', () => {
    it('shows a juror applicant names and villages only, and keeps the workspace shut until they confirm', async () => {
      const res = await ctx
        .http()
        .get(`/api/reviews/competitions/${setup.competitionId}/applicants`)
        .set(local.auth)
        .expect(200);
      expect(res.body).toMatchObject({ total: 9, limit: 20, offset: 0 });
      expect(res.body.items).toHaveLength(9);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['applicantId', 'fullName', 'villages']);
      const rest = await ctx
        .http()
        .get(`/api/reviews/competitions/${setup.competitionId}/applicants`)
        .query({ limit: 4, offset: 6 })
        .set(local.auth)
        .expect(200);
      expect(rest.body).toEqual({ items: res.body.items.slice(6), total: 9, limit: 4, offset: 6 });
      expect(JSON.stringify(res.body)).not.toMatch(/Project|SU-|Summary/);
      expectError(
        await ctx.http().get(`/api/reviews/rounds/${roundId}/assignments`).set(local.auth),
        403,
        'REVIEW.CONFLICTS_NOT_CONFIRMED',
      );
      // Someone else's panel is simply not found.
      const outsider = cast.juror;
      expectError(
        await ctx.http().get(`/api/reviews/competitions/${setup.competitionId}/applicants`).set(outsider.auth),
        404,
        'REVIEW.JUROR_NOT_FOUND',
      );
    });

    it('records a declared conflict and its confirmation, both audited', async () => {
      const target = setup.applications[1];
      const declared = await ctx
        .http()
        .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
        .set(local.auth)
        .send({ applicantId: target.applicant.user.id, kind: 'family', note: 'My cousin' })
        .expect(201);
      expect(declared.body).toMatchObject({ applicantId: target.applicant.user.id, kind: 'family' });
      expectError(
        await ctx
          .http()
          .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
          .set(local.auth)
          .send({ kind: 'family' }),
        400,
        'REVIEW.CONFLICT_TARGET_REQUIRED',
        'applicantId',
      );
      expectError(
        await ctx
          .http()
          .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
          .set(local.auth)
          .send({ applicantId: cast.applicant.user.id, kind: 'family' }),
        422,
        'REVIEW.CONFLICT_TARGET_NOT_FOUND',
      );
      const twice = await ctx
        .http()
        .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
        .set(local.auth)
        .send({ applicantId: target.applicant.user.id, kind: 'family' })
        .expect(201);
      expect(twice.body.id).toBe(declared.body.id);
      expectError(
        await ctx
          .http()
          .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
          .set(local.auth)
          .send({ villageId: setup.places.villageIds[1], kind: 'cousin' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      // A declaration made by mistake can be withdrawn before confirming; someone else's, or an unknown one, is not found.
      const mistake = await ctx
        .http()
        .post(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
        .set(local.auth)
        .send({ villageId: setup.places.villageIds[2], kind: 'other' })
        .expect(201);
      expectError(
        await ctx
          .http()
          .delete(`/api/reviews/competitions/${setup.competitionId}/conflicts/${mistake.body.id}`)
          .set(jurors[0].auth),
        404,
        'REVIEW.DECLARATION_NOT_FOUND',
      );
      await ctx
        .http()
        .delete(`/api/reviews/competitions/${setup.competitionId}/conflicts/${mistake.body.id}`)
        .set(local.auth)
        .expect(204);
      expectError(
        await ctx
          .http()
          .delete(`/api/reviews/competitions/${setup.competitionId}/conflicts/${mistake.body.id}`)
          .set(local.auth),
        404,
        'REVIEW.DECLARATION_NOT_FOUND',
      );
      await ctx
        .http()
        .post(`/api/reviews/competitions/${setup.competitionId}/conflicts/confirm`)
        .set(local.auth)
        .expect(200);
      expectError(
        await ctx
          .http()
          .delete(`/api/reviews/competitions/${setup.competitionId}/conflicts/${declared.body.id}`)
          .set(local.auth),
        409,
        'REVIEW.CONFLICTS_CONFIRMED',
      );
      const actions = (await auditOf(ctx, 'competition', setup.competitionId, cast.admin.auth)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['conflict.declared', 'conflicts.confirmed']));
      const seen = await ctx
        .http()
        .get(`/api/competitions/${setup.competitionId}/conflicts`)
        .set(cast.observer.auth)
        .expect(200);
      expect(seen.body).toEqual({
        items: [
          expect.objectContaining({
            juror: expect.stringMatching(/^J-[0-9a-f]{8}$/),
            target: 'applicant',
            targetName: 'Applicant 1',
            kind: 'family',
          }),
        ],
        total: 1,
        limit: 20,
        offset: 0,
      });
      const staff = await ctx
        .http()
        .get(`/api/competitions/${setup.competitionId}/conflicts`)
        .set(cast.manager.auth)
        .expect(200);
      expect(staff.body.items[0].juror).toBe(local.user.id);
      const mine = await ctx
        .http()
        .get(`/api/reviews/competitions/${setup.competitionId}/conflicts`)
        .query({ offset: 1 })
        .set(local.auth)
        .expect(200);
      expect(mine.body).toEqual({ items: [], total: 1, limit: 20, offset: 1 });
    });

    it('runs the engine in the worker: every application gets k jurors, loads kept, no conflicted pair', async () => {
      const queued = await ctx.http().post(`/api/rounds/${roundId}/assignment-runs`).set(cast.manager.auth).expect(202);
      expect(queued.body.status).toBe('queued');
      const run = await waitForRun(ctx, cast, queued.body.id, 15000);
      expect(run).toMatchObject({
        status: 'succeeded',
        assigned: 18,
        inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        seed: expect.any(String),
        objective: expect.any(String),
      });
      const items = await overview();
      expect(items).toHaveLength(9);
      const load = new Map<string, number>();
      for (const item of items) {
        const active = item.assignments.filter((a) => a.status === 'active');
        expect(active).toHaveLength(2);
        for (const a of active) load.set(a.jurorId, (load.get(a.jurorId) ?? 0) + 1);
        const app = setup.applications.find((x) => x.id === item.applicationId)!;
        if (app.villageId === setup.places.villageIds[0] || app === setup.applications[1])
          expect(active.map((a) => a.jurorId)).not.toContain(local.user.id);
      }
      expect(load.size).toBe(4);
      expect([...load.values()].every((n) => n >= 3 && n <= 8)).toBe(true);
      // One mail per juror, in their language, with how many and the deadline.
      const jurorMails = new Set([...jurors, local].map((j) => j.user.email));
      const mails = await sink.waitFor(4, 15000, (m) => jurorMails.has(m.to) && /бағалауға/i.test(m.subject));
      expect(new Set(mails.map((m) => m.to)).size).toBe(4);
    });

    it('asking for a run again gives the same assignment (deterministic), with nothing left to fill', async () => {
      const again = await ctx.http().post(`/api/rounds/${roundId}/assignment-runs`).set(cast.manager.auth).expect(202);
      const run = await waitForRun(ctx, cast, again.body.id, 15000);
      expect(run).toMatchObject({ status: 'succeeded', assigned: 0 });
      const runs = await ctx
        .http()
        .get(`/api/rounds/${roundId}/assignment-runs`)
        .query({ limit: 1 })
        .set(cast.manager.auth)
        .expect(200);
      expect(runs.body).toEqual({
        items: [expect.objectContaining({ id: again.body.id })],
        total: 2,
        limit: 1,
        offset: 0,
      });
    });

    it("pages the panel, and each juror's competitions and rounds", async () => {
      const jurorsPage = (query: object) =>
        ctx
          .http()
          .get(`/api/competitions/${setup.competitionId}/jurors`)
          .query(query)
          .set(cast.manager.auth)
          .expect(200);
      const panel = (await jurorsPage({ limit: 100 })).body;
      expect(panel.items).toHaveLength(panel.total);
      expect(panel.total).toBeGreaterThanOrEqual(4);
      expect((await jurorsPage({ limit: 2, offset: panel.total - 1 })).body).toEqual({
        items: [panel.items[panel.total - 1]],
        total: panel.total,
        limit: 2,
        offset: panel.total - 1,
      });
      const panels = await ctx.http().get('/api/reviews/competitions').set(local.auth).expect(200);
      expect(panels.body).toEqual({
        items: [expect.objectContaining({ competitionId: setup.competitionId })],
        total: 1,
        limit: 20,
        offset: 0,
      });
      const rounds = await ctx.http().get('/api/reviews/rounds').set(jurors[0].auth).expect(200);
      expect(rounds.body).toEqual({
        items: [expect.objectContaining({ roundId, competitionId: setup.competitionId })],
        total: 1,
        limit: 20,
        offset: 0,
      });
    });
  });

  describe('the juror workspace', () => {
    it('lists my assignments and shows the blind snapshot: no name, no reference', async () => {
      const list = await mine(jurors[0]);
      expect(list.round).toMatchObject({ id: roundId, blind: true, criteria: expect.any(Array) });
      expect(list.items.length).toBeGreaterThan(0);
      const view = await ctx.http().get(`/api/reviews/assignments/${list.items[0].id}`).set(jurors[0].auth).expect(200);
      expect(view.body.editable).toBe(true);
      expect(view.body.application).toMatchObject({
        title: expect.stringMatching(/^Project/),
        villageName: { en: expect.any(String) },
        goals: [expect.objectContaining({ code: expect.any(String) })],
      });
      expect(view.body.application).not.toHaveProperty('applicantName');
      expect(view.body.application).not.toHaveProperty('reference');
      expect(JSON.stringify(view.body)).not.toMatch(/Applicant \d|SU-|example\.kz|\+7701/);
    });

    it('in a blind round shows only files a manager marked as not identifying, under a neutral name', async () => {
      const owner = setup.applications[0];
      const [row]: { id: string; jurorId: string }[] = await ctx.dataSource.query(
        `SELECT id, juror_id AS "jurorId" FROM assignments WHERE round_id = $1 AND application_id = $2 AND status = 'active' LIMIT 1`,
        [roundId, owner.id],
      );
      const juror = [...jurors, local].find((j) => j.user.id === row.jurorId)!;
      const files = async () =>
        (await ctx.http().get(`/api/reviews/assignments/${row.id}`).set(juror.auth).expect(200)).body.attachments as {
          id: string;
          name: string;
        }[];
      expect(await files()).toEqual([]);
      expectError(
        await ctx
          .http()
          .get(`/api/reviews/assignments/${row.id}/attachments/${setup.attachments.quote}`)
          .set(juror.auth),
        404,
        'ATTACHMENT.NOT_FOUND',
      );
      const marked = await ctx
        .http()
        .patch(`/api/applications/${owner.id}/attachments/${setup.attachments.quote}`)
        .set(cast.manager.auth)
        .send({ identifying: false })
        .expect(200);
      expect(marked.body.identifying).toBe(false);
      expect(await files()).toEqual([
        {
          id: setup.attachments.quote,
          name: 'attachment-1.pdf',
          mediaType: 'application/pdf',
          size: expect.any(Number),
        },
      ]);
      const download = await ctx
        .http()
        .get(`/api/reviews/assignments/${row.id}/attachments/${setup.attachments.quote}`)
        .set(juror.auth)
        .expect(200);
      expect(download.headers['content-disposition']).toContain('attachment-1.pdf');
      expectError(
        await ctx.http().get(`/api/reviews/assignments/${row.id}/attachments/${setup.attachments.cv}`).set(juror.auth),
        404,
        'ATTACHMENT.NOT_FOUND',
      );
      expect(JSON.stringify(await files())).not.toContain('Aigerim');
      // The other jurors of the competition cannot download it through their own assignments.
      const other = jurors.find((j) => j.user.id !== row.jurorId)!;
      const [theirs]: { id: string }[] = await ctx.dataSource.query(
        `SELECT id FROM assignments WHERE juror_id = $1 AND application_id <> $2 AND status = 'active' LIMIT 1`,
        [other.user.id, owner.id],
      );
      expectError(
        await ctx
          .http()
          .get(`/api/reviews/assignments/${theirs.id}/attachments/${setup.attachments.quote}`)
          .set(other.auth),
        404,
        'ATTACHMENT.NOT_FOUND',
      );
    });

    it('answers 404 for another juror’s assignment and for an unknown one', async () => {
      const theirs = (await mine(jurors[1])).items.map((i: { id: string }) => i.id);
      const ours = new Set((await mine(jurors[0])).items.map((i: { id: string }) => i.id));
      const foreign = theirs.find((id: string) => !ours.has(id))!;
      expectError(
        await ctx.http().get(`/api/reviews/assignments/${foreign}`).set(jurors[0].auth),
        404,
        'REVIEW.ASSIGNMENT_NOT_FOUND',
      );
      expectError(
        await ctx
          .http()
          .put(`/api/reviews/assignments/${foreign}/scoresheet`)
          .set(jurors[0].auth)
          .send({ scores: full }),
        404,
        'REVIEW.ASSIGNMENT_NOT_FOUND',
      );
      expectError(
        await ctx.http().get(`/api/reviews/assignments/${crypto.randomUUID()}`).set(jurors[0].auth),
        404,
        'REVIEW.ASSIGNMENT_NOT_FOUND',
      );
      // An applicant never reaches the workspace, and scoresheets stay hidden while the round is open.
      await ctx.http().get(`/api/reviews/assignments/${foreign}`).set(setup.applications[0].applicant.auth).expect(403);
      expectError(
        await ctx.http().get(`/api/rounds/${roundId}/scoresheets`).set(cast.observer.auth),
        409,
        'REVIEW.WRONG_STATUS',
      );
    });

    it('saves a draft, refuses an incomplete or out-of-scale submission, then submits', async () => {
      const id = (await mine(jurors[0])).items[0].id;
      const draft = await ctx
        .http()
        .put(`/api/reviews/assignments/${id}/scoresheet`)
        .set(jurors[0].auth)
        .send({ scores: { plan: 2 }, comments: { plan: 'Good fit' } })
        .expect(200);
      expect(draft.body).toMatchObject({ status: 'draft', scores: { plan: 2 }, total: null });
      const incomplete = await ctx
        .http()
        .put(`/api/reviews/assignments/${id}/scoresheet`)
        .set(jurors[0].auth)
        .send({ scores: { plan: 2 }, submit: true });
      expectError(incomplete, 400, 'REVIEW.INCOMPLETE_SCORESHEET', 'scores.feasibility');
      expectError(
        await ctx
          .http()
          .put(`/api/reviews/assignments/${id}/scoresheet`)
          .set(jurors[0].auth)
          .send({ scores: { plan: 5, feasibility: 1 }, submit: true }),
        400,
        'REVIEW.INCOMPLETE_SCORESHEET',
        'scores.plan',
      );
      expectError(
        await ctx
          .http()
          .put(`/api/reviews/assignments/${id}/scoresheet`)
          .set(jurors[0].auth)
          .send({ scores: { plan: 1.5, feasibility: 1 }, submit: true }),
        400,
        'REVIEW.INCOMPLETE_SCORESHEET',
        'scores.plan',
      );
      expectError(
        await ctx
          .http()
          .put(`/api/reviews/assignments/${id}/scoresheet`)
          .set(jurors[0].auth)
          .send({ scores: { plan: 1, feasibility: 1, charm: 2 }, submit: true }),
        400,
        'REVIEW.INCOMPLETE_SCORESHEET',
        'scores.charm',
      );
      const submitted = await ctx
        .http()
        .put(`/api/reviews/assignments/${id}/scoresheet`)
        .set(jurors[0].auth)
        .send({ scores: full, submit: true })
        .expect(200);
      // (3/4 * 3 + 2/4 * 2) / 5 * 100 = 65
      expect(submitted.body).toMatchObject({ status: 'submitted', total: 65, comments: {} });
      const stored: { status: string }[] = await ctx.dataSource.query(
        'SELECT status FROM scoresheets WHERE assignment_id = $1',
        [id],
      );
      expect(stored).toEqual([{ status: 'submitted' }]);
    });

    it('stores one scoresheet when the same one is submitted twice at once', async () => {
      const id = (await mine(jurors[0])).items[1].id;
      const results = await Promise.all(
        [0, 1, 2].map(() =>
          ctx
            .http()
            .put(`/api/reviews/assignments/${id}/scoresheet`)
            .set(jurors[0].auth)
            .send({ scores: { plan: 4, feasibility: 4 }, submit: true }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const rows = await ctx.dataSource.query('SELECT id FROM scoresheets WHERE assignment_id = $1', [id]);
      expect(rows).toHaveLength(1);
    });

    it('a recusal withdraws the scoresheet (audited) and a run fills only the freed place', async () => {
      const before = await overview();
      const recuser = jurors[1];
      const id = (await mine(recuser)).items[0].id;
      await ctx
        .http()
        .put(`/api/reviews/assignments/${id}/scoresheet`)
        .set(recuser.auth)
        .send({ scores: full, submit: true })
        .expect(200);
      await ctx
        .http()
        .post(`/api/reviews/assignments/${id}/recuse`)
        .set(recuser.auth)
        .send({ reason: 'I know the family' })
        .expect(204);
      expect(
        (await ctx.dataSource.query('SELECT status FROM scoresheets WHERE assignment_id = $1', [id]))[0].status,
      ).toBe('withdrawn');
      const actions = (await auditOf(ctx, 'review_round', roundId, cast.admin.auth)).map((e) => e.action);
      expect(actions).toContain('assignment.recused');
      await waitFor(
        async () => {
          const items = await overview();
          return items.every((i) => i.assignments.filter((a) => a.status === 'active').length === 2)
            ? items
            : undefined;
        },
        15000,
        'the freed place filled',
      ).catch(async (error: unknown) => {
        const runs = await ctx.http().get(`/api/rounds/${roundId}/assignment-runs`).set(cast.manager.auth);
        throw new Error(`${String(error)}: ${JSON.stringify(runs.body.items[0])}`);
      });
      const after = await overview();
      const activeIds = (items: OverviewItem[]) =>
        new Set(items.flatMap((i) => i.assignments.filter((a) => a.status === 'active').map((a) => a.id)));
      const kept = [...activeIds(before)].filter((x) => x !== id);
      expect(kept.every((x) => activeIds(after).has(x))).toBe(true);
      const refilled = after.find((i) => i.assignments.some((a) => a.id === id))!;
      expect(refilled.assignments.filter((a) => a.status === 'active').map((a) => a.jurorId)).not.toContain(
        recuser.user.id,
      );
      expectError(
        await ctx.http().put(`/api/reviews/assignments/${id}/scoresheet`).set(recuser.auth).send({ scores: full }),
        404,
        'REVIEW.ASSIGNMENT_NOT_FOUND',
      );
    });

    it('a manager cannot assign a conflicted pair, and can swap a juror', async () => {
      const own = setup.applications.find((a) => a.villageId === setup.places.villageIds[0])!;
      expectError(
        await ctx
          .http()
          .post(`/api/rounds/${roundId}/assignments`)
          .set(cast.manager.auth)
          .send({ applicationId: own.id, jurorId: local.user.id }),
        422,
        'REVIEW.PAIR_IN_CONFLICT',
      );
      // Any juror free to take an assignment: not already on it, never recused from it, not in conflict with it.
      const items = await overview();
      const free = (item: OverviewItem, juror: TestUser) => {
        const app = setup.applications.find((x) => x.id === item.applicationId)!;
        const conflicted =
          juror === local && (app.villageId === setup.places.villageIds[0] || app === setup.applications[1]);
        return !conflicted && !item.assignments.some((a) => a.jurorId === juror.user.id);
      };
      const pick = items.flatMap((item) =>
        [...jurors, local].filter((j) => free(item, j)).map((juror) => ({ item, juror })),
      )[0];
      expect(pick).toBeDefined();
      const from = pick.item.assignments.find((a) => a.status === 'active')!;
      const swapped = await ctx
        .http()
        .post(`/api/assignments/${from.id}/swap`)
        .set(cast.manager.auth)
        .send({ jurorId: pick.juror.user.id, reason: 'Balance' })
        .expect(201);
      expect(swapped.body).toMatchObject({ jurorId: pick.juror.user.id, source: 'manager', status: 'active' });
    });
  });

  describe('closing and results', () => {
    it('closing freezes the scoresheets', async () => {
      // Everyone submits what they have left.
      for (const juror of [...jurors, local]) {
        for (const item of (await mine(juror)).items) {
          const scores = { plan: juror === local ? 4 : 2, feasibility: 3 };
          await ctx
            .http()
            .put(`/api/reviews/assignments/${item.id}/scoresheet`)
            .set(juror.auth)
            .send({ scores, submit: true })
            .expect(200);
        }
      }
      await ctx.http().post(`/api/rounds/${roundId}/close`).set(cast.manager.auth).expect(200);
      const id = (await mine(jurors[0])).items[0].id;
      await expectReadOnly(jurors[0], id, 'closed');
      expectError(
        await ctx.http().get(`/api/rounds/${roundId}/results`).set(cast.manager.auth),
        404,
        'REVIEW.RESULTS_NOT_READY',
      );
    });

    it('finalizes in the worker: ranking, disputes, reliability, who advanced; applicants mailed', async () => {
      await ctx.http().post(`/api/rounds/${roundId}/finalize`).set(cast.manager.auth).expect(202);
      await waitFor(
        async () =>
          (await ctx.http().get(`/api/rounds/${roundId}`).set(cast.manager.auth)).body.status === 'finalized'
            ? true
            : undefined,
        15000,
        'finalized',
      );
      const res = await ctx
        .http()
        .get(`/api/rounds/${roundId}/results`)
        .query({ limit: 100 })
        .set(cast.manager.auth)
        .expect(200);
      expect(res.body.total).toBe(9);
      expect(res.body.summary).toMatchObject({
        applications: 9,
        advanced: 3,
        inputHash: expect.any(String),
        calibrationBlockedBy: 'not_declared',
      });
      const ranks = res.body.items.map((r: { rank: number }) => r.rank);
      expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(res.body.items.filter((r: { advanced: boolean }) => r.advanced)).toHaveLength(3);
      expect(res.body.items[0]).toMatchObject({
        count: 2,
        quorumMet: true,
        totals: [
          { juror: expect.any(String), total: expect.any(Number) },
          { juror: expect.any(String), total: expect.any(Number) },
        ],
      });
      const statuses: { status: string; n: string }[] = await ctx.dataSource.query(
        'SELECT status, count(*) AS n FROM applications WHERE competition_id = $1 GROUP BY status ORDER BY status',
        [setup.competitionId],
      );
      expect(statuses).toEqual([
        { status: 'not_awarded', n: '6' },
        { status: 'shortlisted', n: '3' },
      ]);
      await sink.waitFor(
        9,
        15000,
        (m) => setup.applications.some((a) => a.applicant.user.email === m.to) && /result|нәтиже|итог/i.test(m.subject),
      );
    });

    it('a juror still reads their assignment and scoresheet after the round is finalized, and cannot change them', async () => {
      for (const juror of [jurors[0], local]) {
        const [item] = (await mine(juror)).items as { id: string }[];
        await expectReadOnly(juror, item.id, 'finalized');
      }
    });

    it('recomputing from the stored scoresheets gives the stored results; finalizing twice is refused', async () => {
      const verify = await ctx.http().get(`/api/rounds/${roundId}/results/verify`).set(cast.observer.auth).expect(200);
      expect(verify.body).toMatchObject({ matches: true, differing: [] });
      expect(verify.body.inputHash).toBe(verify.body.storedInputHash);
      expectError(
        await ctx.http().post(`/api/rounds/${roundId}/finalize`).set(cast.manager.auth),
        409,
        'REVIEW.WRONG_STATUS',
      );
      await expect(
        ctx.dataSource.query(`UPDATE round_results SET rank = 1 WHERE round_id = $1`, [roundId]),
      ).rejects.toThrow(/immutable/);
    });

    it('observers see pseudonyms, never juror ids; applicants see only their own result', async () => {
      const res = await ctx
        .http()
        .get(`/api/rounds/${roundId}/results`)
        .query({ limit: 100 })
        .set(cast.observer.auth)
        .expect(200);
      const text = JSON.stringify(res.body);
      for (const j of [...jurors, local]) expect(text).not.toContain(j.user.id);
      expect(res.body.items[0].totals[0].juror).toMatch(/^J-[0-9a-f]{8}$/);
      const sheets = await ctx.http().get(`/api/rounds/${roundId}/scoresheets`).set(cast.observer.auth).expect(200);
      expect(sheets.body.items[0]).toMatchObject({ juror: expect.stringMatching(/^J-/), scores: expect.any(Object) });
      expect(JSON.stringify(sheets.body)).not.toContain(jurors[0].user.id);
      const applicant = setup.applications[0];
      const own = await ctx
        .http()
        .get(`/api/applications/${applicant.id}/results`)
        .set(applicant.applicant.auth)
        .expect(200);
      expect(own.body).toEqual({
        items: [expect.objectContaining({ roundId, advanced: expect.any(Boolean), official: expect.any(Number) })],
        total: 1,
        limit: 20,
        offset: 0,
      });
      expectError(
        await ctx.http().get(`/api/applications/${setup.applications[1].id}/results`).set(applicant.applicant.auth),
        404,
        'REVIEW.RESULTS_NOT_READY',
      );
      await ctx.http().get(`/api/rounds/${roundId}/scoresheets`).set(applicant.applicant.auth).expect(403);
    });
  });
});
