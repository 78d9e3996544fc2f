import { INestApplicationContext } from '@nestjs/common';
import { auditOf, expectError } from './helpers/assertions';
import {
  Cast,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  Places,
  TestUser,
} from './helpers/factories';
import { SmtpSink } from './helpers/smtp-sink';
import { createTestApp, TestContext } from './helpers/test-app';
import { startWorker } from './helpers/worker-context';

describe('applications: listing, export, summary and screening', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let sink: SmtpSink;
  let cast: Cast;
  let places: Places;
  let goalIds: string[];
  let competitionId: string;
  const submitted: { id: string; applicant: TestUser; title: string }[] = [];

  const body = (title: string, villageIndex: number, sector: string, goal: number) => ({
    title,
    summary: `Summary of ${title}`,
    sector,
    goals: [{ goalId: goalIds[villageIndex * 2 + goal], contribution: 'Supports it' }],
    requestedAmount: '100000000',
    ownContribution: '25000000',
    budgetLines: [
      { category: 'equipment', amount: '100000000', source: 'grant' },
      { category: 'own', amount: '25000000', source: 'own' },
    ],
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const overrides = { SMTP_URL: sink.url, RELAY_INTERVAL_MS: '100' };
    ctx = await createTestApp(overrides);
    worker = await startWorker(ctx.databaseName, overrides);
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 2);
    goalIds = [];
    for (const villageId of places.villageIds)
      goalIds.push(...((await createAdoptedPlan(ctx, cast.admin.user.id, villageId)).goals ?? []).map((g) => g.id));
    competitionId = (
      await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
        open: true,
        minAward: '50000000',
        maxApplicationsPerApplicant: 1,
      })
    ).id;
    const specs: [string, number, string, number][] = [
      ['Қонақ үй — guest house', 0, 'tourism', 0],
      ['Bakery "Nan"', 0, 'services', 1],
      ['Fish smokehouse', 1, 'processing', 0],
      ['Sewing workshop', 1, 'crafts', 0],
    ];
    for (const [title, villageIndex, sector, goal] of specs) {
      const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[villageIndex] });
      await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now(), preferred_language = $2 WHERE id = $1', [
        applicant.user.id,
        'ru',
      ]);
      const draft = await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications`)
        .set(applicant.auth)
        .send(body(title, villageIndex, sector, goal))
        .expect(201);
      await ctx.http().post(`/api/applications/${draft.body.id}/submit`).set(applicant.auth).expect(200);
      submitted.push({ id: draft.body.id, applicant, title });
    }
    const drafter = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
    await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications`)
      .set(drafter.auth)
      .send({ title: 'Unfinished' })
      .expect(201);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
    await sink?.stop();
  });

  const list = (query: Record<string, unknown> = {}) =>
    ctx.http().get(`/api/competitions/${competitionId}/applications`).query(query).set(cast.manager.auth);

  it('lists submitted applications (not drafts) with village, district and applicant, newest first', async () => {
    const res = await list().expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((a: { title: string }) => a.title)).toEqual([...submitted].reverse().map((s) => s.title));
    expect(res.body.items[0]).toMatchObject({
      villageName: { en: expect.any(String) },
      districtName: { en: expect.any(String) },
      applicantName: 'Test Person',
      status: 'submitted',
    });
  });

  it.each([
    [{ villageId: () => places.villageIds[1] }, ['Fish smokehouse', 'Sewing workshop']],
    [{ sector: () => 'services' }, ['Bakery "Nan"']],
    [{ q: () => 'смоке' }, []],
    [{ q: () => 'smoke' }, ['Fish smokehouse']],
    [{ q: () => 'Қонақ' }, ['Қонақ үй — guest house']],
    [{ goalId: () => goalIds[1] }, ['Bakery "Nan"']],
    [{ districtId: () => places.districtId, status: () => 'draft' }, ['Unfinished']],
  ])('filters by %o', async (filter, titles) => {
    const query = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v()]));
    const res = await list({ ...query, sort: 'title', order: 'asc' }).expect(200);
    expect(res.body.items.map((a: { title: string }) => a.title)).toEqual([...titles].sort());
  });

  it('sorts by reference and pages; bad filters are 400; others may not list', async () => {
    const page = await list({ sort: 'reference', order: 'asc', limit: 2, offset: 1 }).expect(200);
    expect(page.body.items.map((a: { reference: string }) => a.reference.slice(-4))).toEqual(['0002', '0003']);
    expectError(await list({ sort: 'password' }), 400, 'REQUEST.VALIDATION_FAILED', 'sort');
    expectError(await list({ sector: 'mining' }), 400, 'REQUEST.VALIDATION_FAILED', 'sector');
    await ctx.http().get(`/api/competitions/${competitionId}/applications`).set(cast.juror.auth).expect(403);
    await ctx
      .http()
      .get(`/api/competitions/${competitionId}/applications`)
      .set(submitted[0].applicant.auth)
      .expect(403);
  });

  it('exports CSV with a BOM, quoting, amounts in tenge, and every matching application', async () => {
    const res = await ctx
      .http()
      .get(`/api/competitions/${competitionId}/applications/export.csv`)
      .set(cast.manager.auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'reference,status,title,applicant,village,district,sector,requested_kzt,own_contribution_kzt,jobs_created,submitted_at,screening_reason',
    );
    expect(lines).toHaveLength(5);
    // 100,000,000 and 25,000,000 tiyn: a plain number of tenge that a spreadsheet reads as a number.
    for (const line of lines.slice(1)) expect(line).toMatch(/,1000000\.00,250000\.00,/);
    expect(text).not.toContain('100000000');
    expect(text).toContain('"Bakery ""Nan"""');
    expect(text).toContain('Қонақ үй — guest house');
  });

  it('summarises by status, village, district, goal and sector, with the total requested against the budget', async () => {
    const res = await ctx
      .http()
      .get(`/api/competitions/${competitionId}/applications/summary`)
      .set(cast.observer.auth)
      .expect(200);
    expect(res.body.byStatus).toMatchObject({ submitted: 4, draft: 1 });
    expect(res.body.byVillage.map((v: { count: number }) => v.count)).toEqual([2, 2]);
    expect(res.body.byDistrict).toEqual([expect.objectContaining({ id: places.districtId, count: 4 })]);
    expect(res.body.bySector).toEqual({ tourism: 1, services: 1, processing: 1, crafts: 1 });
    expect(res.body.byGoal.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(4);
    expect(res.body).toMatchObject({ requestedTotal: '400000000', budget: '1000000000' });
  });

  it('screens one application eligible, audited, with history', async () => {
    const target = submitted[0];
    const res = await ctx
      .http()
      .post(`/api/applications/${target.id}/screening`)
      .set(cast.manager.auth)
      .send({ decision: 'eligible' })
      .expect(200);
    expect(res.body.status).toBe('eligible');
    const again = await ctx
      .http()
      .post(`/api/applications/${target.id}/screening`)
      .set(cast.manager.auth)
      .send({ decision: 'ineligible', reason: 'other', note: 'x' });
    expectError(again, 409, 'APPLICATION.WRONG_STATUS');
    const history = await ctx
      .http()
      .get(`/api/applications/${target.id}/history`)
      .set(target.applicant.auth)
      .expect(200);
    expect(history.body.items.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted', 'eligible']);
    const events = await auditOf(ctx, 'application', target.id, cast.admin.auth);
    expect(events.map((e) => e.action)).toContain('application.screened');
  });

  it('an ineligible decision needs a reason; the applicant is told the reason in their language', async () => {
    const target = submitted[1];
    expectError(
      await ctx
        .http()
        .post(`/api/applications/${target.id}/screening`)
        .set(cast.manager.auth)
        .send({ decision: 'ineligible' }),
      400,
      'APPLICATION.SCREENING_REASON_REQUIRED',
      'reason',
    );
    expectError(
      await ctx
        .http()
        .post(`/api/applications/${target.id}/screening`)
        .set(cast.manager.auth)
        .send({ decision: 'ineligible', reason: 'bad vibes' }),
      400,
      'REQUEST.VALIDATION_FAILED',
      'reason',
    );
    await ctx
      .http()
      .post(`/api/applications/${target.id}/screening`)
      .set(cast.manager.auth)
      .send({ decision: 'ineligible', reason: 'own_share_too_low', note: 'See rule 4' })
      .expect(200);
    const [mail] = await sink.waitFor(
      1,
      15000,
      (m) => m.to.includes(target.applicant.user.email) && m.subject.includes('не прошла'),
    );
    expect(mail.subject).toMatch(/^Заявка SU-T[0-9A-F]{7}-\d{4}-\d{4} не прошла проверку$/);
    expect(mail.text).toContain('Собственный вклад ниже минимальной доли.');
    expect(mail.text).toContain('See rule 4');
  });

  it('screens in bulk: each decision gets its own outcome', async () => {
    const res = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/screening`)
      .set(cast.manager.auth)
      .send({
        decisions: [
          { applicationId: submitted[2].id, decision: 'eligible' },
          { applicationId: submitted[3].id, decision: 'eligible' },
          { applicationId: submitted[0].id, decision: 'eligible' },
        ],
      })
      .expect(200);
    expect(res.body).toEqual([
      { applicationId: submitted[2].id, status: 'eligible' },
      { applicationId: submitted[3].id, status: 'eligible' },
      { applicationId: submitted[0].id, error: 'APPLICATION.WRONG_STATUS' },
    ]);
    await ctx
      .http()
      .post(`/api/competitions/${competitionId}/screening`)
      .set(cast.juror.auth)
      .send({ decisions: [{ applicationId: submitted[2].id, decision: 'eligible' }] })
      .expect(403);
  });
});
