import { randomUUID } from 'node:crypto';
import { expectError } from './helpers/assertions';
import {
  Cast,
  competitionCode,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  Places,
  TestUser,
} from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

describe('applications: drafts and submission', () => {
  let ctx: TestContext;
  let cast: Cast;
  let places: Places;
  let goalIds: string[];
  let otherGoalId: string;
  let competitionId: string;

  const confirmedApplicant = async (villageId = places.villageIds[0]): Promise<TestUser> => {
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: villageId });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.user.id]);
    return applicant;
  };

  /** A complete application: 2,000,000 tenge requested, 500,000 own (20% of 2,500,000). */
  const complete = (overrides: Record<string, unknown> = {}) => ({
    title: 'Guest house by the sea',
    summary: 'Four rooms for visitors to the coast',
    description: 'Renovate a family house into a guest house.',
    sector: 'tourism',
    goals: [{ goalId: goalIds[0], contribution: 'Brings visitors and work to the village' }],
    requestedAmount: '200000000',
    ownContribution: '50000000',
    budgetLines: [
      { category: 'renovation', description: 'Rooms', amount: '150000000', source: 'grant' },
      { category: 'equipment', amount: '50000000', source: 'grant' },
      { category: 'furniture', amount: '50000000', source: 'own' },
    ],
    jobsCreated: 3,
    plannedStart: '2027-04-01',
    durationMonths: 12,
    ...overrides,
  });

  const draft = (who: TestUser, body: Record<string, unknown> = complete(), competition = competitionId) =>
    ctx.http().post(`/api/competitions/${competition}/applications`).set(who.auth).send(body);

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 3);
    const plan = await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0]);
    goalIds = (plan.goals ?? []).map((g) => g.id);
    await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[1]).then((p) => (otherGoalId = p.goals![0].id));
    const competition = await createCompetition(
      ctx,
      cast.manager.user.id,
      [places.villageIds[0], places.villageIds[1]],
      {
        open: true,
        minAward: '50000000',
        maxAward: '300000000',
        minOwnShareBp: 2000,
        maxApplicationsPerApplicant: 1,
      },
    );
    competitionId = competition.id;
  });
  afterAll(async () => {
    await ctx.close();
  });

  describe('drafts', () => {
    it('an applicant starts a draft for the home village, edits it and sees it', async () => {
      const applicant = await confirmedApplicant();
      const created = await draft(applicant, { title: 'First idea' }).expect(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        reference: null,
        villageId: places.villageIds[0],
        title: 'First idea',
        requestedAmount: '0',
      });
      const edited = await ctx
        .http()
        .patch(`/api/applications/${created.body.id}`)
        .set(applicant.auth)
        .send(complete())
        .expect(200);
      expect(edited.body).toMatchObject({
        title: 'Guest house by the sea',
        requestedAmount: '200000000',
        budgetLines: expect.any(Array),
      });
      expect(edited.body.budgetLines.map((l: { amount: string }) => l.amount)).toEqual([
        '150000000',
        '50000000',
        '50000000',
      ]);
      const mine = await ctx.http().get('/api/applications/mine').set(applicant.auth).expect(200);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
      expect(mine.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
      const history = await ctx
        .http()
        .get(`/api/applications/${created.body.id}/history`)
        .set(applicant.auth)
        .expect(200);
      expect(history.body).toEqual({
        items: [expect.objectContaining({ from: null, to: 'draft' })],
        total: 1,
        limit: 20,
        offset: 0,
      });
    });

    it('another eligible village needs a reason; a village outside the competition is refused', async () => {
      const applicant = await confirmedApplicant();
      const noReason = await draft(applicant, { title: 'x', villageId: places.villageIds[1] }).expect(400);
      expect(noReason.body.code).toBe('APPLICATION.VILLAGE_REASON_REQUIRED');
      const outside = await draft(applicant, {
        title: 'x',
        villageId: places.villageIds[2],
        villageReason: 'family',
      }).expect(422);
      expect(outside.body.code).toBe('APPLICATION.VILLAGE_NOT_ELIGIBLE');
      const withReason = await draft(applicant, {
        title: 'x',
        villageId: places.villageIds[1],
        villageReason: 'My workshop is there',
      }).expect(201);
      expect(withReason.body).toMatchObject({ villageId: places.villageIds[1], villageReason: 'My workshop is there' });
    });

    it.each([
      ['an unknown field', { status: 'awarded' }, 'status'],
      ['a negative amount', { requestedAmount: '-5' }, 'requestedAmount'],
      ['a fractional amount', { requestedAmount: 1.5 }, 'requestedAmount'],
      [
        'a zero budget line',
        { budgetLines: [{ category: 'x', amount: '0', source: 'grant' }] },
        'budgetLines.0.amount',
      ],
      [
        'an unknown funding source',
        { budgetLines: [{ category: 'x', amount: '5', source: 'loan' }] },
        'budgetLines.0.source',
      ],
      ['an unknown sector', { sector: 'mining' }, 'sector'],
      ['a malformed goal id', { goals: [{ goalId: 'G1', contribution: 'x' }] }, 'goals.0.goalId'],
      ['a bad date', { plannedStart: '2027-13-01' }, 'plannedStart'],
      ['a wrong type', { jobsCreated: 'three' }, 'jobsCreated'],
      ['a null amount', { requestedAmount: null }, 'requestedAmount'],
      ['a date that does not exist', { plannedStart: '2027-02-31' }, 'plannedStart'],
      [
        'the same goal twice',
        {
          goals: [
            { goalId: '8c0c6a4e-5a4b-4c1e-9d2a-0f1e2d3c4b5a', contribution: 'a' },
            { goalId: '8c0c6a4e-5a4b-4c1e-9d2a-0f1e2d3c4b5a', contribution: 'b' },
          ],
        },
        'goals',
      ],
    ])('refuses %s and stores nothing', async (_name, body, field) => {
      const applicant = await confirmedApplicant();
      expectError(await draft(applicant, body), 400, 'REQUEST.VALIDATION_FAILED', field);
      const mine = await ctx.http().get('/api/applications/mine').set(applicant.auth).expect(200);
      expect(mine.body).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    });

    it("another applicant's draft is not found, a juror may not look, an unknown id is 404", async () => {
      const owner = await confirmedApplicant();
      const intruder = await confirmedApplicant();
      const { body } = await draft(owner, { title: 'Mine' }).expect(201);
      for (const call of [
        ctx.http().get(`/api/applications/${body.id}`).set(intruder.auth),
        ctx.http().patch(`/api/applications/${body.id}`).set(intruder.auth).send({ title: 'Stolen' }),
        ctx.http().delete(`/api/applications/${body.id}`).set(intruder.auth),
        ctx.http().post(`/api/applications/${body.id}/submit`).set(intruder.auth),
        ctx.http().get(`/api/applications/${body.id}/history`).set(intruder.auth),
      ]) {
        expectError(await call, 404, 'APPLICATION.NOT_FOUND');
      }
      expectError(await ctx.http().get(`/api/applications/${body.id}`).set(cast.juror.auth), 403, 'AUTH.FORBIDDEN');
      expectError(
        await ctx.http().get(`/api/applications/${randomUUID()}`).set(owner.auth),
        404,
        'APPLICATION.NOT_FOUND',
      );
      const still = await ctx.http().get(`/api/applications/${body.id}`).set(cast.manager.auth).expect(200);
      expect(still.body.title).toBe('Mine');
    });

    it('deletes a draft, but not a submitted application', async () => {
      const applicant = await confirmedApplicant();
      const { body } = await draft(applicant, { title: 'Never mind' }).expect(201);
      await ctx.http().delete(`/api/applications/${body.id}`).set(applicant.auth).expect(204);
      await ctx.http().get(`/api/applications/${body.id}`).set(applicant.auth).expect(404);
    });

    it('parallel creations cannot exceed the per-applicant limit', async () => {
      const applicant = await confirmedApplicant();
      const results = await Promise.all(Array.from({ length: 5 }, () => draft(applicant, { title: 'Race' })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
      expect(results.find((r) => r.status === 422)?.body.code).toBe('APPLICATION.LIMIT_REACHED');
    });

    it('a draft cannot start in a competition that is not open', async () => {
      const applicant = await confirmedApplicant();
      const notOpen = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]]);
      expectError(await draft(applicant, { title: 'x' }, notOpen.id), 409, 'APPLICATION.COMPETITION_NOT_OPEN');
    });
  });

  describe('assisted intake', () => {
    it('a manager enters and submits an application for an applicant who came in person', async () => {
      const walkIn = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
      const created = await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications/assisted`)
        .set(cast.manager.auth)
        .send({ ...complete(), applicantId: walkIn.user.id })
        .expect(201);
      expect(created.body).toMatchObject({ applicantId: walkIn.user.id, assisted: true, status: 'draft' });
      await ctx
        .http()
        .patch(`/api/applications/${created.body.id}`)
        .set(cast.manager.auth)
        .send({ jobsCreated: 5 })
        .expect(200);
      // The walk-in applicant has no confirmed address: assisted intake does not need one.
      const submitted = await ctx
        .http()
        .post(`/api/applications/${created.body.id}/submit`)
        .set(cast.manager.auth)
        .expect(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        reference: expect.stringMatching(/^SU-/),
        jobsCreated: 5,
      });
      const mine = await ctx.http().get('/api/applications/mine').set(walkIn.auth).expect(200);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    });

    it('the manager attaches documents to an assisted draft; the unconfirmed applicant cannot submit it alone', async () => {
      const walkIn = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
      const created = await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications/assisted`)
        .set(cast.manager.auth)
        .send({ ...complete(), applicantId: walkIn.user.id })
        .expect(201);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      await ctx
        .http()
        .post(`/api/applications/${created.body.id}/attachments`)
        .set(cast.manager.auth)
        .attach('file', pdf, 'business-plan.pdf')
        .expect(201);
      expectError(
        await ctx.http().post(`/api/applications/${created.body.id}/submit`).set(walkIn.auth),
        403,
        'APPLICATION.EMAIL_NOT_CONFIRMED',
      );
    });

    it('follows the same rules, only for applicants, and staff cannot change applications applicants entered themselves', async () => {
      expectError(
        await ctx
          .http()
          .post(`/api/competitions/${competitionId}/applications/assisted`)
          .set(cast.manager.auth)
          .send({ title: 'x', applicantId: cast.juror.user.id }),
        422,
        'APPLICATION.APPLICANT_NOT_FOUND',
      );
      const owner = await confirmedApplicant();
      const own = await draft(owner, { title: 'Mine alone' }).expect(201);
      expectError(
        await ctx
          .http()
          .patch(`/api/applications/${own.body.id}`)
          .set(cast.manager.auth)
          .send({ title: 'Edited by staff' }),
        403,
        'APPLICATION.NOT_ASSISTED',
      );
      expectError(
        await ctx.http().post(`/api/applications/${own.body.id}/submit`).set(cast.manager.auth),
        403,
        'APPLICATION.NOT_ASSISTED',
      );
      const second = await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications/assisted`)
        .set(cast.manager.auth)
        .send({ title: 'Second', applicantId: owner.user.id });
      expectError(second, 422, 'APPLICATION.LIMIT_REACHED');
      await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications/assisted`)
        .set(owner.auth)
        .send({ title: 'x', applicantId: owner.user.id })
        .expect(403);
    });
  });

  describe('submission', () => {
    it('freezes the content, gives a reference number, records history, a receipt and an audit event', async () => {
      const applicant = await confirmedApplicant();
      const { body } = await draft(applicant).expect(201);
      const submitted = await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth).expect(200);
      const [{ code, year }]: { code: string; year: number }[] = await ctx.dataSource.query(
        `SELECT code, EXTRACT(YEAR FROM opens_at AT TIME ZONE 'Asia/Almaty')::int AS year FROM competitions WHERE id = $1`,
        [competitionId],
      );
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        reference: expect.stringMatching(new RegExp(`^SU-${code}-${year}-\\d{4}$`)),
        submittedAt: expect.any(String),
      });
      const [snapshot] = await ctx.dataSource.query(
        'SELECT content FROM application_snapshots WHERE application_id = $1',
        [body.id],
      );
      expect(snapshot.content).toMatchObject({
        title: 'Guest house by the sea',
        requestedAmount: '200000000',
        reference: submitted.body.reference,
      });
      expect(JSON.stringify(snapshot.content)).not.toContain(applicant.user.email);
      await expect(
        ctx.dataSource.query(`UPDATE application_snapshots SET content = '{}' WHERE application_id = $1`, [body.id]),
      ).rejects.toThrow(/immutable/);
      expectError(
        await ctx.http().patch(`/api/applications/${body.id}`).set(applicant.auth).send({ title: 'Changed' }),
        409,
        'APPLICATION.NOT_DRAFT',
      );
      expectError(
        await ctx.http().delete(`/api/applications/${body.id}`).set(applicant.auth),
        409,
        'APPLICATION.NOT_DRAFT',
      );
      const [receipt] = await ctx.dataSource.query(`SELECT type, data FROM notifications WHERE dedupe_key = $1`, [
        `application.submitted:${body.id}`,
      ]);
      expect(receipt).toMatchObject({
        type: 'application.submitted',
        data: expect.objectContaining({ reference: submitted.body.reference }),
      });
      const history = await ctx.http().get(`/api/applications/${body.id}/history`).set(applicant.auth).expect(200);
      expect(history.body.items.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted']);
      const last = await ctx
        .http()
        .get(`/api/applications/${body.id}/history`)
        .query({ limit: 1, offset: 1 })
        .set(applicant.auth)
        .expect(200);
      expect(last.body).toEqual({
        items: [expect.objectContaining({ to: 'submitted' })],
        total: 2,
        limit: 1,
        offset: 1,
      });
    });

    it('reports every broken rule at once, with field paths, and changes nothing', async () => {
      const applicant = await confirmedApplicant();
      const { body } = await draft(applicant, {
        ...complete(),
        goals: [{ goalId: otherGoalId, contribution: 'Not our plan' }],
        requestedAmount: '400000000',
        ownContribution: '10000000',
        budgetLines: [{ category: 'everything', amount: '100000000', source: 'grant' }],
      }).expect(201);
      const res = await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth).expect(422);
      // Exactly these, in the order the rules run: one more or one fewer is a rule gained or lost.
      expect(res.body).toEqual({
        code: 'APPLICATION.INVALID',
        message: expect.any(String),
        details: {
          fields: [
            { field: 'goals.0.goalId', problems: ["the goal is not in the adopted plan of the application's village"] },
            { field: 'requestedAmount', problems: ['the requested amount is above the maximum award (300000000)'] },
            {
              field: 'budgetLines',
              problems: ['grant-funded lines add up to 100000000, not the requested 400000000'],
            },
            { field: 'budgetLines', problems: ['own-funded lines add up to 0, not the own contribution 10000000'] },
            { field: 'ownContribution', problems: ['the own contribution must be at least 20% of the total cost'] },
          ],
        },
      });
      const after = await ctx.http().get(`/api/applications/${body.id}`).set(applicant.auth).expect(200);
      expect(after.body).toMatchObject({ status: 'draft', reference: null });
    });

    it('needs a confirmed email address', async () => {
      const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
      const { body } = await draft(applicant).expect(201);
      expectError(
        await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth),
        403,
        'APPLICATION.EMAIL_NOT_CONFIRMED',
      );
    });

    it('is refused once the competition has closed by the server clock; the draft stays a draft', async () => {
      const applicant = await confirmedApplicant();
      const competition = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], {
        open: true,
        minAward: '50000000',
      });
      const { body } = await draft(applicant, complete(), competition.id).expect(201);
      await ctx.dataSource.query(
        `UPDATE competitions SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = $1`,
        [competition.id],
      );
      expectError(
        await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth),
        409,
        'APPLICATION.DEADLINE_PASSED',
      );
      const after = await ctx.http().get(`/api/applications/${body.id}`).set(applicant.auth).expect(200);
      expect(after.body.status).toBe('draft');
    });

    it('the same draft submitted twice at once is one submission with one reference', async () => {
      const applicant = await confirmedApplicant();
      const { body } = await draft(applicant).expect(201);
      const results = await Promise.all(
        [1, 2, 3].map(() => ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const rows = await ctx.dataSource.query(
        'SELECT count(*) AS n FROM application_snapshots WHERE application_id = $1',
        [body.id],
      );
      expect(Number(rows[0].n)).toBe(1);
    });

    it('reference numbers stay gapless and unique when many applicants submit at once', async () => {
      const competition = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], {
        open: true,
        minAward: '50000000',
      });
      const applicants = await Promise.all(Array.from({ length: 12 }, () => confirmedApplicant()));
      const drafts = await Promise.all(applicants.map((a) => draft(a, complete(), competition.id).expect(201)));
      // One of them is broken: its failure must not use up a number.
      await ctx
        .http()
        .patch(`/api/applications/${drafts[0].body.id}`)
        .set(applicants[0].auth)
        .send({ requestedAmount: '1' })
        .expect(200);
      const results = await Promise.all(
        drafts.map((d, i) => ctx.http().post(`/api/applications/${d.body.id}/submit`).set(applicants[i].auth)),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(11);
      const numbers = results
        .filter((r) => r.status === 200)
        .map((r) => Number(String(r.body.reference).slice(-4)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    });

    it('gives two competitions of the same year different references, each with its own code', async () => {
      const codes = [competitionCode(), competitionCode()];
      const opensAt = new Date(Date.now() - 3600 * 1000);
      const year = opensAt.toLocaleString('en', { timeZone: 'Asia/Almaty', year: 'numeric' });
      const references: string[] = [];
      for (const code of codes) {
        const competition = await createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], {
          code,
          opensAt,
          open: true,
          minAward: '50000000',
        });
        const applicant = await confirmedApplicant();
        const { body } = await draft(applicant, complete(), competition.id).expect(201);
        const submitted = await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth).expect(200);
        references.push(submitted.body.reference as string);
      }
      expect(references).toEqual([`SU-${codes[0]}-${year}-0001`, `SU-${codes[1]}-${year}-0001`]);
    });

    it('references stay unique across the service when two competitions take submissions at once', async () => {
      const competitions = await Promise.all(
        [0, 1].map(() =>
          createCompetition(ctx, cast.manager.user.id, [places.villageIds[0]], { open: true, minAward: '50000000' }),
        ),
      );
      const entries = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const applicant = await confirmedApplicant();
          const competition = competitions[i % 2];
          const { body } = await draft(applicant, complete(), competition.id).expect(201);
          return { applicant, id: body.id as string, code: competition.code };
        }),
      );
      const results = await Promise.all(
        entries.map((e) => ctx.http().post(`/api/applications/${e.id}/submit`).set(e.applicant.auth)),
      );
      expect(results.map((r) => r.status)).toEqual(entries.map(() => 200));
      const references = results.map((r) => r.body.reference as string);
      expect(new Set(references).size).toBe(12);
      entries.forEach((e, i) => expect(references[i]).toMatch(new RegExp(`^SU-${e.code}-\\d{4}-000[1-6]$`)));
      // The database holds every reference apart too, whichever code path writes one.
      await expect(
        ctx.dataSource.query('UPDATE applications SET reference = $2 WHERE id = $1', [entries[1].id, references[0]]),
      ).rejects.toThrow(/UQ_applications_reference_global/);
    });

    it('withdraws before a decision, once', async () => {
      const applicant = await confirmedApplicant();
      const { body } = await draft(applicant).expect(201);
      await ctx.http().post(`/api/applications/${body.id}/submit`).set(applicant.auth).expect(200);
      const withdrawn = await ctx
        .http()
        .post(`/api/applications/${body.id}/withdraw`)
        .set(applicant.auth)
        .send({ reason: 'Found other funding' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: 'Found other funding' });
      expectError(
        await ctx.http().post(`/api/applications/${body.id}/withdraw`).set(applicant.auth).send({}),
        409,
        'APPLICATION.WRONG_STATUS',
      );
      // A withdrawn application no longer counts against the limit.
      await draft(applicant, { title: 'Second try' }).expect(201);
    });
  });
});
