import { LocalizedText } from '../src/common/i18n/localized-text';
import { randomUUID } from 'node:crypto';
import { GeographyService } from '../src/modules/geography/geography.service';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast, createCompetition, createPlaces } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

interface Row {
  id: string;
  name: LocalizedText;
  grants: number;
  committed: string;
  paid: string;
  jobsCreated: number;
}
interface AwardBody {
  id: string;
  applicationId: string;
  amount: string;
  tranches: { id: string; position: number; amount: string; status: string }[];
}

const M = 1_000_000n;

/**
 * Funding reports over one competition with six awards in three villages of two districts:
 *
 * | award | village | status              | amount | paid (recorded)       | jobs (latest approved report) |
 * | A0    | v0, D1  | accepted            | 100M   | 50M                   | 5 (an older approved one said 2) |
 * | A1    | v1, D1  | accepted            | 101M   | 50.5M (a failed 50.5M before) | none                  |
 * | A2    | v2, D2  | accepted            | 102M   | none                  | 3 (a newer submitted one says 8) |
 * | A3    | v0, D1  | cancelled after paying | 103M | 51.5M (the rest released) | not counted (cancelled) |
 * | A4    | v1, D1  | approved            | 104M   | none                  | none                          |
 * | A5    | v2, D2  | proposed            | 105M   | none (not counted)    | none                          |
 *
 * A0's application serves two goals of its village's plan. Budget 1,000M tiyn.
 */
describe('funding reports', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  let awards: AwardBody[];
  let districts: { first: string; second: string };
  let goalIds: Map<string, { g1: string; g2: string }>;

  const http = () => ctx.http();
  const report = async (path: string, auth = cast.finance.auth) =>
    (await http().get(`/api/competitions/${a.competitionId}/reports/${path}`).set(auth).expect(200)).body;

  /**
   * FIXTURE until the payments service lands (POST /api/tranches/:id/payments does not exist yet): a
   * payment recorded as that service will record it, in one transaction: the ledger's payment
   * movement, the payments row and the tranche marked paid. `fail` then reverses it as a failed
   * transfer does (ledger reversal, row failed, tranche back to approved).
   */
  async function recordPaymentFixture(
    award: AwardBody,
    position: number,
    options: { fail?: boolean } = {},
  ): Promise<void> {
    const tranche = award.tranches.find((t) => t.position === position)!;
    const ledger = ctx.app.get(LedgerService);
    await ctx.dataSource.transaction(async (em) => {
      const posting = {
        competitionId: a.competitionId,
        amount: BigInt(tranche.amount),
        awardId: award.id,
        actorId: cast.finance.user.id,
      };
      const transactionId = await ledger.post(em, { ...posting, movement: 'payment', reference: `BANK-${tranche.id}` });
      const [payment]: { id: string }[] = await em.query(
        `INSERT INTO payments (tranche_id, award_id, amount, bank_reference, paid_on, recorded_by, ledger_transaction_id)
         VALUES ($1, $2, $3, $4, current_date, $5, $6) RETURNING id`,
        [tranche.id, award.id, tranche.amount, `BANK-${randomUUID().slice(0, 8)}`, cast.finance.user.id, transactionId],
      );
      await em.query(`UPDATE tranches SET status = 'paid' WHERE id = $1`, [tranche.id]);
      if (!options.fail) return;
      const reversalId = await ledger.post(em, {
        ...posting,
        movement: 'payment_reversal',
        reference: 'transfer failed',
      });
      await em.query(
        `UPDATE payments SET status = 'failed', failed_at = now(), failed_by = $2, failure_reason = 'returned by the bank', reversal_transaction_id = $3 WHERE id = $1`,
        [payment.id, cast.finance.user.id, reversalId],
      );
      await em.query(`UPDATE tranches SET status = 'approved' WHERE id = $1`, [tranche.id]);
    });
  }

  /** FIXTURE until milestone reports have their endpoints: a report of the award's tranche at `position`. */
  async function milestoneReportFixture(
    award: AwardBody,
    position: number,
    jobs: number,
    status: 'approved' | 'submitted',
    daysAgo: number,
  ): Promise<void> {
    const tranche = award.tranches.find((t) => t.position === position)!;
    const applicant = a.applications.find((x) => x.id === award.applicationId)!.applicant;
    await ctx.dataSource.query(
      `INSERT INTO milestone_reports (tranche_id, award_id, body, jobs_created, status, submitted_by, reviewed_by, reviewed_at, created_at)
       VALUES ($1, $2, 'Progress so far', $3, $4, $5, $6, $7, now() - make_interval(days => $8))`,
      [
        tranche.id,
        award.id,
        jobs,
        status,
        applicant.user.id,
        status === 'approved' ? cast.manager.user.id : null,
        status === 'approved' ? new Date() : null,
        daysAgo,
      ],
    );
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    a = await createAwardable(ctx, cast, 6, { villages: 3, budget: '1000000000' });
    const [v0, v1, v2] = a.places.villageIds;

    // FIXTURE: the third village moves to a second district (createAwardable makes one district).
    const second = await ctx.app.get(GeographyService).createDistrict(cast.admin.user.id, {
      regionId: a.places.regionId,
      name: { en: `Zhambyl district ${randomUUID().slice(0, 8)}` },
    });
    await ctx.dataSource.query('UPDATE villages SET district_id = $2 WHERE id = $1', [v2, second.id]);
    districts = { first: a.places.districtId, second: second.id };

    const goals: { village_id: string; code: string; id: string }[] = await ctx.dataSource.query(
      `SELECT p.village_id, g.code, g.id FROM plan_goals g JOIN development_plans p ON p.id = g.plan_id WHERE p.village_id = ANY($1) AND p.status = 'adopted'`,
      [[v0, v1, v2]],
    );
    goalIds = new Map(
      [v0, v1, v2].map((v) => [
        v,
        {
          g1: goals.find((g) => g.village_id === v && g.code === 'G1')!.id,
          g2: goals.find((g) => g.village_id === v && g.code === 'G2')!.id,
        },
      ]),
    );
    // FIXTURE: A0's application also serves the second goal of its village's plan.
    await ctx.dataSource.query(
      `INSERT INTO application_goals (application_id, goal_id, position, contribution) VALUES ($1, $2, 2, 'Also this')`,
      [a.applications[0].id, goalIds.get(v0)!.g2],
    );

    // The money over HTTP: proposed by one manager, approved by another, accepted by the applicants.
    const proposed = (
      await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as AwardBody[];
    awards = a.applications.map((app) => proposed.find((x) => x.applicationId === app.id)!);
    expect(awards.map((x) => x.amount)).toEqual([
      '100000000',
      '101000000',
      '102000000',
      '103000000',
      '104000000',
      '105000000',
    ]);
    for (const award of awards.slice(0, 5))
      await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
    for (const [i, award] of awards.slice(0, 4).entries()) {
      const accepted = await http()
        .post(`/api/awards/${award.id}/accept`)
        .set(a.applications[i].applicant.auth)
        .expect(200);
      awards[i] = accepted.body as AwardBody;
    }

    await recordPaymentFixture(awards[0], 1);
    await recordPaymentFixture(awards[1], 1, { fail: true });
    await recordPaymentFixture(awards[1], 1);
    await recordPaymentFixture(awards[3], 1);
    await http()
      .post(`/api/awards/${awards[3].id}/cancel`)
      .set(cast.manager.auth)
      .send({ reason: 'The business closed' })
      .expect(200);

    await milestoneReportFixture(awards[0], 2, 2, 'approved', 5);
    await milestoneReportFixture(awards[0], 3, 5, 'approved', 3);
    await milestoneReportFixture(awards[2], 2, 3, 'approved', 3);
    await milestoneReportFixture(awards[2], 3, 8, 'submitted', 1);
    await milestoneReportFixture(awards[3], 2, 4, 'approved', 2);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Rows keyed by id, as [grants, committed, paid, jobs]. */
  const figures = (rows: Row[]) =>
    Object.fromEntries(rows.map((r) => [r.id, [r.grants, r.committed, r.paid, r.jobsCreated]]));
  const tiyn = (n: bigint) => n.toString();

  /** The database's own order of the names (its collation), to compare the rows' order with. */
  /** The database's own order of the names (its collation) by the text a reader falls back to: kk, ru, en. */
  const sortedInDatabase = async (names: LocalizedText[]): Promise<LocalizedText[]> =>
    (
      (await ctx.dataSource.query(
        `SELECT name FROM unnest($1::jsonb[]) AS name ORDER BY coalesce(name->>'kk', name->>'ru', name->>'en')`,
        [names.map((n) => JSON.stringify(n))],
      )) as { name: LocalizedText }[]
    ).map((r) => r.name);

  describe('budget', () => {
    it('adds up: figures from the awards and payments equal the ledger’s balances', async () => {
      const body = await report('budget');
      expect(body).toEqual({
        competitionId: a.competitionId,
        currency: 'KZT',
        budget: '1000000000',
        committed: tiyn(100n * M + 101n * M + 102n * M + 51_500_000n + 104n * M),
        paid: tiyn(50n * M + 50_500_000n + 51_500_000n),
        remaining: tiyn(1000n * M - 458_500_000n),
        payable: tiyn(458_500_000n - 152n * M),
        fromLedger: { budget: '541500000', payable: '306500000', paid: '152000000' },
        consistent: true,
      });
      const ledger = await ctx.app.get(LedgerService).balances(a.competitionId);
      expect(body.fromLedger).toEqual({
        budget: ledger.budget.toString(),
        payable: ledger.payable.toString(),
        paid: ledger.paid.toString(),
      });
      expect(ledger.funded).toBe(1000n * M);
    });

    it('says so when the books do not add up (a payment row the ledger never saw)', async () => {
      // FIXTURE: a stray recorded payment on A2's signing tranche, borrowing A0's ledger transaction.
      const [{ ledger_transaction_id: borrowed }] = await ctx.dataSource.query(
        `SELECT ledger_transaction_id FROM payments WHERE award_id = $1`,
        [awards[0].id],
      );
      const [stray]: { id: string }[] = await ctx.dataSource.query(
        `INSERT INTO payments (tranche_id, award_id, amount, bank_reference, paid_on, recorded_by, ledger_transaction_id)
         VALUES ($1, $2, 1000, 'STRAY', current_date, $3, $4) RETURNING id`,
        [awards[2].tranches[0].id, awards[2].id, cast.finance.user.id, borrowed],
      );
      try {
        const body = await report('budget');
        expect(body).toMatchObject({ paid: '152001000', fromLedger: { paid: '152000000' }, consistent: false });
      } finally {
        await ctx.dataSource.query('DELETE FROM payments WHERE id = $1', [stray.id]);
      }
      expect((await report('budget')).consistent).toBe(true);
    });

    it('adds up before the first movement, when the ledger has not opened the budget yet', async () => {
      const places = await createPlaces(ctx, cast.admin.user.id, 1);
      const fresh = await createCompetition(ctx, cast.manager.user.id, places.villageIds, { budget: '700000000' });
      const body = (
        await http().get(`/api/competitions/${fresh.id}/reports/budget`).set(cast.observer.auth).expect(200)
      ).body;
      expect(body).toMatchObject({
        budget: '700000000',
        committed: '0',
        paid: '0',
        remaining: '700000000',
        payable: '0',
        fromLedger: { budget: '700000000', payable: '0', paid: '0' },
        consistent: true,
      });
      expect(
        (await http().get(`/api/competitions/${fresh.id}/reports/by-district`).set(cast.observer.auth).expect(200)).body
          .rows,
      ).toEqual([]);
    });
  });

  describe('breakdowns', () => {
    it('by district: live grants, committed (with what a cancelled award spent), paid and jobs, sorted by name', async () => {
      const body = await report('by-district');
      expect(body).toMatchObject({ competitionId: a.competitionId, by: 'district', currency: 'KZT' });
      expect(figures(body.rows)).toEqual({
        [districts.first]: [
          3,
          tiyn(100n * M + 51_500_000n + 101n * M + 104n * M),
          tiyn(50n * M + 51_500_000n + 50_500_000n),
          5,
        ],
        [districts.second]: [1, tiyn(102n * M), '0', 3],
      });
      const names = body.rows.map((r: Row) => r.name);
      expect(names).toEqual(await sortedInDatabase(names));
      // Every award is in exactly one district: the rows add up to the budget report.
      const budget = await report('budget');
      expect(tiyn(body.rows.reduce((s: bigint, r: Row) => s + BigInt(r.committed), 0n))).toBe(budget.committed);
      expect(tiyn(body.rows.reduce((s: bigint, r: Row) => s + BigInt(r.paid), 0n))).toBe(budget.paid);
    });

    it('by village', async () => {
      const [v0, v1, v2] = a.places.villageIds;
      const body = await report('by-village', cast.manager.auth);
      expect(figures(body.rows)).toEqual({
        [v0]: [1, tiyn(151_500_000n), tiyn(101_500_000n), 5],
        [v1]: [2, tiyn(205n * M), tiyn(50_500_000n), 0],
        [v2]: [1, tiyn(102n * M), '0', 3],
      });
      const names = body.rows.map((r: Row) => r.name);
      expect(names).toEqual(await sortedInDatabase(names));
    });

    it('by goal: named by code and title; an award serving two goals counts in full in each', async () => {
      const [v0, v1, v2] = a.places.villageIds;
      const body = await report('by-goal', cast.admin.auth);
      expect(figures(body.rows)).toEqual({
        [goalIds.get(v0)!.g1]: [1, tiyn(100n * M), tiyn(50n * M), 5],
        [goalIds.get(v0)!.g2]: [1, tiyn(100n * M + 51_500_000n), tiyn(50n * M + 51_500_000n), 5],
        [goalIds.get(v1)!.g2]: [1, tiyn(101n * M), tiyn(50_500_000n), 0],
        [goalIds.get(v1)!.g1]: [1, tiyn(104n * M), '0', 0],
        [goalIds.get(v2)!.g1]: [1, tiyn(102n * M), '0', 3],
      });
      // The goal's code before its title, in each language the title has.
      expect(body.rows.map((r: Row) => r.name)).toEqual([
        { en: 'G1 Water' },
        { en: 'G1 Water' },
        { en: 'G1 Water' },
        { en: 'G2 Youth jobs' },
        { en: 'G2 Youth jobs' },
      ]);
      const committed = body.rows.reduce((s: bigint, r: Row) => s + BigInt(r.committed), 0n);
      expect(committed - 100n * M).toBe(BigInt((await report('budget')).committed));
    });
  });

  describe('CSV', () => {
    it('has a header row, the same rows, and defuses names a spreadsheet would run as formulas', async () => {
      const [, , v2] = a.places.villageIds;
      // FIXTURE: a village name that a spreadsheet would take for a formula.
      const [{ name: original }] = await ctx.dataSource.query('SELECT name FROM villages WHERE id = $1', [v2]);
      await ctx.dataSource.query('UPDATE villages SET name = $2 WHERE id = $1', [
        v2,
        { ru: '=HYPERLINK("http://evil.example","Click")', en: 'Safe' },
      ]);
      try {
        // The reader asks for Russian: the names come in it (the others only have English).
        const res = await http()
          .get(`/api/competitions/${a.competitionId}/reports/by-village?format=csv`)
          .set(cast.observer.auth)
          .set('Accept-Language', 'ru-RU, en;q=0.5')
          .expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="funding-by-village-${a.competitionId}.csv"`,
        );
        expect(res.text.startsWith('\uFEFF')).toBe(true);
        const lines = res.text.slice(1).split('\r\n');
        expect(lines[0]).toBe('id,name,grants,committed_kzt,paid_kzt,jobs_created');
        expect(lines.at(-1)).toBe('');
        expect(lines).toHaveLength(1 + 3 + 1);
        // Amounts in tenge (102,000,000 tiyn committed, none paid), as the header says.
        expect(lines).toContain(`${v2},"'=HYPERLINK(""http://evil.example"",""Click"")",1,1020000.00,0.00,3`);
        const json = await report('by-village');
        for (const row of json.rows as Row[]) {
          const cells = lines.find((l) => l.startsWith(`${row.id},`))!.split(',');
          expect(cells.slice(-3, -1)).toEqual([row.committed, row.paid].map((t) => (Number(t) / 100).toFixed(2)));
        }
        expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(json.rows.map((r: Row) => r.id));
      } finally {
        await ctx.dataSource.query('UPDATE villages SET name = $2 WHERE id = $1', [v2, original]);
      }
    });

    it('by district and by goal come as CSV too; other formats are refused', async () => {
      for (const path of ['by-district', 'by-goal']) {
        const res = await http()
          .get(`/api/competitions/${a.competitionId}/reports/${path}?format=csv`)
          .set(cast.finance.auth)
          .expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.text.slice(1).split('\r\n')).toHaveLength(1 + (path === 'by-district' ? 2 : 5) + 1);
      }
      expect(
        (
          await http()
            .get(`/api/competitions/${a.competitionId}/reports/by-goal?format=json`)
            .set(cast.finance.auth)
            .expect(200)
        ).body.rows,
      ).toHaveLength(5);
      expectError(
        await http().get(`/api/competitions/${a.competitionId}/reports/by-goal?format=xlsx`).set(cast.finance.auth),
        400,
        'REQUEST.VALIDATION_FAILED',
        'format',
      );
      expectError(
        await http().get(`/api/competitions/${a.competitionId}/reports/by-goal?limit=5`).set(cast.finance.auth),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });
  });

  describe('access', () => {
    it('managers, finance, observers and admins read every report; applicants and jurors are refused', async () => {
      const paths = ['budget', 'by-district', 'by-village', 'by-goal', 'by-goal?format=csv'];
      for (const path of paths) {
        for (const who of [cast.manager, cast.finance, cast.observer, cast.admin]) {
          await http().get(`/api/competitions/${a.competitionId}/reports/${path}`).set(who.auth).expect(200);
        }
        for (const who of [cast.applicant, a.applications[0].applicant, cast.juror]) {
          expectError(
            await http().get(`/api/competitions/${a.competitionId}/reports/${path}`).set(who.auth),
            403,
            'AUTH.FORBIDDEN',
          );
        }
        expectError(
          await http().get(`/api/competitions/${a.competitionId}/reports/${path}`),
          401,
          'AUTH.UNAUTHENTICATED',
        );
      }
    });

    it('an unknown competition is a 404, a malformed id a 400', async () => {
      for (const path of ['budget', 'by-district', 'by-village', 'by-goal', 'by-district?format=csv']) {
        expectError(
          await http().get(`/api/competitions/${randomUUID()}/reports/${path}`).set(cast.manager.auth),
          404,
          'COMPETITION.NOT_FOUND',
        );
      }
      expectError(
        await http().get('/api/competitions/not-a-uuid/reports/budget').set(cast.manager.auth),
        400,
        'REQUEST.INVALID_ID',
      );
    });
  });
});
