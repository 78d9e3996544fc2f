import { LedgerService } from '../src/modules/ledger/ledger.service';
import { AwardSweepService } from '../src/modules/awards/award-sweep.service';
import { auditOf, expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast, createUser, TestUser } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/** Awards from a finalized ranking to acceptance: allocation, four eyes, rule 7 under races, offers, finalizing. */
describe('awards', () => {
  let ctx: TestContext;
  let cast: Cast;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const http = () => ctx.http();
  const propose = async (competitionId: string, items?: { applicationId: string; amount: string }[]) =>
    (
      await http()
        .post(`/api/competitions/${competitionId}/awards`)
        .set(cast.manager.auth)
        .send(items ? { items } : {})
        .expect(201)
    ).body as { id: string; applicationId: string; amount: string; tranches: { amount: string }[] }[];
  const outbox = async (type: string) =>
    (await ctx.dataSource.query(`SELECT recipient_id AS "recipientId", data FROM notifications WHERE type = $1`, [
      type,
    ])) as { recipientId: string; data: Record<string, unknown> }[];

  describe('allocation and proposals', () => {
    let a: Awardable;
    beforeAll(async () => {
      // Requests 100.0M, 101.0M, ... tiyn; budget 3.2M tenge fits the first three (303M) but not a fourth.
      a = await createAwardable(ctx, cast, 6, { advanced: 5, gatesFailed: [1], budget: '320000000' });
    });

    it('is refused before the last round is finalized', async () => {
      const other = await createAwardable(ctx, cast, 1);
      await ctx.dataSource.query(`ALTER TABLE review_rounds DISABLE TRIGGER ALL`);
      await ctx.dataSource.query(`UPDATE review_rounds SET status = 'closed' WHERE id = $1`, [other.roundId]);
      await ctx.dataSource.query(`ALTER TABLE review_rounds ENABLE TRIGGER ALL`);
      expectError(
        await http().get(`/api/competitions/${other.competitionId}/allocation`).set(cast.manager.auth),
        409,
        'AWARD.NOT_READY',
      );
      expectError(
        await http().post(`/api/competitions/${other.competitionId}/awards`).set(cast.manager.auth).send({}),
        409,
        'AWARD.NOT_READY',
      );
    });

    it('lists every application of the final round with its amount and reason, publicly and with the rule parameters', async () => {
      const res = await http().get(`/api/public/competitions/${a.competitionId}/allocation`).expect(200);
      expect(res.body.rules).toEqual({
        budget: '320000000',
        maxAward: '300000000',
        envelopes: [],
        floors: [],
        partialMinShareBp: null,
      });
      expect(
        res.body.decisions.map((d: { rank: number; amount: string; reason: string }) => [d.rank, d.amount, d.reason]),
      ).toEqual([
        [1, '100000000', 'funded'],
        [2, '0', 'below_gate'],
        [3, '102000000', 'funded'],
        [4, '103000000', 'funded'],
        [5, '0', 'budget_exhausted'],
        [6, '0', 'not_advanced'],
      ]);
      expect(res.body).toMatchObject({ committed: '305000000', remaining: '15000000' });
      expect(JSON.stringify(res.body)).not.toMatch(/Applicant \d|Project \d/);
    });

    it('proposes what the allocation funds, each with a tranche schedule that adds up to it, and not twice', async () => {
      const awards = await propose(a.competitionId);
      expect(awards.map((x) => x.amount)).toEqual(['100000000', '102000000', '103000000']);
      for (const award of awards)
        expect(award.tranches.reduce((s, t) => s + BigInt(t.amount), 0n)).toBe(BigInt(award.amount));
      expect(awards[0].tranches.map((t) => t.amount)).toEqual(['50000000', '30000000', '20000000']);
      expectError(
        await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}),
        422,
        'AWARD.NOTHING_TO_PROPOSE',
      );
      const again = await http()
        .post(`/api/competitions/${a.competitionId}/awards`)
        .set(cast.manager.auth)
        .send({ items: [{ applicationId: awards[0].applicationId, amount: '1000' }] });
      expectError(again, 422, 'AWARD.NOT_A_CANDIDATE', 'items.0.applicationId');
      // Below a gate, or not advanced: never a candidate.
      for (const i of [1, 5]) {
        const res = await http()
          .post(`/api/competitions/${a.competitionId}/awards`)
          .set(cast.manager.auth)
          .send({ items: [{ applicationId: a.applications[i].id, amount: '1000' }] });
        expectError(res, 422, 'AWARD.NOT_A_CANDIDATE');
      }
    });

    it('refuses amounts above the request or the maximum, fractional, negative or unknown fields, and stores nothing', async () => {
      const id = a.applications[4].id;
      const bad = [
        [{ applicationId: id, amount: '104000001' }, 422, 'AWARD.INVALID_AMOUNT'],
        [{ applicationId: id, amount: '-5' }, 400, 'REQUEST.VALIDATION_FAILED'],
        [{ applicationId: id, amount: '10.5' }, 400, 'REQUEST.VALIDATION_FAILED'],
        [{ applicationId: id, amount: 0 }, 400, 'REQUEST.VALIDATION_FAILED'],
        [{ applicationId: id, amount: '1000', extra: true }, 400, 'REQUEST.VALIDATION_FAILED'],
        [{ applicationId: 'nope', amount: '1000' }, 400, 'REQUEST.VALIDATION_FAILED'],
      ] as const;
      for (const [item, status, code] of bad)
        expectError(
          await http()
            .post(`/api/competitions/${a.competitionId}/awards`)
            .set(cast.manager.auth)
            .send({ items: [item] }),
          status,
          code,
        );
      expect(await ctx.dataSource.query(`SELECT id FROM awards WHERE application_id = $1`, [id])).toEqual([]);
      expectError(
        await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.finance.auth).send({}),
        403,
        'AUTH.FORBIDDEN',
      );
    });

    it('adjusts a proposal within the request, splitting the schedule again', async () => {
      const [award] = (
        await http().get(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).expect(200)
      ).body.items;
      const res = await http()
        .patch(`/api/awards/${award.id}`)
        .set(cast.manager.auth)
        .send({ amount: '99999999' })
        .expect(200);
      expect(res.body.tranches.map((t: { amount: string }) => t.amount)).toEqual(['49999999', '30000000', '20000000']);
      expectError(
        await http().patch(`/api/awards/${award.id}`).set(cast.manager.auth).send({ amount: '100000001' }),
        422,
        'AWARD.INVALID_AMOUNT',
        'amount',
      );
      await http().patch(`/api/awards/${award.id}`).set(cast.manager.auth).send({ amount: '100000000' }).expect(200);
    });
  });

  describe('four eyes, approval and the applicant’s answer', () => {
    let a: Awardable;
    let awards: { id: string; applicationId: string; amount: string }[];
    beforeAll(async () => {
      a = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
      awards = await propose(a.competitionId);
    });

    it('refuses the proposer as approver, in the service and in the database', async () => {
      expectError(
        await http().post(`/api/awards/${awards[0].id}/approve`).set(cast.manager.auth),
        403,
        'AWARD.FOUR_EYES',
      );
      expectError(
        await http().post(`/api/awards/${awards[0].id}/send-back`).set(cast.manager.auth).send({ comment: 'mine' }),
        403,
        'AWARD.FOUR_EYES',
      );
      await expect(
        ctx.dataSource.query(`UPDATE awards SET approved_by = proposed_by WHERE id = $1`, [awards[0].id]),
      ).rejects.toThrow(/CK_awards_four_eyes/);
      expect(await ctx.app.get(LedgerService).balances(a.competitionId)).toEqual({
        budget: 0n,
        payable: 0n,
        paid: 0n,
        funded: 0n,
      });
    });

    it('sends back with a comment the applicant never sees; approving commits it and offers it to the applicant', async () => {
      const sent = await http()
        .post(`/api/awards/${awards[0].id}/send-back`)
        .set(cast.manager2.auth)
        .send({ comment: 'Check the amount' })
        .expect(200);
      expect(sent.body).toMatchObject({ status: 'proposed', comment: 'Check the amount' });
      const approved = await http().post(`/api/awards/${awards[0].id}/approve`).set(cast.manager2.auth).expect(200);
      expect(approved.body).toMatchObject({
        status: 'approved',
        approvedBy: cast.manager2.user.id,
        comment: null,
        respondBy: expect.any(String),
      });
      expect(new Date(approved.body.respondBy).getTime() - Date.now()).toBeGreaterThan(13 * 24 * 3600 * 1000);
      expect(await ctx.app.get(LedgerService).balances(a.competitionId)).toEqual({
        budget: 900000000n,
        payable: 100000000n,
        paid: 0n,
        funded: 1000000000n,
      });
      const offered = (await outbox('award.offered')).filter((m) => m.data.awardId === awards[0].id);
      expect(offered).toEqual([
        {
          recipientId: a.applications[0].applicant.user.id,
          data: expect.objectContaining({ amount: '100000000', reference: expect.stringMatching(/^SU-/) }),
        },
      ]);
      expectError(
        await http().post(`/api/awards/${awards[0].id}/approve`).set(cast.manager2.auth),
        409,
        'AWARD.WRONG_STATUS',
      );
      expect((await auditOf(ctx, 'award', awards[0].id, cast.observer.auth)).map((e) => e.action)).toEqual([
        'award.proposed',
        'award.sent_back',
        'award.approved',
      ]);
    });

    it('shows a grantee only their own award, once approved, without the managers’ comment', async () => {
      const own = a.applications[0].applicant;
      const res = await http().get(`/api/awards/${awards[0].id}`).set(own.auth).expect(200);
      expect(res.body).toMatchObject({ status: 'approved', comment: null });
      expectError(
        await http().get(`/api/awards/${awards[0].id}`).set(a.applications[1].applicant.auth),
        404,
        'AWARD.AWARD_NOT_FOUND',
      );
      expectError(
        await http().get(`/api/awards/${awards[1].id}`).set(a.applications[1].applicant.auth),
        404,
        'AWARD.AWARD_NOT_FOUND',
      );
      const mine = (await http().get('/api/awards/mine').set(own.auth).expect(200)).body;
      expect(mine.items.map((x: { id: string }) => x.id)).toEqual([awards[0].id]);
      expect(mine).toMatchObject({ total: 1, limit: 20, offset: 0 });
      expect((await http().get('/api/awards/mine').query({ offset: 1 }).set(own.auth).expect(200)).body).toEqual({
        items: [],
        total: 1,
        limit: 20,
        offset: 1,
      });
      expectError(
        await http().post(`/api/awards/${awards[0].id}/accept`).set(a.applications[1].applicant.auth),
        404,
        'AWARD.AWARD_NOT_FOUND',
      );
    });

    it('accepting awards the application and approves the signing tranche; report tranches get due dates', async () => {
      const own = a.applications[0].applicant;
      const res = await http().post(`/api/awards/${awards[0].id}/accept`).set(own.auth).expect(200);
      expect(res.body.status).toBe('accepted');
      expect(
        res.body.tranches.map((t: { status: string; dueAt: string | null }) => [t.status, t.dueAt !== null]),
      ).toEqual([
        ['approved', false],
        ['planned', true],
        ['planned', true],
      ]);
      const [app] = await ctx.dataSource.query('SELECT status FROM applications WHERE id = $1', [
        awards[0].applicationId,
      ]);
      expect(app.status).toBe('awarded');
      expect((await outbox('tranche.approved')).filter((m) => m.data.awardId === awards[0].id)).toHaveLength(1);
      expectError(await http().post(`/api/awards/${awards[0].id}/accept`).set(own.auth), 409, 'AWARD.WRONG_STATUS');
    });

    it('the sweep reminds the grantee of a report due soon, once', async () => {
      await ctx.dataSource.query(
        `UPDATE tranches SET due_at = now() + interval '2 days' WHERE award_id = $1 AND position = 2`,
        [awards[0].id],
      );
      const sweep = ctx.app.get(AwardSweepService);
      await sweep.sweep();
      await sweep.sweep();
      const reminders = (await outbox('report.reminder')).filter((m) => m.data.awardId === awards[0].id);
      expect(reminders).toEqual([
        {
          recipientId: a.applications[0].applicant.user.id,
          data: {
            awardId: awards[0].id,
            reference: expect.any(String),
            competitionTitle: { en: 'Start Up test' },
            trancheNumber: 2,
            trancheLabel: { kk: 'Аралық есеп', ru: 'Промежуточный отчёт', en: 'Mid-term report' },
            dueAt: expect.any(String),
          },
        },
      ]);
    });

    it('a decline returns the money, and the next proposal can use it; a lapsed offer does the same on the sweep', async () => {
      await http().post(`/api/awards/${awards[1].id}/approve`).set(cast.manager2.auth).expect(200);
      await http().post(`/api/awards/${awards[2].id}/approve`).set(cast.manager2.auth).expect(200);
      const ledger = ctx.app.get(LedgerService);
      expect((await ledger.balances(a.competitionId)).payable).toBe(100000000n + 101000000n + 102000000n);
      const declined = await http()
        .post(`/api/awards/${awards[1].id}/decline`)
        .set(a.applications[1].applicant.auth)
        .send({ reason: 'Moved away' })
        .expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', reason: 'Moved away' });
      await ctx.dataSource.query(`UPDATE awards SET respond_by = now() - interval '1 minute' WHERE id = $1`, [
        awards[2].id,
      ]);
      expectError(
        await http().post(`/api/awards/${awards[2].id}/accept`).set(a.applications[2].applicant.auth),
        409,
        'AWARD.OFFER_EXPIRED',
      );
      expect((await ctx.app.get(AwardSweepService).sweep()).lapsed).toBe(1);
      expect((await http().get(`/api/awards/${awards[2].id}`).set(cast.manager.auth).expect(200)).body).toMatchObject({
        status: 'declined',
        reason: 'the time to accept passed',
      });
      expect(await ledger.balances(a.competitionId)).toEqual({
        budget: 900000000n,
        payable: 100000000n,
        paid: 0n,
        funded: 1000000000n,
      });
      const list = (
        await http().get(`/api/competitions/${a.competitionId}/allocation`).set(cast.manager.auth).expect(200)
      ).body;
      expect(list.decisions.map((d: { reason: string }) => d.reason)).toEqual(['funded', 'declined', 'declined']);
    });

    it('an application withdrawn after its proposal is not approved', async () => {
      const c = await createAwardable(ctx, cast, 1);
      const [award] = await propose(c.competitionId);
      await http()
        .post(`/api/applications/${c.applications[0].id}/withdraw`)
        .set(c.applications[0].applicant.auth)
        .send({ reason: 'Found other money' })
        .expect(200);
      expectError(
        await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth),
        422,
        'AWARD.NOT_A_CANDIDATE',
      );
      expect(await ctx.app.get(LedgerService).balances(c.competitionId)).toEqual({
        budget: 0n,
        payable: 0n,
        paid: 0n,
        funded: 0n,
      });
    });

    it('finalizing waits for every decision, then tells the others they were not awarded', async () => {
      const b = await createAwardable(ctx, cast, 2);
      const [first] = await propose(b.competitionId, [{ applicationId: b.applications[0].id, amount: '50000000' }]);
      expectError(
        await http().post(`/api/competitions/${b.competitionId}/finalize`).set(cast.manager.auth),
        409,
        'AWARD.DECISIONS_PENDING',
      );
      await http().post(`/api/awards/${first.id}/approve`).set(cast.manager2.auth).expect(200);
      expectError(
        await http().post(`/api/competitions/${b.competitionId}/finalize`).set(cast.manager.auth),
        409,
        'AWARD.DECISIONS_PENDING',
      );
      await http().post(`/api/awards/${first.id}/accept`).set(b.applications[0].applicant.auth).expect(200);
      const res = await http().post(`/api/competitions/${b.competitionId}/finalize`).set(cast.manager.auth).expect(200);
      expect(res.body).toEqual({ notAwarded: 1 });
      const statuses = await ctx.dataSource.query(
        'SELECT id, status FROM applications WHERE competition_id = $1 ORDER BY reference',
        [b.competitionId],
      );
      expect(statuses.map((s: { status: string }) => s.status)).toEqual(['awarded', 'not_awarded']);
      expect(
        (await outbox('application.not_awarded')).filter((m) => m.data.applicationId === b.applications[1].id),
      ).toHaveLength(1);
      expectError(
        await http().post(`/api/competitions/${b.competitionId}/finalize`).set(cast.manager.auth),
        409,
        'AWARD.NOT_READY',
      );
    });
  });

  // Proposals are refused beyond the budget and envelopes (test/award-budget.e2e-spec.ts): these cut the
  // cap after proposing, so that only the approvals' own guard in the ledger and envelopes stands in the way.
  describe('rule 7 under races', () => {
    it('twenty parallel approvals where the budget fits ten give exactly ten', async () => {
      const a = await createAwardable(ctx, cast, 20, { requested: '100000000', budget: '2000000000', villages: 4 });
      const awards = await propose(
        a.competitionId,
        a.applications.map((x) => ({ applicationId: x.id, amount: '100000000' })),
      );
      await ctx.dataSource.query(`UPDATE competitions SET budget = 1000000000 WHERE id = $1`, [a.competitionId]);
      const approvers: TestUser[] = [
        cast.manager2,
        ...(await Promise.all([1, 2, 3].map(() => createUser(ctx, { roles: ['manager'] })))),
      ];
      const results = await Promise.all(
        awards.map((award, i) =>
          http()
            .post(`/api/awards/${award.id}/approve`)
            .set(approvers[i % approvers.length].auth),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(10);
      for (const r of results.filter((x) => x.status !== 200)) expectError(r, 422, 'LEDGER.INSUFFICIENT_FUNDS');
      expect(await ctx.app.get(LedgerService).balances(a.competitionId)).toEqual({
        budget: 0n,
        payable: 1000000000n,
        paid: 0n,
        funded: 1000000000n,
      });
      const [{ approved }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS approved FROM awards WHERE competition_id = $1 AND status = 'approved'`,
        [a.competitionId],
      );
      expect(approved).toBe(10);
    });

    it('parallel approvals never overrun a district envelope', async () => {
      const a = await createAwardable(ctx, cast, 8, { requested: '100000000', budget: '1000000000', villages: 1 });
      const [{ districtId }] = await ctx.dataSource.query(
        'SELECT district_id AS "districtId" FROM villages WHERE id = $1',
        [a.places.villageIds[0]],
      );
      await ctx.dataSource.query(
        `INSERT INTO competition_envelopes (competition_id, district_id, amount) VALUES ($1, $2, 300000000)`,
        [a.competitionId, districtId],
      );
      const listed = (
        await http().get(`/api/competitions/${a.competitionId}/allocation`).set(cast.manager.auth).expect(200)
      ).body;
      expect(listed.decisions.map((d: { reason: string }) => d.reason)).toEqual([
        'funded',
        'funded',
        'funded',
        'envelope_full',
        'envelope_full',
        'envelope_full',
        'envelope_full',
        'envelope_full',
      ]);
      await ctx.dataSource.query(`UPDATE competition_envelopes SET amount = 800000000 WHERE competition_id = $1`, [
        a.competitionId,
      ]);
      const awards = await propose(
        a.competitionId,
        a.applications.map((x) => ({ applicationId: x.id, amount: '100000000' })),
      );
      await ctx.dataSource.query(`UPDATE competition_envelopes SET amount = 300000000 WHERE competition_id = $1`, [
        a.competitionId,
      ]);
      const results = await Promise.all(
        awards.map((award) => http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth)),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      for (const r of results.filter((x) => x.status !== 200)) expectError(r, 422, 'AWARD.ENVELOPE_FULL');
      const [envelope] = await ctx.dataSource.query(
        'SELECT committed FROM competition_envelopes WHERE competition_id = $1',
        [a.competitionId],
      );
      expect(envelope.committed).toBe('300000000');
      expect((await ctx.app.get(LedgerService).balances(a.competitionId)).payable).toBe(300000000n);
    });
  });
});
