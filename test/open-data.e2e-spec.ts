import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast, createCompetition } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

interface AwardBody {
  id: string;
  applicationId: string;
  amount: string;
  tranches: { id: string; amount: string; position: number }[];
}
interface GrantBody {
  id: string;
  recipient: string;
  title: string;
  status: string;
  sector: string;
  village: { id: string; name: string };
  district: { id: string };
  region: { id: string };
  goals: { id: string; code: string }[];
  amountAwarded: string;
  amountDisbursed: string;
  competition: { id: string };
}

/** The official 360Giving 1.4.3 grant schema, copied into the fixtures (JSON Schema 2020-12). */
const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures', '360giving-schema-1.4.3.json'), 'utf8')) as Record<
  string,
  unknown
>;

/**
 * Open data (DESIGN.md section 10): grants are public without signing in, by place and goal, with no
 * name or contact of an individual grantee; figures add up; the 360Giving export validates.
 * Five awards: 0 accepted and partly paid, 1 paid then cancelled, 2 accepted, 3 offered but not
 * answered, 4 only proposed. Only 0, 1 and 2 are grants.
 */
describe('open data', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  let awards: AwardBody[];
  const http = () => ctx.http();
  const grants = async (query: Record<string, string | number> = {}) =>
    (await http().get('/api/public/grants').query(query).expect(200)).body as {
      items: GrantBody[];
      total: number;
      limit: number;
    };
  const pay = async (tranche: { id: string; amount: string }) => {
    const [{ today }] = await ctx.dataSource.query(
      `SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS today`,
      [ctx.config.mailTimeZone],
    );
    await http()
      .post(`/api/tranches/${tranche.id}/payments`)
      .set(cast.finance.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ bankReference: 'PP-000123', paidOn: today })
      .expect(201);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    a = await createAwardable(ctx, cast, 5, { budget: '1000000000' });
    awards = (
      await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as AwardBody[];
    for (const i of [0, 1, 2, 3])
      await http().post(`/api/awards/${awards[i].id}/approve`).set(cast.manager2.auth).expect(200);
    for (const i of [0, 1, 2])
      awards[i] = (
        await http().post(`/api/awards/${awards[i].id}/accept`).set(a.applications[i].applicant.auth).expect(200)
      ).body as AwardBody;
    await pay(awards[0].tranches[0]);
    await pay(awards[1].tranches[0]);
    await http()
      .post(`/api/awards/${awards[1].id}/cancel`)
      .set(cast.manager.auth)
      .send({ reason: 'The business closed' })
      .expect(200);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('lists the grants to anyone, without a name, contact, account id or the applicant’s own words', async () => {
    const page = await grants();
    expect(page.items.map((g) => g.id).sort()).toEqual([awards[0].id, awards[1].id, awards[2].id].sort());
    expect(page.total).toBe(3);
    const byId = new Map(page.items.map((g) => [g.id, g]));
    expect(byId.get(awards[0].id)).toMatchObject({
      status: 'active',
      amountAwarded: awards[0].amount,
      amountDisbursed: awards[0].tranches[0].amount,
      // How far it has got: the signing tranche paid, no milestone report approved yet.
      tranches: awards[0].tranches.length,
      tranchesPaid: 1,
      reportsApproved: 0,
      jobsCreated: null,
    });
    // A cancelled grant is worth what was paid on it; the rest went back to the budget.
    expect(byId.get(awards[1].id)).toMatchObject({
      status: 'cancelled',
      amountAwarded: awards[1].tranches[0].amount,
      amountDisbursed: awards[1].tranches[0].amount,
    });
    expect(byId.get(awards[2].id)).toMatchObject({
      status: 'accepted',
      amountAwarded: awards[2].amount,
      amountDisbursed: '0',
    });
    const text = JSON.stringify(page);
    for (const { applicant, id, title } of a.applications.slice(0, 3)) {
      for (const secret of [
        applicant.user.fullName,
        'Applicant',
        applicant.user.email,
        applicant.user.phone,
        applicant.user.id,
        id,
        title,
        'Summary',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    const pseudonyms = page.items.map((g) => g.recipient);
    expect(pseudonyms.every((p) => /^P-[0-9a-f]{16}$/.test(p))).toBe(true);
    expect(new Set(pseudonyms).size).toBe(3);
    expect((await grants()).items.map((g) => g.recipient)).toEqual(pseudonyms);
    expect(byId.get(awards[0].id)!.title).toMatch(/start-up grant in /);
  });

  it('filters by region, district, village, goal and sector, and pages with a clamped limit', async () => {
    const all = (await grants()).items;
    const first = all[0];
    for (const [key, value, pick] of [
      ['regionId', first.region.id, (g: GrantBody) => g.region.id],
      ['districtId', first.district.id, (g: GrantBody) => g.district.id],
      ['villageId', first.village.id, (g: GrantBody) => g.village.id],
      ['sector', first.sector, (g: GrantBody) => g.sector],
    ] as const) {
      const found = (await grants({ [key]: value })).items;
      expect(found.map((g) => g.id).sort()).toEqual(
        all
          .filter((g) => pick(g) === value)
          .map((g) => g.id)
          .sort(),
      );
    }
    const goal = first.goals[0];
    expect((await grants({ goalId: goal.id })).items.map((g) => g.id).sort()).toEqual(
      all
        .filter((g) => g.goals.some((x) => x.id === goal.id))
        .map((g) => g.id)
        .sort(),
    );
    expect((await grants({ villageId: randomUUID() })).items).toEqual([]);
    const paged = await grants({ limit: 1, offset: 1 });
    expect(paged.items.map((g) => g.id)).toEqual([all[1].id]);
    expect((await grants({ limit: 1000000 })).limit).toBe(100);
    expectError(
      await http().get('/api/public/grants').query({ villageId: 'not-a-uuid' }),
      400,
      'REQUEST.VALIDATION_FAILED',
      'villageId',
    );
    expectError(
      await http().get('/api/public/grants').query({ sector: 'mining' }),
      400,
      'REQUEST.VALIDATION_FAILED',
      'sector',
    );
    expectError(
      await http().get('/api/public/grants').query({ applicantId: randomUUID() }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });

  it('gives the grants a filter picks as CSV: every one, amounts in tenge, no names, formulas defused', async () => {
    const all = (await grants()).items;
    const response = await http().get('/api/public/grants.csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="grants.csv"');
    expect(response.text.startsWith('\uFEFFid,recipient,competition_id,')).toBe(true);
    const lines = response.text.trim().split('\r\n');
    expect(lines).toHaveLength(all.length + 1);
    const active = all.find((g) => g.status === 'active')!;
    const line = lines.find((l) => l.startsWith(active.id))!;
    const tenge = (minor: string) => `${BigInt(minor) / 100n}.${(BigInt(minor) % 100n).toString().padStart(2, '0')}`;
    expect(line).toContain(`,${active.recipient},`);
    expect(line).toContain(`,${tenge(active.amountAwarded)},${tenge(active.amountDisbursed)},3,1,0,,`);
    for (const { applicant, title } of a.applications) {
      expect(response.text).not.toContain(applicant.user.email);
      expect(response.text).not.toContain(title);
    }
    const oneVillage = await http().get('/api/public/grants.csv').query({ villageId: active.village.id }).expect(200);
    expect(oneVillage.text.trim().split('\r\n')).toHaveLength(
      all.filter((g) => g.village.id === active.village.id).length + 1,
    );
    expectError(await http().get('/api/public/grants.csv').query({ limit: '5' }), 400, 'REQUEST.VALIDATION_FAILED');
  });

  it('sums grants by region, district, village and goal, consistent with the list', async () => {
    const all = (await grants()).items;
    const sum = (xs: GrantBody[], f: (g: GrantBody) => string) => xs.reduce((s, g) => s + BigInt(f(g)), 0n).toString();
    for (const by of ['region', 'district', 'village'] as const) {
      const { body } = await http().get('/api/public/grants/summary').query({ by }).expect(200);
      const expected = [...new Set(all.map((g) => g[by].id))]
        .map((id) => {
          const mine = all.filter((g) => g[by].id === id);
          return {
            id,
            grants: mine.length,
            amountAwarded: sum(mine, (g) => g.amountAwarded),
            amountDisbursed: sum(mine, (g) => g.amountDisbursed),
          };
        })
        .sort((x, y) => x.id.localeCompare(y.id));
      const rows = (
        body.rows as { id: string; grants: number; amountAwarded: string; amountDisbursed: string; currency: string }[]
      )
        .map(({ id, grants: n, amountAwarded, amountDisbursed }) => ({ id, grants: n, amountAwarded, amountDisbursed }))
        .sort((x, y) => x.id.localeCompare(y.id));
      expect({ by, rows }).toEqual({ by, rows: expected });
    }
    const goals = (
      await http().get('/api/public/grants/summary').query({ by: 'goal', competitionId: a.competitionId }).expect(200)
    ).body.rows as { id: string; grants: number }[];
    expect(goals.reduce((n, r) => n + r.grants, 0)).toBe(all.reduce((n, g) => n + g.goals.length, 0));
    expectError(await http().get('/api/public/grants/summary'), 400, 'REQUEST.VALIDATION_FAILED', 'by');
  });

  it('gives headline figures overall and per competition, and 404 for drafts and unknown ids', async () => {
    const all = (await grants()).items;
    const { body } = await http().get('/api/public/figures').query({ competitionId: a.competitionId }).expect(200);
    expect(body).toEqual({
      competitions: 1,
      openCompetitions: 0,
      applicationsSubmitted: 5,
      villagesWithGrants: new Set(all.map((g) => g.village.id)).size,
      districtsWithGrants: 1,
      money: [
        {
          currency: 'KZT',
          budget: '1000000000',
          grants: 3,
          amountAwarded: all.reduce((s, g) => s + BigInt(g.amountAwarded), 0n).toString(),
          amountDisbursed: (BigInt(awards[0].tranches[0].amount) + BigInt(awards[1].tranches[0].amount)).toString(),
        },
      ],
    });
    const draft = await createCompetition(ctx, cast.manager.user.id, a.places.villageIds);
    const overall = (await http().get('/api/public/figures').expect(200)).body;
    expect(overall.competitions).toBe(1);
    expectError(
      await http().get('/api/public/figures').query({ competitionId: draft.id }),
      404,
      'COMPETITION.NOT_FOUND',
    );
    expectError(
      await http().get('/api/public/figures').query({ competitionId: randomUUID() }),
      404,
      'COMPETITION.NOT_FOUND',
    );
  });

  it('exports the grants in the 360Giving Data Standard, every grant valid against the official schema', async () => {
    const res = await http().get(`/api/public/competitions/${a.competitionId}/360giving`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const pkg = JSON.parse(res.text) as { grants: Record<string, unknown>[] };
    expect(Object.keys(pkg)).toEqual(['grants']);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // The schema names its draft by the http:// form of the 2020-12 meta-schema's address.
    ajv.addMetaSchema(
      ajv.getSchema('https://json-schema.org/draft/2020-12/schema')!.schema as object,
      'http://json-schema.org/draft/2020-12/schema',
    );
    const validate = ajv.compile(schema);
    for (const grant of pkg.grants) {
      expect({ id: grant.id, valid: validate(grant), errors: validate.errors ?? null }).toEqual({
        id: grant.id,
        valid: true,
        errors: null,
      });
    }
    // The validator is not vacuous: a grant without a recipient, or with amounts as strings, fails.
    const { recipientIndividual: _dropped, ...noRecipient } = pkg.grants[0];
    expect(validate(noRecipient)).toBe(false);
    expect(validate({ ...pkg.grants[0], amountAwarded: '1000' })).toBe(false);

    expect(pkg.grants).toHaveLength(3);
    const first = pkg.grants.find((g) => g.id === `360G-startup-${awards[0].id}`) as {
      disbursementTransaction: unknown;
      classifications: unknown;
    };
    expect(first).toMatchObject({
      currency: 'KZT',
      amountAwarded: Number(awards[0].amount) / 100,
      amountDisbursed: Number(awards[0].tranches[0].amount) / 100,
      amountAppliedFor: expect.any(Number),
      fromOpenCall: 'Yes',
      recipientIndividual: {
        id: expect.stringMatching(/^360G-startup-IND-P-[0-9a-f]{16}$/),
        name: 'Individual Recipient',
      },
      fundingOrganization: [{ id: ctx.config.openData.funderId, name: ctx.config.openData.funderName }],
      grantProgramme: [{ code: a.competitionId, title: expect.any(String) }],
      beneficiaryLocation: [{ id: a.applications[0].villageId, countryCode: 'KZ', name: expect.any(String) }],
    });
    expect(first.disbursementTransaction).toEqual([
      {
        id: expect.stringMatching(/^360G-startup-payment-/),
        transactionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        currency: 'KZT',
        value: Number(awards[0].tranches[0].amount) / 100,
      },
    ]);
    const goalIds = (first.classifications as { vocabulary: string; code: string }[])
      .filter((c) => c.vocabulary === 'village-development-plan-goal')
      .map((c) => c.code);
    const listed = (await grants()).items.find((g) => g.id === awards[0].id)!;
    expect(goalIds).toEqual(listed.goals.map((g) => g.id));
    for (const { applicant, title } of a.applications) {
      expect(res.text).not.toContain(applicant.user.id);
      expect(res.text).not.toContain(title);
    }

    expectError(await http().get(`/api/public/competitions/${randomUUID()}/360giving`), 404, 'COMPETITION.NOT_FOUND');
    const draft = await createCompetition(ctx, cast.manager.user.id, a.places.villageIds);
    expectError(await http().get(`/api/public/competitions/${draft.id}/360giving`), 404, 'COMPETITION.NOT_FOUND');
  });

  it('keeps out a declined offer, follows a failed payment, and serves parallel exports that all validate', async () => {
    await http()
      .post(`/api/awards/${awards[3].id}/decline`)
      .set(a.applications[3].applicant.auth)
      .send({ reason: 'Found other funding' })
      .expect(200);
    expect((await grants()).total).toBe(3);
    const exportOf = async () =>
      JSON.parse((await http().get(`/api/public/competitions/${a.competitionId}/360giving`).expect(200)).text) as {
        grants: Record<string, unknown>[];
      };
    const before = (await exportOf()).grants.find((g) => g.id === `360G-startup-${awards[0].id}`)!;
    const [payment] = (await http().get(`/api/awards/${awards[0].id}/payments`).set(cast.finance.auth).expect(200)).body
      .items as { id: string }[];
    await http()
      .post(`/api/payments/${payment.id}/failure`)
      .set(cast.finance.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: 'Account closed' })
      .expect(200);
    const parallel = await Promise.all(Array.from({ length: 5 }, exportOf));
    for (const pkg of parallel)
      expect(pkg.grants.map((g) => g.id).sort()).toEqual(
        [awards[0].id, awards[1].id, awards[2].id].map((id) => `360G-startup-${id}`).sort(),
      );
    const after = parallel[0].grants.find((g) => g.id === before.id)!;
    expect(after).toMatchObject({ amountDisbursed: 0, disbursementTransaction: [] });
    expect(Date.parse(after.dateModified as string)).toBeGreaterThan(Date.parse(before.dateModified as string));
    expect((await grants()).items.find((g) => g.id === awards[0].id)).toMatchObject({ amountDisbursed: '0' });
  });
});

describe('public reads are cached', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ PUBLIC_CACHE_SECONDS: '60' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('serves a repeated read from memory for the configured time, per full URL, and tells proxies', async () => {
    const first = await ctx.http().get('/api/public/figures').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['x-cache']).toBe('miss');
    const cast = await createCast(ctx);
    const a = await createAwardable(ctx, cast, 1);
    // A change within the minute is not seen on the same URL, and is on another one.
    const again = await ctx.http().get('/api/public/figures').expect(200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body).toEqual(first.body);
    const scoped = await ctx.http().get('/api/public/figures').query({ competitionId: a.competitionId }).expect(200);
    expect(scoped.headers['x-cache']).toBe('miss');
    expect(scoped.body.competitions).toBe(1);
    // Errors are never cached.
    const unknown = randomUUID();
    await ctx.http().get('/api/public/figures').query({ competitionId: unknown }).expect(404);
    const second404 = await ctx.http().get('/api/public/figures').query({ competitionId: unknown }).expect(404);
    expect(second404.headers['x-cache']).toBeUndefined();
    expect(second404.body.code).toBe('COMPETITION.NOT_FOUND');
    // ...and no proxy may keep an error either.
    expect(second404.headers['cache-control']).toBe('no-store');
    // A route that reads no query string is one entry, whatever junk is appended to its URL.
    await ctx.http().get(`/api/public/rounds/${a.roundId}`).expect(200);
    const junk = await ctx.http().get(`/api/public/rounds/${a.roundId}`).query({ x: randomUUID() }).expect(200);
    expect(junk.headers['x-cache']).toBe('hit');
    // A finalized round's published results, like the other public reads of a competition.
    expect((await ctx.http().get(`/api/public/rounds/${a.roundId}/results`).expect(200)).headers['x-cache']).toBe(
      'miss',
    );
    const results = await ctx.http().get(`/api/public/rounds/${a.roundId}/results`).expect(200);
    expect(results.headers).toMatchObject({ 'x-cache': 'hit', 'cache-control': 'public, max-age=60' });
  });

  it('computes a cold entry once for a burst of readers: one miss, the rest wait for it', async () => {
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => ctx.http().get('/api/public/grants').query({ limit: 7 }).expect(200)),
    );
    expect(burst.map((r) => r.headers['x-cache']).sort()).toEqual([...Array(9).fill('hit'), 'miss']);
    expect(new Set(burst.map((r) => r.text)).size).toBe(1);
    expect(burst[0].headers['content-type']).toMatch(/^application\/json/);
    expect(burst[0].body).toMatchObject({ limit: 7, items: expect.any(Array) });
  });
});
