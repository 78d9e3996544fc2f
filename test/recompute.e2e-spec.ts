import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { recompute } from '../scripts/recompute';
import {
  httpGet,
  PublicAllocation,
  PublicGet,
  PublicPage,
  PublicResults,
  PublicRound,
} from '../scripts/recompute/public-data';
import { RoundFinalizer } from '../src/modules/reviews/round-finalizer';
import { expectError } from './helpers/assertions';
import { Cast, createCast, TestUser } from './helpers/factories';
import { runScript } from './helpers/processes';
import { addJuror, createReviewable, Reviewable, roundBody } from './helpers/review-setup';
import { createTestApp, TestContext } from './helpers/test-app';

/**
 * DESIGN.md sections 5, 7 and 10: a third party recomputes a competition's published outcome from
 * the public HTTP reads alone (scripts/recompute.ts, against this app listening on a real port).
 * One competition, scored for real: a full tie broken by the lottery across the funding line, a gate,
 * a quorum missed, and a cancelled award on which money was paid.
 */
describe('recomputing the published outcome from public data', () => {
  let ctx: TestContext;
  let cast: Cast;
  let setup: Reviewable;
  let roundId: string;
  let baseUrl: string;
  let get: PublicGet;

  const http = () => ctx.http();
  /** Scores per application: juror 1's and juror 2's (plan, feasibility); null when not submitted. */
  const SCORES: ([number, number] | null)[][] = [
    [
      [4, 4],
      [4, 3],
    ], // A: best
    [
      [3, 3],
      [3, 2],
    ], // T1 \ the same sums on every criterion and the same request:
    [
      [3, 2],
      [3, 3],
    ], // T2 / a full tie, ordered by the lottery
    [
      [3, 1],
      [2, 2],
    ], // D
    [
      [2, 1],
      [2, 1],
    ], // E: cheaper, funded further down
    [
      [0, 4],
      [0, 4],
    ], // G: below the gate on plan
    [[4, 4], null], //   Q: one scoresheet, below the quorum of two
  ];

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    await ctx.app.listen(0, '127.0.0.1');
    // The base URL is where the JSON API answers, as a reader outside would pass it to the script.
    baseUrl = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}/api`;
    get = httpGet(baseUrl);
    setup = await createReviewable(ctx, cast, SCORES.length, 2);
  });
  // The scenario is built in steps, each its own hook: one competition scored and awarded for real is a lot of requests.
  beforeAll(async () => {
    const ids = setup.applications.map((a) => a.id);
    // Requests: the tied pair ask the same; E asks less; budget 240M so that the line falls in the tie.
    await ctx.dataSource.query(`UPDATE applications SET requested_amount = 100000000 WHERE id = ANY($1)`, [
      [ids[1], ids[2]],
    ]);
    await ctx.dataSource.query(`UPDATE applications SET requested_amount = 80000000 WHERE id = $1`, [ids[4]]);
    await ctx.dataSource.query(`UPDATE competitions SET budget = 240000000, max_award = 150000000 WHERE id = $1`, [
      setup.competitionId,
    ]);
    const jurors: TestUser[] = [
      await addJuror(ctx, cast, setup.competitionId),
      await addJuror(ctx, cast, setup.competitionId),
    ];
    roundId = (
      await http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody({ maxLoad: 10, advancement: { kind: 'top', n: 5 } }))
        .expect(201)
    ).body.id;
    await http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
    for (const [i, id] of ids.entries()) {
      for (const [j, juror] of jurors.entries()) {
        const assignment = await http()
          .post(`/api/rounds/${roundId}/assignments`)
          .set(cast.manager.auth)
          .send({ applicationId: id, jurorId: juror.user.id })
          .expect(201);
        const scores = SCORES[i][j];
        if (scores)
          await http()
            .put(`/api/reviews/assignments/${assignment.body.id}/scoresheet`)
            .set(juror.auth)
            .send({ scores: { plan: scores[0], feasibility: scores[1] }, submit: true })
            .expect(200);
      }
    }
    await http().post(`/api/rounds/${roundId}/close`).set(cast.manager.auth).expect(200);
    await http().post(`/api/rounds/${roundId}/finalize`).set(cast.manager.auth).expect(202);
    await ctx.app.get(RoundFinalizer).finalize(roundId);
  });
  beforeAll(async () => {
    // Awards: the helper's proposals (A and the lottery's winner), both approved; A is accepted, its
    // signing tranche paid, then cancelled: the 50M paid stays held, and E now fits.
    const ids = setup.applications.map((a) => a.id);
    const awards = (
      await http().post(`/api/competitions/${setup.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as { id: string; applicationId: string }[];
    for (const award of awards)
      await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
    const first = awards.find((a) => a.applicationId === ids[0])!;
    const accepted = await http()
      .post(`/api/awards/${first.id}/accept`)
      .set(setup.applications[0].applicant.auth)
      .expect(200);
    const signing = (accepted.body.tranches as { id: string; status: string }[]).find((t) => t.status === 'approved')!;
    const [{ today }] = await ctx.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS today`,
      [ctx.config.mailTimeZone],
    );
    await http()
      .post(`/api/tranches/${signing.id}/payments`)
      .set(cast.finance.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ bankReference: 'PP-1', paidOn: today })
      .expect(201);
    await http()
      .post(`/api/awards/${first.id}/cancel`)
      .set(cast.manager.auth)
      .send({ reason: 'Broke the terms' })
      .expect(200);
    await http().post(`/api/competitions/${setup.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const results = async () => (await get(`/public/rounds/${roundId}/results`)).body as PublicResults;
  const allocation = async () =>
    (await get(`/public/competitions/${setup.competitionId}/allocation`)).body as PublicAllocation;
  /** The public reads, with one figure altered in the answer to `path`. */
  const altered =
    (match: string, alter: (body: never) => void): PublicGet =>
    async (path) => {
      const res = await get(path);
      if (!path.endsWith(match)) return res;
      const body = structuredClone(res.body);
      alter(body as never);
      return { status: res.status, body };
    };

  it('publishes the scenario it is meant to: a tie decided by lot, a gate, a quorum missed, a cancelled award holding what was paid', async () => {
    const r = await results();
    expect(r.items.map((x) => [x.rank, x.reason])).toEqual([
      [1, 'advanced'],
      [2, 'advanced'],
      [3, 'advanced'],
      [4, 'advanced'],
      [5, 'advanced'],
      [6, 'below_gate'],
      [null, 'below_quorum'],
    ]);
    const [t1, t2] = [setup.applications[1].id, setup.applications[2].id];
    expect(new Set(r.items.slice(1, 3).map((x) => x.applicationId))).toEqual(new Set([t1, t2]));
    expect(r.items[1]).toMatchObject({
      means: r.items[2].means,
      official: r.items[2].official,
      requested: '100000000',
    });
    expect(r.round.method.ranking.lottery).toMatchObject({ hash: 'sha256', message: '{seed}:{applicationId}' });
    expect(JSON.stringify(r)).not.toMatch(/Applicant \d|Project \d|Test Person|jurorId/);
    const a = await allocation();
    expect(a.decisions.map((d) => [d.amount, d.reason])).toEqual([
      ['50000000', 'cancelled'],
      ['100000000', 'funded'],
      ['0', 'tie_lost_by_lot'],
      ['0', 'budget_exhausted'],
      ['80000000', 'funded'],
      ['0', 'below_gate'],
      ['0', 'below_quorum'],
    ]);
    expect(a).toMatchObject({ committed: '230000000', remaining: '10000000' });
  });

  it('recomputes every finalized round and the allocation from the public reads, and they match', async () => {
    const outcome = await recompute(get, setup.competitionId);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.matches).toBe(true);
    expect(outcome.checked).toEqual([
      expect.stringMatching(/^round 1 .*: 7 applications ranked$/),
      'allocation: 7 applications, committed 230000000, remaining 10000000',
    ]);
    // The command a third party runs (`npm run recompute` starts it through ts-node; here, its compiled form).
    const { code, stdout } = await runScript('scripts/recompute.ts', [baseUrl, setup.competitionId], {}, 30000);
    expect(stdout).toContain('The published outcome matches the recomputation.');
    expect(code).toBe(0);
  }, 45000);

  it('reports a mismatch when a published figure is altered', async () => {
    const [t1, t2] = [1, 2];
    const cases: [PublicGet, RegExp][] = [
      // The lottery's order swapped within the tie.
      [
        altered('/results', (body: PublicResults) => {
          [body.items[t1].rank, body.items[t2].rank] = [body.items[t2].rank, body.items[t1].rank];
        }),
        /round 1: SU-.*: rank published 3, recomputed 2/,
      ],
      // A per-criterion mean nudged: the official score no longer follows from it.
      [
        altered('/results', (body: PublicResults) => {
          body.items[3].means.feasibility = 2;
        }),
        /official score published/,
      ],
      // The cancelled award shown as holding nothing, its money as free.
      [
        altered('/allocation', (body: PublicAllocation) => {
          Object.assign(body.decisions[0], { amount: '0', holds: '0' });
          body.remaining = '60000000';
        }),
        /allocation: .*recomputed/,
      ],
      // The lottery's loser shown as funded.
      [
        altered('/allocation', (body: PublicAllocation) => {
          Object.assign(body.decisions[2], { amount: '100000000', reason: 'funded' });
        }),
        /allocation: SU-.*: published 100000000 \(funded\), recomputed 0 \(tie_lost_by_lot\)/,
      ],
      // The method's gate lowered after the fact.
      [
        altered('/results', (body: PublicResults) => {
          body.round.method.criteria[0].min = 0;
        }),
        /gates failed published \["plan"\], recomputed \[\]/,
      ],
    ];
    for (const [reads, expected] of cases) {
      const outcome = await recompute(reads, setup.competitionId);
      expect(outcome.matches).toBe(false);
      expect(outcome.mismatches.join('\n')).toMatch(expected);
    }
  });

  it('reads only public routes, with no credentials', async () => {
    const paths: string[] = [];
    await recompute(async (path) => {
      paths.push(path);
      return get(path);
    }, setup.competitionId);
    expect(paths).toEqual([
      `/public/competitions/${setup.competitionId}/rounds?limit=100&offset=0`,
      `/public/rounds/${roundId}/results`,
      `/public/competitions/${setup.competitionId}/allocation`,
    ]);
    const rounds = (await get(`/public/competitions/${setup.competitionId}/rounds`)).body as PublicPage<PublicRound>;
    expect(rounds.items.map((r) => r.status)).toEqual(['finalized']);
    expect(rounds).toMatchObject({ total: 1, limit: 20, offset: 0 });
    const beyond = await get(`/public/competitions/${setup.competitionId}/rounds?offset=1`);
    expect(beyond.body).toEqual({ items: [], total: 1, limit: 20, offset: 1 });
    expectError(await http().get(`/api/public/rounds/${randomUUID()}/results`), 404, 'REVIEW.ROUND_NOT_FOUND');
  });
});
