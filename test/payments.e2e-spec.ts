import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { auditOf, expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast, createUser, TestUser } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

interface AwardBody {
  id: string;
  applicationId: string;
  amount: string;
  status: string;
  tranches: { id: string; amount: string; status: string; position: number }[];
}

/** Payments of approved tranches (rule 8, DESIGN.md section 7): four eyes, idempotency keys, races, failures and the ledger. */
describe('payments', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  let awards: AwardBody[];
  let ledger: LedgerService;

  const http = () => ctx.http();
  const pay = (trancheId: string, body: Record<string, unknown>, key: string | null, who: TestUser = cast.finance) => {
    const req = http().post(`/api/tranches/${trancheId}/payments`).set(who.auth);
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const fail = (paymentId: string, body: Record<string, unknown>, key: string, who: TestUser = cast.finance) =>
    http().post(`/api/payments/${paymentId}/failure`).set(who.auth).set('Idempotency-Key', key).send(body);
  /** A calendar date in the programme's time zone, days from today on the database's clock. */
  const day = async (offset = 0): Promise<string> =>
    (
      await ctx.dataSource.query(`SELECT to_char((now() AT TIME ZONE $1)::date + $2::int, 'YYYY-MM-DD') AS d`, [
        ctx.config.mailTimeZone,
        offset,
      ])
    )[0].d as string;
  const award = async (id: string): Promise<AwardBody> =>
    (await http().get(`/api/awards/${id}`).set(cast.manager.auth).expect(200)).body as AwardBody;
  const paymentsOf = async (awardId: string): Promise<{ id: string; status: string; trancheId: string }[]> =>
    ctx.dataSource.query(
      `SELECT id, status, tranche_id AS "trancheId" FROM payments WHERE award_id = $1 ORDER BY created_at, id`,
      [awardId],
    );
  /** The status stored with a key: the route's own, which the HTTP layer gives (the service names none). */
  const storedStatusOf = async (actorId: string, key: string): Promise<number> =>
    (
      await ctx.dataSource.query(
        `SELECT response_status AS status FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
        [actorId, key],
      )
    )[0].status as number;
  const keysOf = async (actorId: string): Promise<number> =>
    Number(
      (await ctx.dataSource.query(`SELECT count(*) AS n FROM idempotency_keys WHERE actor_id = $1`, [actorId]))[0].n,
    );
  const expectBalanced = async (competitionId: string) => {
    const b = await ledger.balances(competitionId);
    expect(b.budget + b.payable + b.paid).toBe(b.funded);
    return b;
  };

  /** Approved by `approver` and accepted by the grantee: the signing tranche is approved. */
  const offerAndAccept = async (i: number, approver: TestUser = cast.manager2): Promise<AwardBody> => {
    await http().post(`/api/awards/${awards[i].id}/approve`).set(approver.auth).expect(200);
    return (await http().post(`/api/awards/${awards[i].id}/accept`).set(a.applications[i].applicant.auth).expect(200))
      .body as AwardBody;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    ledger = ctx.app.get(LedgerService);
    // Requests of 100.0M, 101.0M, ... tiyn: all seven fit the budget and are proposed.
    a = await createAwardable(ctx, cast, 7, { budget: '1000000000' });
    awards = (
      await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as AwardBody[];
    expect(awards.map((x) => x.applicationId)).toEqual(a.applications.map((x) => x.id));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('recording a payment', () => {
    let accepted: AwardBody;
    let first: Response;
    let body: { bankReference: string; paidOn: string };
    const key = `pay-${randomUUID()}`;

    beforeAll(async () => {
      accepted = await offerAndAccept(0);
      body = { bankReference: 'PP-000123', paidOn: await day() };
    });

    it('pays the approved tranche from the award’s payable account, activates the award and tells the grantee', async () => {
      const before = await expectBalanced(a.competitionId);
      expect(accepted.tranches.map((t) => [t.status, t.amount])).toEqual([
        ['approved', '50000000'],
        ['planned', '30000000'],
        ['planned', '20000000'],
      ]);
      first = await pay(accepted.tranches[0].id, body, key);
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(first.body).toEqual({
        id: expect.any(String),
        trancheId: accepted.tranches[0].id,
        awardId: accepted.id,
        amount: '50000000',
        bankReference: 'PP-000123',
        paidOn: body.paidOn,
        status: 'recorded',
        recordedBy: cast.finance.user.id,
        createdAt: expect.any(String),
        failedAt: null,
        failureReason: null,
      });

      const after = await expectBalanced(a.competitionId);
      expect(after).toEqual({ ...before, payable: before.payable - 50000000n, paid: before.paid + 50000000n });
      expect(await ledger.awardBalance(ctx.dataSource.manager, accepted.id)).toBe(50000000n);
      const now = await award(accepted.id);
      expect(now.status).toBe('active');
      expect(now.tranches.map((t) => t.status)).toEqual(['paid', 'planned', 'planned']);

      const mail = await ctx.dataSource.query(
        `SELECT recipient_id AS "recipientId", data FROM notifications WHERE type = 'payment.recorded' AND dedupe_key = $1`,
        [`payment.recorded:${first.body.id}`],
      );
      const [{ reference, title }] = await ctx.dataSource.query(
        `SELECT a.reference, c.title FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE a.id = $1`,
        [accepted.applicationId],
      );
      expect(mail).toEqual([
        {
          recipientId: a.applications[0].applicant.user.id,
          data: {
            awardId: accepted.id,
            reference,
            competitionTitle: title,
            trancheNumber: 1,
            trancheLabel: { kk: 'Шартқа қол қойылғанда', ru: 'При подписании договора', en: 'On signing' },
            amount: '50000000',
            bankReference: 'PP-000123',
            paidOn: body.paidOn,
          },
        },
      ]);
      expect(
        (await auditOf(ctx, 'payment', first.body.id, cast.observer.auth)).map((e) => [e.action, e.actorId]),
      ).toEqual([['payment.recorded', cast.finance.user.id]]);
      expect((await auditOf(ctx, 'award', accepted.id, cast.observer.auth)).map((e) => e.action)).toEqual([
        'award.proposed',
        'award.approved',
        'award.accepted',
        'award.activated',
      ]);
    });

    it('replays the first response for the same key and body, in any key order and spacing, and pays once', async () => {
      for (const again of [body, { paidOn: body.paidOn, bankReference: `  ${body.bankReference} ` }]) {
        const res = await pay(accepted.tranches[0].id, again, key);
        expect(res.status).toBe(201);
        expect(res.headers['idempotent-replayed']).toBe('true');
        expect(res.body).toEqual(first.body);
      }
      expect(await paymentsOf(accepted.id)).toHaveLength(1);
      expect((await ledger.balances(a.competitionId)).paid).toBe(50000000n);
      await expect(storedStatusOf(cast.finance.user.id, key)).resolves.toBe(201);
    });

    it('refuses the same key with another body or for another tranche', async () => {
      expectError(
        await pay(accepted.tranches[0].id, { ...body, bankReference: 'PP-000124' }, key),
        422,
        'IDEMPOTENCY.KEY_REUSED',
      );
      expectError(await pay(accepted.tranches[1].id, body, key), 422, 'IDEMPOTENCY.KEY_REUSED');
      expect(await paymentsOf(accepted.id)).toHaveLength(1);
    });

    it('pays a tranche at most once, and only an approved one', async () => {
      expectError(await pay(accepted.tranches[0].id, body, randomUUID()), 409, 'PAYMENT.TRANCHE_NOT_APPROVED');
      expectError(await pay(accepted.tranches[1].id, body, randomUUID()), 409, 'PAYMENT.TRANCHE_NOT_APPROVED');
      expectError(await pay(randomUUID(), body, randomUUID()), 404, 'PAYMENT.TRANCHE_NOT_FOUND');
      // A tranche of an award the grantee has not accepted yet is not payable either.
      await http().post(`/api/awards/${awards[6].id}/approve`).set(cast.manager2.auth).expect(200);
      await ctx.dataSource.query(
        `UPDATE tranches SET status = 'approved', approved_by = $2, approved_at = now() WHERE award_id = $1 AND position = 1`,
        [awards[6].id, cast.manager2.user.id],
      );
      expectError(await pay(awards[6].tranches[0].id, body, randomUUID()), 409, 'PAYMENT.AWARD_WRONG_STATUS');
      expect(await paymentsOf(awards[6].id)).toEqual([]);
    });

    it('lists an award’s payments for staff and its own grantee only', async () => {
      for (const who of [cast.finance, cast.manager, cast.observer, cast.admin, a.applications[0].applicant]) {
        const res = await http().get(`/api/awards/${accepted.id}/payments`).set(who.auth).expect(200);
        expect(res.body).toEqual({ items: [first.body], total: 1, limit: 20, offset: 0 });
      }
      expectError(
        await http().get(`/api/awards/${accepted.id}/payments`).set(a.applications[1].applicant.auth),
        404,
        'PAYMENT.AWARD_NOT_FOUND',
      );
      expectError(await http().get(`/api/awards/${accepted.id}/payments`).set(cast.juror.auth), 403, 'AUTH.FORBIDDEN');
      expectError(
        await http().get(`/api/awards/${randomUUID()}/payments`).set(cast.finance.auth),
        404,
        'PAYMENT.AWARD_NOT_FOUND',
      );
    });
  });

  describe('races', () => {
    it('ten parallel payments of one tranche with different keys: one 201, nine 409, paid once', async () => {
      const accepted = await offerAndAccept(1);
      const keysBefore = await keysOf(cast.finance.user.id);
      const body = { bankReference: 'PP-RACE', paidOn: await day() };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => pay(accepted.tranches[0].id, body, randomUUID())),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) expectError(r, 409, 'PAYMENT.TRANCHE_NOT_APPROVED');
      expect(await paymentsOf(accepted.id)).toHaveLength(1);
      expect(await ledger.awardBalance(ctx.dataSource.manager, accepted.id)).toBe(
        BigInt(accepted.amount) - BigInt(accepted.tranches[0].amount),
      );
      // The refused requests rolled back with their keys: only the winner's is kept.
      expect(await keysOf(cast.finance.user.id)).toBe(keysBefore + 1);
      await expectBalanced(a.competitionId);
    });

    it('ten parallel requests with one key and body: one payment, every response carries its id', async () => {
      const accepted = await offerAndAccept(2);
      const paidBefore = (await ledger.balances(a.competitionId)).paid;
      const key = randomUUID();
      const body = { bankReference: 'PP-SAME', paidOn: await day() };
      const results = await Promise.all(Array.from({ length: 10 }, () => pay(accepted.tranches[0].id, body, key)));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const [payment] = await paymentsOf(accepted.id);
      expect(await paymentsOf(accepted.id)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.id))).toEqual(new Set([payment.id]));
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
      expect((await ledger.balances(a.competitionId)).paid - paidBefore).toBe(BigInt(accepted.tranches[0].amount));
    });
  });

  describe('who may record a payment', () => {
    it('refuses a finance officer who approved the award (and so its signing tranche): four eyes', async () => {
      const both = await createUser(ctx, { roles: ['manager', 'finance'] });
      const accepted = await offerAndAccept(3, both);
      const body = { bankReference: 'PP-4EYES', paidOn: await day() };
      const key = randomUUID();
      expectError(await pay(accepted.tranches[0].id, body, key, both), 403, 'PAYMENT.FOUR_EYES');
      expect(await paymentsOf(accepted.id)).toEqual([]);
      expect(await keysOf(both.user.id)).toBe(0);
      expectError(await pay(accepted.tranches[0].id, body, randomUUID(), cast.manager), 403, 'AUTH.FORBIDDEN');
      expectError(
        await pay(accepted.tranches[0].id, body, randomUUID(), a.applications[3].applicant),
        403,
        'AUTH.FORBIDDEN',
      );
      expectError(
        await http().post(`/api/tranches/${accepted.tranches[0].id}/payments`).set('Idempotency-Key', key).send(body),
        401,
        'AUTH.UNAUTHENTICATED',
      );
      await pay(accepted.tranches[0].id, body, randomUUID()).expect(201);
    });
  });

  describe('bad input', () => {
    it('is refused with a code and the offending field, and stores nothing; a refused request leaves its key free', async () => {
      const accepted = await offerAndAccept(4);
      const tranche = accepted.tranches[0].id;
      const today = await day();
      const ok = { bankReference: 'PP-OK', paidOn: today };
      const keysBefore = await keysOf(cast.finance.user.id);
      const key = randomUUID();
      const cases: [Record<string, unknown>, string | null, number, string, string?][] = [
        [ok, null, 400, 'IDEMPOTENCY.KEY_REQUIRED', 'Idempotency-Key'],
        [ok, 'k'.repeat(201), 400, 'IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key'],
        [ok, 'clé', 400, 'IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key'],
        [{ ...ok, paidOn: '2026-02-30' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'paidOn'],
        [{ ...ok, paidOn: '10.03.2026' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'paidOn'],
        [{ ...ok, paidOn: `${today}T00:00:00Z` }, key, 400, 'REQUEST.VALIDATION_FAILED', 'paidOn'],
        [{ ...ok, paidOn: await day(1) }, key, 400, 'PAYMENT.PAID_ON_IN_FUTURE', 'paidOn'],
        [{ ...ok, paidOn: await day(-1) }, key, 400, 'PAYMENT.PAID_ON_BEFORE_ACCEPTANCE', 'paidOn'],
        [{ bankReference: 'PP-OK' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'paidOn'],
        [{ ...ok, bankReference: '   ' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'bankReference'],
        [{ ...ok, bankReference: 'x'.repeat(101) }, key, 400, 'REQUEST.VALIDATION_FAILED', 'bankReference'],
        [{ ...ok, bankReference: 'PP\n1' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'bankReference'],
        [{ ...ok, bankReference: 42 }, key, 400, 'REQUEST.VALIDATION_FAILED', 'bankReference'],
        // The amount is the tranche's: a client cannot send one, fractional, negative or otherwise.
        [{ ...ok, amount: '-1' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
        [{ ...ok, amount: '10.5' }, key, 400, 'REQUEST.VALIDATION_FAILED', 'amount'],
      ];
      for (const [body, k, status, code, field] of cases) expectError(await pay(tranche, body, k), status, code, field);
      expectError(await pay('nope', ok, key), 400, 'REQUEST.INVALID_ID');
      expect(await paymentsOf(accepted.id)).toEqual([]);
      expect(await keysOf(cast.finance.user.id)).toBe(keysBefore);
      expect((await award(accepted.id)).tranches[0].status).toBe('approved');
      // The key that came with the refused requests was never bound: it pays now.
      const res = await pay(tranche, ok, key).expect(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  describe('failed transfers', () => {
    it('returns the tranche to approved with a reversal in the ledger, and it can be paid again', async () => {
      const accepted = await offerAndAccept(5);
      const tranche = accepted.tranches[0];
      const before = await expectBalanced(a.competitionId);
      const paid = (
        await pay(tranche.id, { bankReference: 'PP-BOUNCE', paidOn: await day() }, randomUUID()).expect(201)
      ).body;

      const key = randomUUID();
      const failed = await fail(paid.id, { reason: 'Returned by the bank: account closed' }, key).expect(200);
      await expect(storedStatusOf(cast.finance.user.id, key)).resolves.toBe(200);
      expect(failed.body).toMatchObject({
        id: paid.id,
        status: 'failed',
        failureReason: 'Returned by the bank: account closed',
        failedAt: expect.any(String),
      });
      expect(await expectBalanced(a.competitionId)).toEqual(before);
      const [row] = await ctx.dataSource.query(
        `SELECT t.movement, t.award_id AS "awardId" FROM payments p JOIN ledger_transactions t ON t.id = p.reversal_transaction_id WHERE p.id = $1`,
        [paid.id],
      );
      expect(row).toEqual({ movement: 'payment_reversal', awardId: accepted.id });
      expect((await award(accepted.id)).tranches[0].status).toBe('approved');
      expect((await award(accepted.id)).status).toBe('active');

      const replay = await fail(paid.id, { reason: 'Returned by the bank: account closed' }, key).expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(failed.body);
      expectError(await fail(paid.id, { reason: 'again' }, randomUUID()), 409, 'PAYMENT.ALREADY_FAILED');
      expectError(await fail(randomUUID(), { reason: 'x' }, randomUUID()), 404, 'PAYMENT.PAYMENT_NOT_FOUND');
      expectError(await fail(paid.id, {}, randomUUID()), 400, 'REQUEST.VALIDATION_FAILED', 'reason');
      expectError(await fail(paid.id, { reason: 'x' }, randomUUID(), cast.manager), 403, 'AUTH.FORBIDDEN');

      const again = await pay(tranche.id, { bankReference: 'PP-RETRY', paidOn: await day() }, randomUUID()).expect(201);
      expect(again.body.id).not.toBe(paid.id);
      const listed = (await http().get(`/api/awards/${accepted.id}/payments`).set(cast.observer.auth).expect(200)).body;
      expect(listed).toMatchObject({ total: 2, limit: 20, offset: 0 });
      expect(listed.items.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
        [paid.id, 'failed'],
        [again.body.id, 'recorded'],
      ]);
      const page = await http()
        .get(`/api/awards/${accepted.id}/payments`)
        .query({ limit: 1, offset: 1 })
        .set(cast.observer.auth)
        .expect(200);
      expect(page.body).toEqual({ items: [listed.items[1]], total: 2, limit: 1, offset: 1 });
      expect((await ledger.balances(a.competitionId)).paid - before.paid).toBe(BigInt(tranche.amount));
      expect((await auditOf(ctx, 'payment', paid.id, cast.observer.auth)).map((e) => e.action)).toEqual([
        'payment.recorded',
        'payment.failed',
      ]);
    });
  });

  describe('paid never exceeds the award', () => {
    it('completes the award when every tranche is paid; a failure reopens it; paid equals the award, never more', async () => {
      const rules = {
        trancheTemplate: [
          { label: { en: 'On signing' }, shareBp: 6000, reportRequired: false, dueDays: null },
          { label: { en: 'Second part' }, shareBp: 4000, reportRequired: false, dueDays: null },
        ],
        floors: [],
        partialMinShareBp: null,
        acceptanceDays: 14,
      };
      const b = await createAwardable(ctx, cast, 1, { budget: '500000000', awardRules: rules });
      const [proposed] = (
        await http().post(`/api/competitions/${b.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
      ).body as AwardBody[];
      await http().post(`/api/awards/${proposed.id}/approve`).set(cast.manager2.auth).expect(200);
      const accepted = (
        await http().post(`/api/awards/${proposed.id}/accept`).set(b.applications[0].applicant.auth).expect(200)
      ).body as AwardBody;
      expect(accepted.tranches.map((t) => t.status)).toEqual(['approved', 'approved']);
      const body = { bankReference: 'PP-C', paidOn: await day() };

      await pay(accepted.tranches[0].id, body, randomUUID()).expect(201);
      expect((await award(accepted.id)).status).toBe('active');
      const last = (await pay(accepted.tranches[1].id, body, randomUUID()).expect(201)).body;
      expect((await award(accepted.id)).status).toBe('completed');
      expect(await expectBalanced(b.competitionId)).toMatchObject({ payable: 0n, paid: BigInt(accepted.amount) });
      expect((await auditOf(ctx, 'award', accepted.id, cast.observer.auth)).map((e) => e.action).slice(-2)).toEqual([
        'award.activated',
        'award.completed',
      ]);

      await fail(last.id, { reason: 'Bounced' }, randomUUID()).expect(200);
      expect((await award(accepted.id)).status).toBe('active');
      expect((await auditOf(ctx, 'award', accepted.id, cast.observer.auth)).map((e) => e.action).slice(-1)).toEqual([
        'award.reopened',
      ]);
      await pay(accepted.tranches[1].id, body, randomUUID()).expect(201);
      expect((await award(accepted.id)).status).toBe('completed');
      expect((await ledger.balances(b.competitionId)).paid).toBe(BigInt(accepted.amount));
      // Nothing is left to pay on a completed award.
      expectError(await pay(accepted.tranches[0].id, body, randomUUID()), 409, 'PAYMENT.TRANCHE_NOT_APPROVED');
    });

    it('a payment the award’s payable account cannot cover is refused by the ledger’s CHECK, and nothing is stored', async () => {
      // awards[6] was approved (not accepted) in 'pays a tranche at most once'; the grantee accepts it now.
      const accepted = (
        await http().post(`/api/awards/${awards[6].id}/accept`).set(a.applications[6].applicant.auth).expect(200)
      ).body as AwardBody;
      const tranche = accepted.tranches[0];
      // Take most of what the award holds back to the budget behind the awards module's back,
      // so the signing tranche no longer fits in the award's payable account.
      await ctx.dataSource.transaction((em) =>
        ledger.post(em, {
          competitionId: a.competitionId,
          movement: 'release',
          amount: BigInt(accepted.amount) - 1n,
          awardId: accepted.id,
          reference: 'test',
          actorId: null,
        }),
      );
      const key = randomUUID();
      expectError(
        await pay(tranche.id, { bankReference: 'PP-OVER', paidOn: await day() }, key),
        422,
        'LEDGER.INSUFFICIENT_FUNDS',
      );
      expect(await paymentsOf(accepted.id)).toEqual([]);
      expect((await award(accepted.id)).tranches[0].status).toBe('approved');
      expect(await ledger.awardBalance(ctx.dataSource.manager, accepted.id)).toBe(1n);
      await expectBalanced(a.competitionId);
      const [{ over }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS over FROM awards w WHERE w.competition_id = $1
            AND w.amount < (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.award_id = w.id AND p.status = 'recorded')`,
        [a.competitionId],
      );
      expect(over).toBe(0);
    });
  });
});
