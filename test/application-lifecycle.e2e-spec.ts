import { DataSource } from 'typeorm';
import { HTTP_STATUS_BY_KIND } from '../src/common/errors/domain-error';
import { ApplicationStatusService } from '../src/modules/applications/application-status.service';
import { waitFor } from './helpers/processes';
import { expectError } from './helpers/assertions';
import { Awardable, createAwardable } from './helpers/award-setup';
import { Cast, createCast } from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

/**
 * Only the applications module moves an application (DESIGN.md section 3): reviews and awards ask
 * it by the name of the move, and a move the transition table does not allow, or one someone else
 * made first, is refused and changes nothing.
 */
describe('application lifecycle', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  let awards: { id: string; applicationId: string }[];

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    // Six shortlisted applications: awards approved for the first four, the last two left for the bulk moves.
    a = await createAwardable(ctx, cast, 6);
    const proposed = await ctx
      .http()
      .post(`/api/competitions/${a.competitionId}/awards`)
      .set(cast.manager.auth)
      .send({ items: a.applications.slice(0, 4).map((x) => ({ applicationId: x.id, amount: '50000000' })) })
      .expect(201);
    awards = proposed.body;
    for (const award of awards)
      await ctx.http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const applicantOf = (applicationId: string) => a.applications.find((x) => x.id === applicationId)!.applicant;

  /** What a refused move must leave as it was: statuses, history, award, tranches, mails and the audit log. */
  const snapshot = async (applicationIds: string[]) =>
    (
      await ctx.dataSource.query(
        `SELECT (SELECT json_agg(json_build_array(id, status) ORDER BY id) FROM applications WHERE id = ANY($1)) AS statuses,
                (SELECT count(*)::int FROM application_status_changes WHERE application_id = ANY($1)) AS history,
                (SELECT json_agg(json_build_array(id, status, responded_at) ORDER BY id) FROM awards WHERE application_id = ANY($1)) AS awards,
                (SELECT json_agg(json_build_array(t.id, t.status, t.due_at) ORDER BY t.id) FROM tranches t JOIN awards w ON w.id = t.award_id
                  WHERE w.application_id = ANY($1)) AS tranches,
                (SELECT count(*)::int FROM notifications) AS mails,
                (SELECT count(*)::int FROM audit_events) AS audit`,
        [applicationIds],
      )
    )[0] as Record<string, unknown>;

  it('refuses with 409 an award accepted for a withdrawn application, and changes nothing', async () => {
    const award = awards[0];
    const applicant = applicantOf(award.applicationId);
    await ctx
      .http()
      .post(`/api/applications/${award.applicationId}/withdraw`)
      .set(applicant.auth)
      .send({ reason: 'Found other money' })
      .expect(200);
    const before = await snapshot([award.applicationId]);
    const res = await ctx.http().post(`/api/awards/${award.id}/accept`).set(applicant.auth);
    expectError(res, 409, 'APPLICATION.WRONG_STATUS');
    expect(res.body.details).toEqual({ status: 'withdrawn', action: 'award' });
    expect(await snapshot([award.applicationId])).toEqual(before);
  });

  it('refuses with 409 a bulk move the table does not have, as reviews or awards would ask it, and changes nothing', async () => {
    const ids = a.applications.slice(4).map((x) => x.id);
    const before = await snapshot(ids);
    const status = ctx.app.get(ApplicationStatusService);
    for (const ask of [
      (ds: DataSource) =>
        ds.transaction((em) =>
          status.moveMany(em, ids, {
            move: 'advance',
            from: 'shortlisted',
            actorId: null,
            reason: 'round 2 finalized',
          }),
        ),
      (ds: DataSource) =>
        ds.transaction((em) =>
          status.moveAllOf(em, a.competitionId, {
            move: 'not_award',
            from: 'in_review',
            actorId: cast.manager.user.id,
            reason: 'competition finalized',
          }),
        ),
    ]) {
      const error = await ask(ctx.dataSource).then(
        () => null,
        (e: { code: string; kind: keyof typeof HTTP_STATUS_BY_KIND }) => e,
      );
      expect(error && { code: error.code, status: HTTP_STATUS_BY_KIND[error.kind] }).toEqual({
        code: 'APPLICATION.WRONG_STATUS',
        status: 409,
      });
    }
    expect(await snapshot(ids)).toEqual(before);
  });

  it('of an accept and a withdrawal racing on the same application, one wins and the other changes nothing', async () => {
    const racing = awards.slice(1);
    const results = await Promise.all(
      racing.map(async (award) => {
        const applicant = applicantOf(award.applicationId);
        const [accept, withdraw] = await Promise.all([
          ctx.http().post(`/api/awards/${award.id}/accept`).set(applicant.auth),
          ctx.http().post(`/api/applications/${award.applicationId}/withdraw`).set(applicant.auth).send({}),
        ]);
        return { award, accept: accept.status, withdraw: withdraw.status };
      }),
    );
    for (const { award, accept, withdraw } of results) {
      expect([accept, withdraw].sort()).toEqual([200, 409]);
      const [row] = await ctx.dataSource.query(
        `SELECT a.status, w.status AS "awardStatus",
                (SELECT count(*)::int FROM application_status_changes c WHERE c.application_id = a.id AND c.to_status IN ('awarded', 'withdrawn')) AS moves
           FROM applications a JOIN awards w ON w.application_id = a.id WHERE w.id = $1`,
        [award.id],
      );
      expect(row).toEqual(
        accept === 200
          ? { status: 'awarded', awardStatus: 'accepted', moves: 1 }
          : { status: 'withdrawn', awardStatus: 'approved', moves: 1 },
      );
    }
  });

  it('of two bulk moves racing over the same applications, the first moves them and the second changes nothing', async () => {
    const ids = a.applications.slice(4).map((x) => x.id);
    const status = ctx.app.get(ApplicationStatusService);
    const request = { move: 'enter_review', from: 'shortlisted', actorId: null, reason: 'round 2 opened' } as const;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstMoved!: () => void;
    const moved = new Promise<void>((resolve) => (firstMoved = resolve));
    // Separate connections: the first holds its moves uncommitted until the second is waiting on them.
    const first = ctx.dataSource.transaction(async (em) => {
      const movedIds = await status.moveMany(em, ids, request);
      firstMoved();
      await held;
      return movedIds;
    });
    await moved;
    const second = ctx.dataSource.transaction((em) => status.moveMany(em, ids, request));
    await waitFor(
      async () =>
        (
          await ctx.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0].n > 0 || undefined,
      10000,
      'the second move waiting on the first one’s rows',
    );
    release();
    expect((await first).sort()).toEqual([...ids].sort());
    expect(await second).toEqual([]);
    const rows = await ctx.dataSource.query(
      `SELECT a.status, (SELECT count(*)::int FROM application_status_changes c WHERE c.application_id = a.id AND c.to_status = 'in_review') AS moves
         FROM applications a WHERE a.id = ANY($1)`,
      [ids],
    );
    expect(rows).toEqual(ids.map(() => ({ status: 'in_review', moves: 1 })));
  });
});
