import { randomUUID } from 'node:crypto';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { expectError } from './helpers/assertions';
import { createAwardable } from './helpers/award-setup';
import { Cast, createCast, createUser, TestUser } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

interface AwardBody {
  id: string;
  applicationId: string;
  amount: string;
  tranches: { id: string; amount: string; status: string }[];
}

/** What holds money (DESIGN.md section 7): the allocation, the proposals and the ledger agree on it. */
describe('award budget', () => {
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
    ).body as AwardBody[];
  const today = async (): Promise<string> =>
    (
      await ctx.dataSource.query(`SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS d`, [
        ctx.config.mailTimeZone,
      ])
    )[0].d as string;
  const listed = async (competitionId: string, path = `/api/public/competitions/${competitionId}/allocation`) =>
    (await http().get(path).set(cast.manager.auth).expect(200)).body as {
      committed: string;
      remaining: string;
      decisions: { applicationId: string; amount: string; reason: string }[];
    };

  describe('a cancelled award on which money was paid', () => {
    it('holds what was paid in the allocation, staff and public, and the next in line gets only what is left', async () => {
      // Requests 100M, 101M, 102M against 250M: the first two are funded.
      const a = await createAwardable(ctx, cast, 3, { budget: '250000000', maxAward: '150000000' });
      const [first, second] = await propose(a.competitionId);
      for (const award of [first, second])
        await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
      const accepted = (
        await http().post(`/api/awards/${first.id}/accept`).set(a.applications[0].applicant.auth).expect(200)
      ).body as AwardBody;
      const signing = accepted.tranches.find((t) => t.status === 'approved')!;
      await http()
        .post(`/api/tranches/${signing.id}/payments`)
        .set(cast.finance.auth)
        .set('Idempotency-Key', randomUUID())
        .send({ bankReference: 'PP-1', paidOn: await today() })
        .expect(201);
      await http().post(`/api/awards/${first.id}/cancel`).set(cast.manager.auth).send({ reason: 'Broke the terms' });
      // 50M was paid on the cancelled award: the ledger has 250M - 50M - 101M = 99M left.
      expect((await ctx.app.get(LedgerService).balances(a.competitionId)).budget).toBe(99000000n);

      for (const path of [
        `/api/public/competitions/${a.competitionId}/allocation`,
        `/api/competitions/${a.competitionId}/allocation`,
      ]) {
        const list = await listed(a.competitionId, path);
        expect(list.decisions.map((d) => [d.amount, d.reason])).toEqual([
          ['50000000', 'cancelled'],
          ['101000000', 'funded'],
          ['0', 'budget_exhausted'],
        ]);
        expect(list).toMatchObject({ committed: '151000000', remaining: '99000000' });
      }
      // The helper proposes nothing: the cancelled award is no candidate, and the next one does not fit.
      expectError(
        await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}),
        422,
        'AWARD.NOTHING_TO_PROPOSE',
      );
      // What is left can be proposed and approved, to the last tiyn and not one more.
      expectError(
        await http()
          .post(`/api/competitions/${a.competitionId}/awards`)
          .set(cast.manager.auth)
          .send({ items: [{ applicationId: a.applications[2].id, amount: '99000001' }] }),
        422,
        'AWARD.PROPOSAL_EXCEEDS_BUDGET',
      );
      const [third] = await propose(a.competitionId, [{ applicationId: a.applications[2].id, amount: '99000000' }]);
      await http().post(`/api/awards/${third.id}/approve`).set(cast.manager2.auth).expect(200);
      expect((await ctx.app.get(LedgerService).balances(a.competitionId)).budget).toBe(0n);
    });
  });

  describe('an approved award of an application withdrawn since', () => {
    it('holds its amount in the allocation until it is cancelled, as it does in the ledger', async () => {
      const a = await createAwardable(ctx, cast, 3, { budget: '250000000', maxAward: '150000000' });
      const [, second] = await propose(a.competitionId);
      await http().post(`/api/awards/${second.id}/approve`).set(cast.manager2.auth).expect(200);
      await http()
        .post(`/api/applications/${a.applications[1].id}/withdraw`)
        .set(a.applications[1].applicant.auth)
        .send({ reason: 'Found other money' })
        .expect(200);
      const list = await listed(a.competitionId);
      expect(list.decisions.map((d) => [d.amount, d.reason])).toEqual([
        ['100000000', 'funded'],
        ['101000000', 'withdrawn'],
        ['0', 'budget_exhausted'],
      ]);
      expect(list.remaining).toBe('49000000');
      await http()
        .post(`/api/awards/${second.id}/cancel`)
        .set(cast.manager.auth)
        .send({ reason: 'Withdrawn' })
        .expect(200);
      expect((await listed(a.competitionId)).decisions.map((d) => [d.amount, d.reason])).toEqual([
        ['100000000', 'funded'],
        ['0', 'withdrawn'],
        ['102000000', 'funded'],
      ]);
    });
  });

  describe('proposals beyond the budget', () => {
    const tryPropose = (
      competitionId: string,
      items: { applicationId: string; amount: string }[],
      who = cast.manager,
    ) => http().post(`/api/competitions/${competitionId}/awards`).set(who.auth).send({ items });
    const awardsOf = async (competitionId: string): Promise<{ amount: string }[]> =>
      ctx.dataSource.query(`SELECT amount FROM awards WHERE competition_id = $1 ORDER BY rank`, [competitionId]);

    it('refuses proposing every candidate at full request, naming what is left, and stores nothing', async () => {
      // Requests 100M..104M (510M in all) against 300M.
      const a = await createAwardable(ctx, cast, 5, { budget: '300000000' });
      const all = a.applications.map((x, i) => ({ applicationId: x.id, amount: String(100000000 + i * 1000000) }));
      const res = await tryPropose(a.competitionId, all);
      expectError(res, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(res.body.details).toEqual({
        envelope: 'budget',
        limit: '300000000',
        remaining: '300000000',
        requested: '510000000',
        applicationIds: all.map((x) => x.applicationId),
      });
      expect(await awardsOf(a.competitionId)).toEqual([]);
      // What fits is proposed; the next one is refused against what is left, and the list never goes negative.
      await propose(a.competitionId, all.slice(0, 2));
      const next = await tryPropose(a.competitionId, [all[2]]);
      expectError(next, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(next.body.details).toMatchObject({ remaining: '99000000', requested: '102000000' });
      await propose(a.competitionId, [{ ...all[2], amount: '99000000' }]);
      const list = await listed(a.competitionId);
      expect(list).toMatchObject({ committed: '300000000', remaining: '0' });
      expect(list.decisions.map((d) => d.reason)).toEqual([
        'funded',
        'funded',
        'funded_partially',
        'budget_exhausted',
        'budget_exhausted',
      ]);
    });

    it('counts what approved awards hold, not what declined ones gave back', async () => {
      const a = await createAwardable(ctx, cast, 3, { budget: '300000000' });
      const [first, second] = await propose(a.competitionId, [
        { applicationId: a.applications[0].id, amount: '100000000' },
        { applicationId: a.applications[1].id, amount: '101000000' },
      ]);
      for (const award of [first, second])
        await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
      expectError(
        await tryPropose(a.competitionId, [{ applicationId: a.applications[2].id, amount: '100000000' }]),
        422,
        'AWARD.PROPOSAL_EXCEEDS_BUDGET',
      );
      await http().post(`/api/awards/${second.id}/decline`).set(a.applications[1].applicant.auth).send({}).expect(200);
      await propose(a.competitionId, [{ applicationId: a.applications[2].id, amount: '102000000' }]);
    });

    it('refuses what would overflow a district or a village envelope, naming it', async () => {
      const a = await createAwardable(ctx, cast, 4, { budget: '1000000000', villages: 2 });
      const [village0, village1] = a.places.villageIds;
      await ctx.dataSource.query(
        `INSERT INTO competition_envelopes (competition_id, district_id, amount) VALUES ($1, $2, 300000000)`,
        [a.competitionId, a.places.districtId],
      );
      await ctx.dataSource.query(
        `INSERT INTO competition_envelopes (competition_id, village_id, amount) VALUES ($1, $2, 150000000)`,
        [a.competitionId, village0],
      );
      // Applications 0 and 2 are in village 0, 1 and 3 in village 1; all in one district.
      expect(a.applications.map((x) => x.villageId)).toEqual([village0, village1, village0, village1]);
      const item = (i: number, amount: string) => ({ applicationId: a.applications[i].id, amount });
      const village = await tryPropose(a.competitionId, [item(0, '100000000'), item(2, '60000000')]);
      expectError(village, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(village.body.details).toMatchObject({
        envelope: 'village',
        villageId: village0,
        limit: '150000000',
        remaining: '150000000',
        requested: '160000000',
      });
      await propose(a.competitionId, [item(0, '100000000'), item(1, '101000000')]);
      const district = await tryPropose(a.competitionId, [item(3, '103000000')]);
      expectError(district, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(district.body.details).toMatchObject({
        envelope: 'district',
        districtId: a.places.districtId,
        remaining: '99000000',
        requested: '103000000',
        applicationIds: [a.applications[3].id],
      });
    });

    it('refuses raising a proposal beyond what is left, counting every proposal but its own', async () => {
      const a = await createAwardable(ctx, cast, 2, { budget: '200000000', maxAward: '150000000' });
      const [first] = await propose(a.competitionId, [
        { applicationId: a.applications[0].id, amount: '90000000' },
        { applicationId: a.applications[1].id, amount: '101000000' },
      ]);
      // To the last tiyn of the budget.
      await http().patch(`/api/awards/${first.id}`).set(cast.manager.auth).send({ amount: '99000000' }).expect(200);
      const res = await http().patch(`/api/awards/${first.id}`).set(cast.manager.auth).send({ amount: '99000001' });
      expectError(res, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(res.body.details).toMatchObject({ envelope: 'budget', remaining: '99000000', requested: '99000001' });
      expect(await awardsOf(a.competitionId)).toEqual([{ amount: '99000000' }, { amount: '101000000' }]);
    });
  });

  describe('proposals under races', () => {
    const managers = async (n: number): Promise<TestUser[]> => [
      cast.manager,
      cast.manager2,
      ...(await Promise.all(Array.from({ length: n - 2 }, () => createUser(ctx, { roles: ['manager'] })))),
    ];
    const committedProposals = async (competitionId: string): Promise<bigint> =>
      BigInt(
        (
          await ctx.dataSource.query(`SELECT coalesce(sum(amount), 0) AS s FROM awards WHERE competition_id = $1`, [
            competitionId,
          ])
        )[0].s,
      );

    it('eight managers proposing at once where the budget fits three: exactly three get through', async () => {
      const a = await createAwardable(ctx, cast, 8, { requested: '100000000', budget: '300000000' });
      const who = await managers(8);
      const results = await Promise.all(
        a.applications.map((x, i) =>
          http()
            .post(`/api/competitions/${a.competitionId}/awards`)
            .set(who[i].auth)
            .send({ items: [{ applicationId: x.id, amount: '100000000' }] }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      for (const r of results.filter((x) => x.status !== 201)) expectError(r, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(await committedProposals(a.competitionId)).toBe(300000000n);
      expect((await listed(a.competitionId)).remaining).toBe('0');
    });

    it('raises and proposals racing into one district envelope with room for one: exactly one gets through', async () => {
      const a = await createAwardable(ctx, cast, 7, { requested: '100000000', budget: '1000000000', villages: 1 });
      await ctx.dataSource.query(
        `INSERT INTO competition_envelopes (competition_id, district_id, amount) VALUES ($1, $2, 300000000)`,
        [a.competitionId, a.places.districtId],
      );
      // 250M proposed in the district: 50M of room left.
      const proposed = await propose(
        a.competitionId,
        a.applications.slice(0, 5).map((x) => ({ applicationId: x.id, amount: '50000000' })),
      );
      const who = await managers(7);
      const results = await Promise.all([
        ...proposed.map((award, i) =>
          http().patch(`/api/awards/${award.id}`).set(who[i].auth).send({ amount: '100000000' }),
        ),
        ...a.applications.slice(5).map((x, i) =>
          http()
            .post(`/api/competitions/${a.competitionId}/awards`)
            .set(who[5 + i].auth)
            .send({ items: [{ applicationId: x.id, amount: '50000000' }] }),
        ),
      ]);
      expect(results.filter((r) => r.status < 300)).toHaveLength(1);
      for (const r of results.filter((x) => x.status >= 300)) expectError(r, 422, 'AWARD.PROPOSAL_EXCEEDS_BUDGET');
      expect(await committedProposals(a.competitionId)).toBe(300000000n);
    });
  });
});
