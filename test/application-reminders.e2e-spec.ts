import { ApplicationRemindersService } from '../src/modules/applications/application-reminders.service';
import {
  Cast,
  createAdoptedPlan,
  createCast,
  createCompetition,
  createPlaces,
  createUser,
  Places,
} from './helpers/factories';
import { createTestApp, TestContext } from './helpers/test-app';

describe('draft reminders before a competition closes', () => {
  let ctx: TestContext;
  let cast: Cast;
  let places: Places;

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    places = await createPlaces(ctx, cast.admin.user.id, 1);
    await createAdoptedPlan(ctx, cast.admin.user.id, places.villageIds[0]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const closeIn = (competitionId: string, hours: number) =>
    ctx.dataSource.query(`UPDATE competitions SET closes_at = now() + make_interval(hours => $2) WHERE id = $1`, [
      competitionId,
      hours,
    ]);
  const reminders = async (applicationId: string) =>
    (
      (await ctx.dataSource.query(
        `SELECT dedupe_key AS key FROM notifications WHERE type = 'application.draft_reminder' AND data->>'applicationId' = $1 ORDER BY created_at`,
        [applicationId],
      )) as { key: string }[]
    ).map((r) => r.key.split(':').pop());

  it('reminds a draft three days and one day before closing, once each; submitted applications are left alone', async () => {
    const competition = await createCompetition(ctx, cast.manager.user.id, places.villageIds, {
      open: true,
      maxApplicationsPerApplicant: 2,
    });
    const applicant = await createUser(ctx, { roles: ['applicant'], homeVillageId: places.villageIds[0] });
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competition.id}/applications`)
      .set(applicant.auth)
      .send({ title: 'Unfinished' })
      .expect(201);
    const service = ctx.app.get(ApplicationRemindersService);

    await closeIn(competition.id, 24 * 10);
    await service.remindDrafts();
    expect(await reminders(draft.body.id)).toEqual([]);

    await closeIn(competition.id, 60);
    await service.remindDrafts();
    await service.remindDrafts();
    expect(await reminders(draft.body.id)).toEqual(['3d']);

    await closeIn(competition.id, 20);
    await service.remindDrafts();
    await service.remindDrafts();
    expect(await reminders(draft.body.id)).toEqual(['3d', '1d']);

    const late = await ctx
      .http()
      .post(`/api/competitions/${competition.id}/applications`)
      .set(applicant.auth)
      .send({ title: 'Started late' })
      .expect(201);
    await service.remindDrafts();
    expect(await reminders(late.body.id)).toEqual(['1d']);

    await closeIn(competition.id, -1);
    const other = await createCompetition(ctx, cast.manager.user.id, places.villageIds, { open: true });
    const stillDraft = await ctx
      .http()
      .post(`/api/competitions/${other.id}/applications`)
      .set(applicant.auth)
      .send({ title: 'x' })
      .expect(201);
    await ctx.dataSource.query(`UPDATE competitions SET status = 'closed' WHERE id = $1`, [other.id]);
    await closeIn(other.id, 10);
    await service.remindDrafts();
    expect(await reminders(stillDraft.body.id)).toEqual([]);
  });
});
