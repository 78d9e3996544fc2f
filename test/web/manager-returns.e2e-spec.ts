import { ApplicationReturnsService } from '../../src/modules/applications/application-returns.service';
import { dayAfter } from '../../src/web/manager/returns/answer-by';
import {
  createAdoptedPlan,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
  TestUser,
} from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/**
 * Return for changes through the pages: a manager's form (problems at their fields, values kept,
 * nothing stored), the applicant's dashboard, task list, steps and check page for a returned
 * application, the resubmission as version 2 in the receipt's timeline, and a lapse in plain words.
 */
describe('web: a manager returns an application for changes, its applicant resends it', () => {
  let ctx: TestContext;
  let manager: TestUser;
  let managerClient: WebClient;
  let villageId: string;
  let goalIds: string[];
  let competitionId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const admin = await createUser(ctx, { roles: ['admin'] });
    manager = await createUser(ctx, { roles: ['manager'], preferredLanguage: 'en' });
    const places = await createPlaces(ctx, admin.user.id, 1);
    villageId = places.villageIds[0];
    goalIds = ((await createAdoptedPlan(ctx, admin.user.id, villageId)).goals ?? []).map((g) => g.id);
    competitionId = (await createCompetition(ctx, manager.user.id, places.villageIds, { open: true })).id;
    managerClient = await signedInClient(ctx, manager.user.email, PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** A confirmed applicant (English pages) with a submitted application, signed in. */
  async function submitted(): Promise<{ id: string; reference: string; person: TestUser; client: WebClient }> {
    const person = await createUser(ctx, { homeVillageId: villageId, preferredLanguage: 'en' });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [person.user.id]);
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications`)
      .set(person.auth)
      .send({
        title: 'Guest house',
        summary: 'Rooms for visitors',
        sector: 'tourism',
        goals: [{ goalId: goalIds[0], contribution: 'Jobs' }],
        requestedAmount: '100000000',
        ownContribution: '30000000',
        budgetLines: [
          { category: 'equipment', amount: '100000000', source: 'grant' },
          { category: 'materials', amount: '30000000', source: 'own' },
        ],
      })
      .expect(201);
    const done = await ctx.http().post(`/api/applications/${draft.body.id}/submit`).set(person.auth).expect(200);
    return {
      id: draft.body.id,
      reference: done.body.reference,
      person,
      client: await signedInClient(ctx, person.user.email, PASSWORD),
    };
  }

  const stored = async (id: string) =>
    (
      await ctx.dataSource.query(
        `SELECT a.status, a.requested_amount AS "requested",
                (SELECT count(*)::int FROM application_returns r WHERE r.application_id = a.id) AS returns,
                (SELECT count(*)::int FROM application_snapshot_versions v WHERE v.application_id = a.id) AS versions
           FROM applications a WHERE a.id = $1`,
        [id],
      )
    )[0] as { status: string; requested: string; returns: number; versions: number };

  it('goes round the loop through the pages', async () => {
    const { id, reference, client } = await submitted();
    const form = await managerClient.page(`/manage/applications/${id}/return`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Return the application for changes');
    expect(form.text).toContain(reference);
    expect(form.text).toContain(`value="${dayAfter(new Date(), 5)}"`);

    // Problems at their fields, what was typed kept, nothing stored.
    const refused = await managerClient.submit(`/manage/applications/${id}/return`, {
      message: '   ',
      answerBy: dayAfter(new Date(), 90),
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#message"');
    expect(refused.text).toContain('href="#answerBy"');
    expect(refused.text).toContain(`value="${dayAfter(new Date(), 90)}"`);
    const badDay = await managerClient.submit(`/manage/applications/${id}/return`, {
      message: 'Split the <equipment> line',
      answerBy: '31.12.2026',
    });
    expect(badDay.status).toBe(400);
    expect(badDay.text).toContain('Split the &lt;equipment> line');
    expect(await stored(id)).toMatchObject({ status: 'submitted', returns: 0 });

    const answerBy = dayAfter(new Date(), 5);
    const sent = await managerClient.submit(`/manage/applications/${id}/return`, {
      message: 'Split the equipment line by item.',
      answerBy,
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/manage/applications/${id}`);
    expect(await stored(id)).toMatchObject({ status: 'returned', returns: 1 });
    // Once returned, the form says why it cannot be returned again.
    const again = await managerClient.page(`/manage/applications/${id}/return`);
    expect(again.status).toBe(409);
    expect(again.text).not.toContain('name="message"');

    // The applicant: the dashboard and the task list show the message and the date.
    const dashboard = await client.page('/applications');
    expect(dashboard.text).toContain('Split the equipment line by item.');
    expect(dashboard.text).toContain('Change “Guest house” and send it again by');
    const tasks = await client.page(`/applications/${id}`);
    expect(tasks.status).toBe(200);
    expect(tasks.text).toContain('Your application was returned to you for changes');
    expect(tasks.text).toMatch(/[45] days left\./);
    expect(tasks.text).toContain(`href="/applications/${id}/budget"`);
    expect(tasks.text).not.toContain(`href="/applications/${id}/delete"`);

    // The budget step as for a draft; the check page resends it.
    expect((await client.page(`/applications/${id}/budget`)).status).toBe(200);
    const budget = await client.submit(`/applications/${id}/budget`, {
      rows: '3',
      action: 'save',
      'category-0': 'equipment',
      'description-0': 'Beds',
      'amount-0': '600 000',
      'source-0': 'grant',
      'category-1': 'equipment',
      'description-1': 'Boiler',
      'amount-1': '300 000',
      'source-1': 'grant',
      'category-2': 'materials',
      'amount-2': '300 000',
      'source-2': 'own',
    });
    expect(budget.status).toBe(303);
    expect(await stored(id)).toMatchObject({ status: 'returned', requested: '90000000' });
    const check = await client.page(`/applications/${id}/check`);
    expect(check.status).toBe(200);
    expect(check.text).toContain('Send the changed application');
    const resent = await client.submit(`/applications/${id}/submit`, {});
    expect(resent.status).toBe(303);
    expect(await stored(id)).toMatchObject({ status: 'submitted', versions: 2 });
    const receipt = await client.page(`/applications/${id}`);
    expect(receipt.text).toContain(reference);
    expect(receipt.text).toContain('Returned for changes');
    expect(receipt.text).toContain('Sent again: version 2');
  });

  it('refuses the form to an applicant, explains it for a draft, and keeps a returned application from being edited after its date', async () => {
    const { id, client } = await submitted();
    expect((await client.page(`/manage/applications/${id}/return`)).status).toBe(403);
    const draft = await ctx
      .http()
      .post(`/api/competitions/${competitionId}/applications`)
      .set((await createUser(ctx, { homeVillageId: villageId })).auth)
      .send({})
      .expect(201);
    const notSubmitted = await managerClient.page(`/manage/applications/${draft.body.id}/return`);
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.text).toContain('Only a submitted application being screened can be returned.');
    await managerClient.page(`/manage/applications/${id}/return`);
    await managerClient
      .submit(`/manage/applications/${id}/return`, { message: 'Add quotes', answerBy: dayAfter(new Date(), 3) })
      .then((r) => expect(r.status).toBe(303));
    await ctx.dataSource.query(
      `UPDATE application_returns SET returned_at = now() - interval '2 days', answer_by = now() - interval '1 minute' WHERE application_id = $1`,
      [id],
    );
    const tasks = await client.page(`/applications/${id}`);
    expect(tasks.text).toContain('The date to send the changes has passed');
    const project = await client.submit(`/applications/${id}/project`, {
      title: 'Changed late',
      summary: 'x',
      description: '',
      sector: 'tourism',
      jobsCreated: '1',
      plannedStart: '',
      durationMonths: '',
    });
    expect(project.status).toBe(303);
    const [{ title }] = await ctx.dataSource.query('SELECT title FROM applications WHERE id = $1', [id]);
    expect(title).toBe('Guest house');
    await client.page(`/applications/${id}/check`);
    const late = await client.submit(`/applications/${id}/submit`, {});
    expect(late.status).toBe(409);
    expect(late.text).toContain('The date to send the changes has passed, so the application cannot be sent.');

    // The worker's lapse: the receipt says what happened in plain words.
    expect(await ctx.app.get(ApplicationReturnsService).lapse(id)).toBe(true);
    const receipt = await client.page(`/applications/${id}`);
    expect(receipt.text).toContain('The application was withdrawn from the competition');
    expect(receipt.text).toContain('The changes were not sent by the date');
    expect(receipt.text).not.toContain('return_lapsed');
  });
});
