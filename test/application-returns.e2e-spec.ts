import { ApplicationReturnsService } from '../src/modules/applications/application-returns.service';
import { expectError } from './helpers/assertions';
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
import { waitFor } from './helpers/processes';
import { samplePdf } from './helpers/sample-files';
import { createTestApp, TestContext } from './helpers/test-app';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/**
 * Return for changes (DESIGN.md section 3): a manager returns a submitted application with a
 * message and a date; its applicant edits and resubmits it (a new snapshot version, the same
 * reference) or it lapses at its date. Every step audited (rule 10), every mail through the outbox
 * in the same transaction (rule 11); races end with exactly one winner.
 */
describe('applications: return for changes', () => {
  let ctx: TestContext;
  let cast: Cast;
  let places: Places;
  let goalIds: string[];
  let competitionId: string;

  const content = (requested = '100000000') => ({
    title: 'Guest house',
    summary: 'Four rooms for visitors',
    sector: 'tourism',
    goals: [{ goalId: goalIds[0], contribution: 'Jobs for young people' }],
    requestedAmount: requested,
    ownContribution: '25000000',
    budgetLines: [
      { category: 'equipment', amount: requested, source: 'grant' },
      { category: 'own', amount: '25000000', source: 'own' },
    ],
  });

  /** A confirmed applicant's submitted application. */
  const submitted = async (): Promise<{ id: string; applicant: TestUser; reference: string }> => {
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.user.id]);
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications`)
      .set(applicant.auth)
      .send(content())
      .expect(201);
    const res = await ctx.http().post(`/api/applications/${draft.body.id}/submit`).set(applicant.auth).expect(200);
    return { id: draft.body.id, applicant, reference: res.body.reference };
  };

  const returnIt = (id: string, who: TestUser = cast.manager, body: Record<string, unknown> = {}) =>
    ctx
      .http()
      .post(`/api/applications/${id}/return`)
      .set(who.auth)
      .send({ message: 'Split the equipment line by item.', answerBy: inDays(5), ...body });

  const resubmit = (id: string, who: TestUser) => ctx.http().post(`/api/applications/${id}/submit`).set(who.auth);

  /** Everything a refused or losing step must leave as it was. */
  const state = async (id: string) =>
    (
      await ctx.dataSource.query(
        `SELECT a.status, a.reference, a.withdraw_reason AS "withdrawReason",
                (SELECT json_agg(json_build_array(r.outcome, r.version) ORDER BY r.returned_at) FROM application_returns r WHERE r.application_id = a.id) AS returns,
                (SELECT count(*)::int FROM application_snapshot_versions v WHERE v.application_id = a.id) AS versions,
                (SELECT count(*)::int FROM application_status_changes c WHERE c.application_id = a.id) AS history,
                (SELECT json_agg(n.type ORDER BY n.created_at, n.type) FROM notifications n WHERE n.data->>'applicationId' = a.id::text) AS mails,
                (SELECT json_agg(e.action ORDER BY e.seq) FROM audit_events e WHERE e.entity_id = a.id::text) AS audit
           FROM applications a WHERE a.id = $1`,
        [id],
      )
    )[0] as {
      status: string;
      reference: string;
      withdrawReason: string | null;
      returns: [string | null, number][] | null;
      versions: number;
      history: number;
      mails: string[];
      audit: string[];
    };

  /** Moves an open return's date into the past, as time passing would. */
  const expire = (id: string) =>
    ctx.dataSource.query(
      `UPDATE application_returns SET returned_at = now() - interval '2 days', answer_by = now() - interval '1 minute'
        WHERE application_id = $1 AND outcome IS NULL`,
      [id],
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 1);
    goalIds = ((await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0])).goals ?? []).map((g) => g.id);
    competitionId = (
      await createCompetition(ctx, cast.manager.user.id, places.villageIds, { open: true, minAward: '50000000' })
    ).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('goes round the loop: returned with a mail, edited by its applicant, resubmitted as version 2 with the same reference', async () => {
    const { id, applicant, reference } = await submitted();
    const answerBy = inDays(5);
    const returned = await returnIt(id, cast.manager, { message: '  Split the equipment line by item.  ', answerBy });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ id, status: 'returned', reference });

    const [mail] = await ctx.dataSource.query(
      `SELECT recipient_id AS "recipientId", data FROM notifications WHERE type = 'application.returned' AND data->>'applicationId' = $1`,
      [id],
    );
    expect(mail).toEqual({
      recipientId: applicant.user.id,
      data: expect.objectContaining({ reference, message: 'Split the equipment line by item.', answerBy }),
    });

    // The applicant edits it through the same endpoint as a draft, and resubmits it.
    await ctx
      .http()
      .patch(`/api/applications/${id}`)
      .set(applicant.auth)
      .send({
        requestedAmount: '90000000',
        budgetLines: [
          { category: 'equipment', description: 'Beds', amount: '60000000', source: 'grant' },
          { category: 'equipment', description: 'Boiler', amount: '30000000', source: 'grant' },
          { category: 'own', amount: '25000000', source: 'own' },
        ],
      })
      .expect(200);
    const again = await resubmit(id, applicant).expect(200);
    expect(again.body).toMatchObject({ status: 'submitted', reference });

    // Jurors and results read the latest version; the first is kept.
    const latest = await ctx.dataSource.query(
      'SELECT version, content FROM application_snapshots WHERE application_id = $1',
      [id],
    );
    expect(latest).toEqual([
      { version: 2, content: expect.objectContaining({ reference, requestedAmount: '90000000' }) },
    ]);
    const versions = await ctx.http().get(`/api/applications/${id}/versions`).set(cast.manager2.auth).expect(200);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.body.versions[0]).toMatchObject({ changes: [], content: { requestedAmount: '100000000' } });
    expect(versions.body.versions[1].changes).toEqual(
      expect.arrayContaining([
        { kind: 'money', field: 'requestedAmount', before: '100000000', after: '90000000' },
        {
          kind: 'budgetLine',
          change: 'removed',
          line: { category: 'equipment', description: '', amount: '100000000', source: 'grant' },
        },
        {
          kind: 'budgetLine',
          change: 'added',
          line: { category: 'equipment', description: 'Boiler', amount: '30000000', source: 'grant' },
        },
      ]),
    );
    expect(versions.body.returns).toEqual([
      expect.objectContaining({
        version: 1,
        message: 'Split the equipment line by item.',
        answerBy,
        returnedBy: cast.manager.user.id,
        outcome: 'resubmitted',
      }),
    ]);
    // The applicant reads them too; another applicant is told it does not exist.
    await ctx.http().get(`/api/applications/${id}/versions`).set(applicant.auth).expect(200);
    expectError(
      await ctx.http().get(`/api/applications/${id}/versions`).set(cast.applicant2.auth),
      404,
      'APPLICATION.NOT_FOUND',
    );

    expect(await state(id)).toMatchObject({
      status: 'submitted',
      reference,
      versions: 2,
      returns: [['resubmitted', 1]],
      mails: ['application.submitted', 'application.returned', 'application.submitted'],
      audit: [
        'application.drafted',
        'application.submitted',
        'application.returned',
        'application.edited',
        'application.resubmitted',
      ],
    });
    const history = await ctx.http().get(`/api/applications/${id}/history`).set(applicant.auth).expect(200);
    expect(history.body.items.map((c: { to: string }) => c.to)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
    ]);

    // It can be returned again: a second return of version 2.
    await returnIt(id).expect(200);
    expect((await state(id)).returns).toEqual([
      ['resubmitted', 1],
      [null, 2],
    ]);
  });

  it('returns only a submitted application, only by a manager, with a message and a date ahead; a refusal changes nothing', async () => {
    const { id, applicant } = await submitted();
    const before = await state(id);
    expectError(await returnIt(id, cast.manager, { message: '   ' }), 400, 'APPLICATION.RETURN_INVALID', 'message');
    expectError(
      await returnIt(id, cast.manager, { answerBy: new Date(Date.now() - 60_000).toISOString() }),
      400,
      'APPLICATION.RETURN_INVALID',
      'answerBy',
    );
    expectError(
      await returnIt(id, cast.manager, { answerBy: inDays(61) }),
      400,
      'APPLICATION.RETURN_INVALID',
      'answerBy',
    );
    expectError(await returnIt(id, cast.manager, { message: 'x'.repeat(2001) }), 400, 'APPLICATION.RETURN_INVALID');
    expect((await returnIt(id, applicant)).status).toBe(403);
    expect((await returnIt(id, cast.juror)).status).toBe(403);
    expect(await state(id)).toEqual(before);

    // A draft is not in screening; an application already returned is not returned twice.
    const drafter = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications`)
      .set(drafter.auth)
      .send({})
      .expect(201);
    expectError(await returnIt(draft.body.id), 409, 'APPLICATION.WRONG_STATUS');
    await returnIt(id).expect(200);
    const returned = await state(id);
    const again = await returnIt(id, cast.manager2);
    expectError(again, 409, 'APPLICATION.WRONG_STATUS');
    expect(again.body.details).toEqual({ status: 'returned', action: 'return_for_changes' });
    expect(await state(id)).toEqual(returned);
  });

  it('lets only its owner edit a returned application, and nobody once its date has passed', async () => {
    const { id, applicant } = await submitted();
    await returnIt(id).expect(200);
    const edit = (who: TestUser) =>
      ctx.http().patch(`/api/applications/${id}`).set(who.auth).send({ title: 'Mine now' });
    expectError(await edit(cast.applicant2), 404, 'APPLICATION.NOT_FOUND');
    expectError(await edit(cast.manager), 403, 'APPLICATION.NOT_ASSISTED');
    // Returned, not a draft: it is never deleted.
    expectError(await ctx.http().delete(`/api/applications/${id}`).set(applicant.auth), 409, 'APPLICATION.NOT_DRAFT');
    // Its documents may change too while the return is open.
    await ctx
      .http()
      .post(`/api/applications/${id}/attachments`)
      .set(applicant.auth)
      .attach('file', samplePdf(), 'quote.pdf')
      .expect(201);

    await expire(id);
    const before = await state(id);
    expectError(await edit(applicant), 409, 'APPLICATION.ANSWER_DATE_PASSED');
    expectError(await resubmit(id, applicant), 409, 'APPLICATION.ANSWER_DATE_PASSED');
    expectError(
      await ctx
        .http()
        .post(`/api/applications/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', samplePdf(), 'late.pdf'),
      409,
      'APPLICATION.ANSWER_DATE_PASSED',
    );
    expect(await state(id)).toEqual(before);
    const [{ title }] = await ctx.dataSource.query('SELECT title FROM applications WHERE id = $1', [id]);
    expect(title).toBe('Guest house');
  });

  it('checks a resubmission by every submission rule: a broken one leaves the return open', async () => {
    const { id, applicant } = await submitted();
    await returnIt(id).expect(200);
    await ctx
      .http()
      .patch(`/api/applications/${id}`)
      .set(applicant.auth)
      .send({ requestedAmount: '1000', budgetLines: [{ category: 'x', amount: '1000', source: 'grant' }] })
      .expect(200);
    const before = await state(id);
    expectError(await resubmit(id, applicant), 422, 'APPLICATION.INVALID', 'requestedAmount');
    expect(await state(id)).toEqual(before);
    expect(before.returns).toEqual([[null, 1]]);
  });

  it('closes the return when its applicant withdraws the application', async () => {
    const { id, applicant } = await submitted();
    await returnIt(id).expect(200);
    await ctx.http().post(`/api/applications/${id}/withdraw`).set(applicant.auth).send({}).expect(200);
    expect(await state(id)).toMatchObject({ status: 'withdrawn', returns: [['withdrawn', 1]] });
  });

  it('lapses at its date: withdrawn with the reason, the applicant told, audited; once', async () => {
    const { id, applicant } = await submitted();
    const open = await submitted();
    await returnIt(id).expect(200);
    await returnIt(open.id).expect(200);
    await expire(id);
    // (Earlier tests left a return past its date too.)
    const lapsed = await ctx.app.get(ApplicationReturnsService).lapseDue();
    expect(lapsed).toContain(id);
    expect(lapsed).not.toContain(open.id);
    expect(await state(id)).toMatchObject({
      status: 'withdrawn',
      withdrawReason: 'return_lapsed',
      returns: [['lapsed', 1]],
      mails: ['application.submitted', 'application.returned', 'application.return_lapsed'],
      audit: ['application.drafted', 'application.submitted', 'application.returned', 'application.return_lapsed'],
    });
    const [mail] = await ctx.dataSource.query(
      `SELECT recipient_id AS "recipientId" FROM notifications WHERE type = 'application.return_lapsed' AND data->>'applicationId' = $1`,
      [id],
    );
    expect(mail.recipientId).toBe(applicant.user.id);
    const [event] = await ctx.dataSource.query(
      `SELECT actor_id AS "actorId" FROM audit_events WHERE entity_id = $1 AND action = 'application.return_lapsed'`,
      [id],
    );
    expect(event.actorId).toBeNull();
    // The open one is left alone; a second run has nothing to do.
    expect((await state(open.id)).status).toBe('returned');
    await expect(ctx.app.get(ApplicationReturnsService).lapseDue()).resolves.toEqual([]);
    expect((await state(id)).mails).toHaveLength(3);
  });

  it('reminds the applicant once, two days before the date; not a fresh, answered or far one', async () => {
    const near = await submitted();
    const fresh = await submitted();
    const far = await submitted();
    const answered = await submitted();
    for (const { id } of [near, fresh, far, answered]) await returnIt(id).expect(200);
    const move = (id: string, returnedAgo: string, answerIn: string) =>
      ctx.dataSource.query(
        `UPDATE application_returns SET returned_at = now() - $2::interval, answer_by = now() + $3::interval
          WHERE application_id = $1 AND outcome IS NULL`,
        [id, returnedAgo, answerIn],
      );
    await move(near.id, '3 days', '36 hours');
    await move(fresh.id, '2 hours', '30 hours');
    await move(far.id, '3 days', '3 days');
    await move(answered.id, '3 days', '36 hours');
    await resubmit(answered.id, answered.applicant).expect(200);
    const reminders = (id: string) =>
      ctx.dataSource.query(
        `SELECT recipient_id AS "recipientId", data FROM notifications
          WHERE type = 'application.return_reminder' AND data->>'applicationId' = $1`,
        [id],
      );

    const service = ctx.app.get(ApplicationReturnsService);
    // Two workers at once, then a later run: one reminder per return all the same.
    await Promise.all([service.remindDue(), service.remindDue()]);
    await service.remindDue();
    const [mail, ...more] = await reminders(near.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      recipientId: near.applicant.user.id,
      data: { reference: near.reference, message: 'Split the equipment line by item.' },
    });
    for (const other of [fresh, far, answered]) expect(await reminders(other.id)).toEqual([]);
    expect((await state(near.id)).status).toBe('returned');
  });

  it('of two managers returning the same application at once, one wins and the other gets 409', async () => {
    const apps = await Promise.all([submitted(), submitted(), submitted()]);
    for (const { id } of apps) {
      const results = await Promise.all([returnIt(id, cast.manager), returnIt(id, cast.manager2)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const s = await state(id);
      expect(s).toMatchObject({ status: 'returned', returns: [[null, 1]] });
      expect(s.mails.filter((m) => m === 'application.returned')).toHaveLength(1);
      expect(s.audit.filter((a) => a === 'application.returned')).toHaveLength(1);
    }
  });

  it('of a resubmission and a lapse racing on one return, exactly one wins and the state agrees with it', async () => {
    const { id, applicant } = await submitted();
    await returnIt(id).expect(200);
    const locksWaiting = async (n: number) =>
      (
        await ctx.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      )[0].n >= n || undefined;
    // A third connection holds the application's row while both start: the resubmission's clock
    // reads the date as ahead, the lapse's as passed, so each alone would win.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const blocker = ctx.dataSource.transaction(async (em) => {
      await em.query('SELECT id FROM applications WHERE id = $1 FOR UPDATE', [id]);
      locked();
      await held;
    });
    await holding;
    const resubmission = resubmit(id, applicant).then((r) => r);
    await waitFor(() => locksWaiting(1), 10000, 'the resubmission waiting on the row');
    await ctx.dataSource.query(
      `UPDATE application_returns SET returned_at = now() - interval '2 days', answer_by = clock_timestamp()
        WHERE application_id = $1 AND outcome IS NULL`,
      [id],
    );
    const lapse = ctx.app.get(ApplicationReturnsService).lapse(id);
    await waitFor(() => locksWaiting(2), 10000, 'the lapse waiting on the row');
    release();
    await blocker;
    const [res, lapsed] = await Promise.all([resubmission, lapse]);
    expect([res.status === 200, lapsed].filter(Boolean)).toHaveLength(1);
    const s = await state(id);
    if (lapsed) expect(s).toMatchObject({ status: 'withdrawn', versions: 1, returns: [['lapsed', 1]] });
    else expect(s).toMatchObject({ status: 'submitted', versions: 2, returns: [['resubmitted', 1]] });
    expect(s.audit.filter((a) => a === 'application.resubmitted' || a === 'application.return_lapsed')).toHaveLength(1);
  });

  it('writes the mail in the same transaction as the return: when the step fails, neither is kept', async () => {
    const { id } = await submitted();
    const before = await state(id);
    // The audit event is written last; refusing it fails the step after the outbox row was written.
    await ctx.dataSource.query(`CREATE FUNCTION refuse_return_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'application.returned' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`);
    await ctx.dataSource.query(
      `CREATE TRIGGER refuse_return_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_return_audit()`,
    );
    try {
      expect((await returnIt(id)).status).toBe(500);
    } finally {
      await ctx.dataSource.query('DROP TRIGGER refuse_return_audit ON audit_events');
      await ctx.dataSource.query('DROP FUNCTION refuse_return_audit()');
    }
    expect(await state(id)).toEqual(before);
    await returnIt(id).expect(200);
  });
});
