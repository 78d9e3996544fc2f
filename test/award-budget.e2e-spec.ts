import { randomUUID } from 'node:crypto';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { createAwardable } from './helpers/award-setup';
import { Cast, createCast } from './helpers/factories';
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
        .post(`/competitions/${competitionId}/awards`)
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
  const listed = async (competitionId: string, path = `/public/competitions/${competitionId}/allocation`) =>
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
        await http().post(`/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
      const accepted = (
        await http().post(`/awards/${first.id}/accept`).set(a.applications[0].applicant.auth).expect(200)
      ).body as AwardBody;
      const signing = accepted.tranches.find((t) => t.status === 'approved')!;
      await http()
        .post(`/tranches/${signing.id}/payments`)
        .set(cast.finance.auth)
        .set('Idempotency-Key', randomUUID())
        .send({ bankReference: 'PP-1', paidOn: await today() })
        .expect(201);
      await http().post(`/awards/${first.id}/cancel`).set(cast.manager.auth).send({ reason: 'Broke the terms' });
      // 50M was paid on the cancelled award: the ledger has 250M - 50M - 101M = 99M left.
      expect((await ctx.app.get(LedgerService).balances(a.competitionId)).budget).toBe(99000000n);

      for (const path of [
        `/public/competitions/${a.competitionId}/allocation`,
        `/competitions/${a.competitionId}/allocation`,
      ]) {
        const list = await listed(a.competitionId, path);
        expect(list.decisions.map((d) => [d.amount, d.reason])).toEqual([
          ['50000000', 'cancelled'],
          ['101000000', 'funded'],
          ['0', 'budget_exhausted'],
        ]);
        expect(list).toMatchObject({ committed: '151000000', remaining: '99000000' });
      }
      // What is left can be proposed and approved.
      const [third] = await propose(a.competitionId, [{ applicationId: a.applications[2].id, amount: '99000000' }]);
      await http().post(`/awards/${third.id}/approve`).set(cast.manager2.auth).expect(200);
      expect((await ctx.app.get(LedgerService).balances(a.competitionId)).budget).toBe(0n);
    });
  });
});
