import { StaffTasksService } from '../src/modules/staff-tasks/staff-tasks.service';
import { TestUser } from './helpers/factories';
import { TestContext } from './helpers/test-app';
import { buildWorld, createSecurityApp, World } from './security/world';

type Counts = Record<string, number>;

/**
 * "My tasks" for staff and the daily digest, against the security suites' world (see world.ts):
 * one award proposed by `manager`, one milestone report under review, an open round where `juror`
 * has two assignments (one with a draft sheet) and `juror2` one, and drafts in an open competition.
 */
describe('staff tasks and their daily digest', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createSecurityApp();
    world = await buildWorld(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const tasksOf = async (who: TestUser): Promise<Counts> => {
    const res = await ctx.http().get('/api/me/tasks').set(who.auth).expect(200);
    const tasks = res.body.tasks as { kind: string; count: number; href: string }[];
    return Object.fromEntries(tasks.map((t) => [t.kind, t.count]));
  };
  const digests = async (): Promise<{ recipient_id: string; data: Counts; dedupe_key: string }[]> =>
    ctx.dataSource.query(
      `SELECT recipient_id, data, dedupe_key FROM notifications WHERE type = 'staff.tasks_digest' ORDER BY id`,
    );

  it("counts a manager's tasks, never their own proposals as awaiting their approval (rule 9)", async () => {
    const { manager, manager2 } = world.users;
    const mine = await tasksOf(manager);
    const theirs = await tasksOf(manager2);
    expect(Object.keys(mine)).toEqual(['approvals', 'reports', 'screening', 'answered', 'failedRuns']);
    expect(mine).toMatchObject({ approvals: 0, reports: 1, failedRuns: 0 });
    expect(theirs).toMatchObject({ approvals: 1, reports: 1 });
    expect(theirs.screening).toBe(mine.screening);
  });

  it('follows what happens: a submission waits for screening until screened', async () => {
    const { manager, applicant } = world.users;
    const before = (await tasksOf(manager)).screening;
    await ctx.http().post(`/api/applications/${world.open.submitId}/submit`).set(applicant.auth).expect(200);
    expect((await tasksOf(manager)).screening).toBe(before + 1);
    await ctx
      .http()
      .post(`/api/applications/${world.open.submitId}/screening`)
      .set(manager.auth)
      .send({ decision: 'eligible' })
      .expect(200);
    expect((await tasksOf(manager)).screening).toBe(before);
  });

  it('counts a round whose latest assignment run was infeasible, until a later run succeeds', async () => {
    const { manager } = world.users;
    // The runs' own outcomes are the reviews suites' business; here rows stand for them.
    const run = (status: string, at: string) =>
      ctx.dataSource.query(
        `INSERT INTO assignment_runs (round_id, status, trigger, assigned, created_at) VALUES ($1, $2, 'manual', 0, $3)`,
        [world.reviewing.roundId, status, at],
      );
    await run('infeasible', '2030-01-01T00:00:00Z');
    expect((await tasksOf(manager)).failedRuns).toBe(1);
    await run('succeeded', '2030-01-02T00:00:00Z');
    expect((await tasksOf(manager)).failedRuns).toBe(0);
  });

  it("counts a juror's own unfinished scoresheets and unconfirmed declarations", async () => {
    const { juror, juror2, outsider } = world.users;
    expect(await tasksOf(juror)).toEqual({ conflicts: 0, scoring: 2 });
    expect(await tasksOf(juror2)).toEqual({ conflicts: 0, scoring: 1 });
    expect(await tasksOf(outsider)).toEqual({ conflicts: 0, scoring: 0 });
    await ctx
      .http()
      .put(`/api/reviews/assignments/${world.reviewing.assignmentId}/scoresheet`)
      .set(juror.auth)
      .send({ scores: { plan: 3, feasibility: 2 }, submit: true })
      .expect(200);
    expect(await tasksOf(juror)).toEqual({ conflicts: 0, scoring: 1 });
    await ctx
      .http()
      .post(`/api/competitions/${world.awarded.competitionId}/jurors`)
      .set(world.users.manager.auth)
      .send({ userId: outsider.user.id })
      .expect(201);
    expect(await tasksOf(outsider)).toEqual({ conflicts: 1, scoring: 0 });
  });

  it('is for staff only', async () => {
    expect((await ctx.http().get('/api/me/tasks').set(world.users.applicant.auth)).status).toBe(403);
    expect((await ctx.http().get('/api/me/tasks')).status).toBe(401);
  });

  it('mails each member of staff with something waiting one digest a day, from 08:00 Almaty time', async () => {
    const service = ctx.app.get(StaffTasksService);
    const { manager, manager2, juror, juror2, outsider, admin } = world.users;
    // 07:30 in Almaty (UTC+5): not yet.
    expect(await service.sendDigests(new Date('2031-03-01T02:30:00Z'))).toBe(0);
    expect(await digests()).toEqual([]);

    const written = await service.sendDigests(new Date('2031-03-01T04:00:00Z'));
    const rows = await digests();
    expect(rows).toHaveLength(written);
    const to = new Map(rows.map((r) => [r.recipient_id, r]));
    for (const who of [manager, manager2, juror, juror2, outsider]) expect(to.has(who.user.id)).toBe(true);
    expect(to.has(admin.user.id)).toBe(false);
    // The mail says what the page says.
    const managerTasks = await tasksOf(manager2);
    expect(to.get(manager2.user.id)!.data).toEqual({ ...managerTasks, conflicts: 0, scoring: 0, payments: 0 });
    expect(to.get(juror2.user.id)!.data).toEqual({
      approvals: 0,
      reports: 0,
      screening: 0,
      answered: 0,
      failedRuns: 0,
      payments: 0,
      ...(await tasksOf(juror2)),
    });
    expect(to.get(manager.user.id)!.dedupe_key).toBe(`staff.tasks_digest:${manager.user.id}:2031-03-01`);

    // Later the same day, and again at once (two workers): nothing more.
    expect(
      await Promise.all([
        service.sendDigests(new Date('2031-03-01T12:00:00Z')),
        service.sendDigests(new Date('2031-03-01T12:00:00Z')),
      ]),
    ).toEqual([0, 0]);
    expect(await digests()).toHaveLength(written);

    // The next morning: a new digest.
    expect(await service.sendDigests(new Date('2031-03-02T03:00:00Z'))).toBe(written);
    expect(await digests()).toHaveLength(written * 2);
  });

  // After the digest: these change what waits for whom.
  it('counts an application sent again after a return for changes, until it is screened anew', async () => {
    const { manager, applicant } = world.users;
    const id = world.open.withdrawId;
    const before = await tasksOf(manager);
    await ctx.http().post(`/api/applications/${id}/submit`).set(applicant.auth).expect(200);
    await ctx
      .http()
      .post(`/api/applications/${id}/return`)
      .set(manager.auth)
      .send({ message: 'Attach the estimate.', answerBy: new Date(Date.now() + 5 * 86400000).toISOString() })
      .expect(200);
    expect(await tasksOf(manager)).toMatchObject({ screening: before.screening, answered: before.answered });
    await ctx.http().post(`/api/applications/${id}/submit`).set(applicant.auth).expect(200);
    expect(await tasksOf(manager)).toMatchObject({
      screening: before.screening + 1,
      answered: before.answered + 1,
    });
    await ctx
      .http()
      .post(`/api/applications/${id}/screening`)
      .set(manager.auth)
      .send({ decision: 'eligible' })
      .expect(200);
    expect(await tasksOf(manager)).toMatchObject({ screening: before.screening, answered: before.answered });
  });

  it("counts a finance officer's tranches to pay: released by an approved report, gone once paid", async () => {
    const { manager, finance } = world.users;
    const before = await tasksOf(finance);
    expect(Object.keys(before)).toEqual(['payments']);
    await ctx.http().post(`/api/reports/${world.awarded.reportId}/approve`).set(manager.auth).send({}).expect(200);
    expect(await tasksOf(finance)).toEqual({ payments: before.payments + 1 });
    const [{ day }] = await ctx.dataSource.query(
      `SELECT to_char(now() AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS day`,
    );
    await ctx
      .http()
      .post(`/api/tranches/${world.awarded.reportTrancheId}/payments`)
      .set(finance.auth)
      .set('Idempotency-Key', 'a1b2c3d4-0000-4000-8000-000000000001')
      .send({ bankReference: 'PP-000777', paidOn: day })
      .expect(201);
    expect(await tasksOf(finance)).toEqual(before);
  });
});
