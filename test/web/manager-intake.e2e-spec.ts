import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINK_PURPOSE, signLinkToken } from '../../src/common/auth/link-tokens';
import { AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { Competition } from '../../src/modules/competitions/entities/competition.entity';
import {
  createAdoptedPlan,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
  TestUser,
} from '../helpers/factories';
import { samplePdf } from '../helpers/sample-files';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

const UUID = '[0-9a-f-]{36}';

describe('web: a manager enters an application for a walk-in applicant (assisted intake)', () => {
  let ctx: TestContext;
  let folder: string;
  let manager: TestUser;
  let villageId: string;
  let goalIds: string[];
  let competition: Competition;
  let desk: WebClient;
  let intake: string;

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    ctx.dataSource.query(text, params) as Promise<T[]>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'web-intake-'));
    ctx = await createTestApp({ ATTACHMENT_DIR: folder });
    const admin = await createUser(ctx, { roles: ['admin'] });
    manager = await createUser(ctx, { roles: ['manager'], preferredLanguage: 'en' });
    const places = await createPlaces(ctx, admin.user.id, 2);
    villageId = places.villageIds[0];
    const plan = await createAdoptedPlan(ctx, admin.user.id, villageId);
    goalIds = (plan.goals ?? []).sort((a, b) => a.priority - b.priority).map((g) => g.id);
    competition = await createCompetition(ctx, manager.user.id, places.villageIds, { open: true });
    desk = await signedInClient(ctx, manager.user.email, PASSWORD);
    intake = `/manage/competitions/${competition.id}/intake`;
  });
  afterAll(async () => {
    await ctx.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** A villager with an account (made on their own phone earlier), never signed in here. */
  async function villager(name: string, phone: string, homeVillageId: string | undefined = villageId) {
    const person = await createUser(ctx, { homeVillageId, preferredLanguage: 'kk' });
    await sql('UPDATE users SET full_name = $2, phone = $3 WHERE id = $1', [person.user.id, name, phone]);
    return person;
  }

  async function start(applicantId: string): Promise<string> {
    await desk.page(`${intake}?contact=${encodeURIComponent('+7 701 000 00 00')}`);
    const created = await desk.submit(intake, { contact: '', applicant: applicantId, village: '', villageReason: '' });
    expect(created.status).toBe(303);
    expect(created.headers.location).toMatch(new RegExp(`^/applications/${UUID}$`));
    return created.headers.location.split('/').pop() as string;
  }

  const audit = (entityId: string, action: string) =>
    sql<{ actor_id: string }>('SELECT actor_id FROM audit_events WHERE entity_id = $1 AND action = $2', [
      entityId,
      action,
    ]);

  it('finds an applicant by email or phone in any spelling, and says when there is none', async () => {
    const person = await villager('Aigerim Walk-In', '+7 701 555-12-34');
    const table = await desk.page(`/manage/competitions/${competition.id}/applications`);
    expect(table.text).toContain(`href="${intake}"`);
    expect(table.text).toContain('Enter an application for a walk-in applicant');

    const empty = await desk.page(intake);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('Application for a walk-in applicant');
    const byEmail = await desk.page(`${intake}?contact=${encodeURIComponent(person.user.email.toUpperCase())}`);
    expect(byEmail.text).toContain('Aigerim Walk-In');
    expect(byEmail.text).toContain('1 account found');
    const byPhone = await desk.page(`${intake}?contact=${encodeURIComponent('8 (701) 555 12 34')}`);
    expect(byPhone.text).toContain('Aigerim Walk-In');
    expect(byPhone.text).toContain(`value="${person.user.id}" checked`);

    const none = await desk.page(`${intake}?contact=nobody%40example.kz`);
    expect(none.status).toBe(200);
    expect(none.text).toContain('No account found');
    expect(none.text).toContain(`href="${intake}/register?contact=nobody%40example.kz"`);
    const bad = await desk.page(`${intake}?contact=Aigerim`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#contact"');
    expect(bad.text).toContain('value="Aigerim"');
  });

  it('registers a walk-in applicant with no account: named problems first, then the account and a mail to choose a password', async () => {
    const email = 'serik.walkin@example.kz';
    const form = await desk.page(`${intake}/register?contact=${encodeURIComponent(email)}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${email}"`);
    expect(form.text).not.toContain('type="password"');

    const refused = await desk.submit(`${intake}/register`, {
      fullName: '',
      email: 'not an address',
      phone: 'call me',
      preferredLanguage: 'kk',
      homeVillageId: '',
    });
    expect(refused.status).toBe(400);
    for (const field of ['fullName', 'email', 'phone', 'homeVillageId'])
      expect(refused.text).toContain(`href="#${field}"`);
    expect(refused.text).toContain('value="call me"');
    expect(await sql('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);

    const registered = await desk.submit(`${intake}/register`, {
      fullName: 'Serik Walk-In',
      email,
      phone: '+7 702 111 22 33',
      preferredLanguage: 'ru',
      homeVillageId: villageId,
    });
    expect(registered.status).toBe(303);
    expect(registered.headers.location).toBe(`${intake}?contact=${encodeURIComponent(email)}&registered=1`);
    const [user] = await sql<{ id: string; roles: string[]; preferred_language: string }>(
      'SELECT id, roles, preferred_language FROM users WHERE email = $1',
      [email],
    );
    expect(user).toMatchObject({ roles: ['applicant'], preferred_language: 'ru' });
    expect(await audit(user.id, 'user.created')).toEqual([{ actor_id: manager.user.id }]);
    expect(await audit(user.id, 'user.invited')).toEqual([{ actor_id: manager.user.id }]);
    // The invitation (a password-reset link, in a mail that says why) is in the outbox with the account.
    const mails = await sql<{ type: string; data: { tokenId: string } }>(
      'SELECT type, data FROM notifications WHERE recipient_id = $1',
      [user.id],
    );
    expect(mails.map((m) => m.type)).toEqual(['account.invited']);
    // Its link (as the mail builds it) lets the person choose a password and sign in.
    const secret = ctx.app.get<AppConfig>(APP_CONFIG).jwtSecret;
    const token = signLinkToken(secret, LINK_PURPOSE.resetPassword, mails[0].data.tokenId);
    await ctx.http().post('/api/auth/password-reset').send({ token, password: 'my-own-password-1' }).expect(200);
    expect((await (await signedInClient(ctx, email, 'my-own-password-1')).page('/applications')).status).toBe(200);
    const found = await desk.page(registered.headers.location);
    expect(found.text).toContain('Serik Walk-In');
    expect(found.text).toContain('A mail with a link to choose a password went to');

    const again = await desk.submit(`${intake}/register`, {
      fullName: 'Serik Again',
      email,
      phone: '',
      preferredLanguage: 'kk',
      homeVillageId: villageId,
    });
    expect(again.status).toBe(422);
    expect(again.text).toContain('href="#email"');
    expect(await sql('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(1);
  });

  it("enters a whole application through the applicant's own steps, audited as the manager's; the applicant then sees it", async () => {
    const person = await villager('Dana Walk-In', '+7 701 222 33 44');
    const id = await start(person.user.id);
    expect(await sql('SELECT assisted, created_by, applicant_id FROM applications WHERE id = $1', [id])).toEqual([
      { assisted: true, created_by: manager.user.id, applicant_id: person.user.id },
    ]);
    expect(await audit(id, 'application.drafted')).toEqual([{ actor_id: manager.user.id }]);

    const tasks = await desk.page(`/applications/${id}`);
    expect(tasks.status).toBe(200);
    expect(tasks.text).toContain('You are entering this application for Dana Walk-In');
    expect(tasks.text).toContain(`href="/applications/${id}/project"`);
    // The way back is to the competition's applications, not to an applicant's dashboard.
    expect(tasks.text).toContain(`href="/manage/competitions/${competition.id}/applications"`);
    expect(tasks.text).not.toContain('href="/applications"');

    const project = { title: 'Felt workshop', summary: 'Felt rugs', description: '', sector: 'crafts' };
    expect((await desk.page(`/applications/${id}/project`)).text).toContain('You are entering this application for');
    const badProject = await desk.submit(`/applications/${id}/project`, {
      ...project,
      jobsCreated: 'two',
      plannedStart: '',
      durationMonths: '',
    });
    expect(badProject.status).toBe(400);
    expect(badProject.text).toContain('href="#jobsCreated"');
    expect(badProject.text).toContain('You are entering this application for Dana Walk-In');
    const saved = await desk.submit(`/applications/${id}/project`, {
      ...project,
      jobsCreated: '2',
      plannedStart: '',
      durationMonths: '',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/applications/${id}`);

    await desk.page(`/applications/${id}/goals`);
    const goals = await desk.submit(`/applications/${id}/goals`, { 'goal-0': goalIds[0], 'how-0': 'Jobs for women' });
    expect(goals.status).toBe(303);

    await desk.page(`/applications/${id}/budget`);
    const budget = await desk.submit(`/applications/${id}/budget`, {
      rows: '2',
      action: 'save',
      'category-0': 'equipment',
      'amount-0': '1000000',
      'source-0': 'grant',
      'category-1': 'materials',
      'amount-1': '300000',
      'source-1': 'own',
    });
    expect(budget.status).toBe(303);

    const files = await desk.page(`/applications/${id}/attachments`);
    expect(files.text).toContain('You are entering this application for Dana Walk-In');
    const uploaded = await desk.agent
      .post(`/applications/${id}/attachments?_csrf=${encodeURIComponent(desk.token)}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .attach('file', samplePdf(), 'business-plan.pdf');
    expect(uploaded.status).toBe(303);

    const check = await desk.page(`/applications/${id}/check`);
    expect(check.status).toBe(200);
    expect(check.text).toContain('business-plan.pdf');
    expect(check.text).toContain('You are entering this application for Dana Walk-In');
    const submitted = await desk.submit(`/applications/${id}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(`/manage/applications/${id}`);
    const [row] = await sql<{ status: string; reference: string }>(
      'SELECT status, reference FROM applications WHERE id = $1',
      [id],
    );
    expect(row.status).toBe('submitted');
    expect((await desk.page(`/manage/applications/${id}`)).text).toContain(row.reference);
    // The steps of a submitted application lead the manager to its managers' page.
    expect((await desk.page(`/applications/${id}`)).headers.location).toBe(`/manage/applications/${id}`);

    for (const action of ['application.edited', 'attachment.uploaded', 'application.submitted']) {
      const events = await audit(id, action);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.actor_id === manager.user.id)).toBe(true);
    }

    const own = await signedInClient(ctx, person.user.email, PASSWORD);
    const dashboard = await own.page('/applications');
    expect(dashboard.text).toContain(row.reference);
    expect(dashboard.text).toContain('Әкімдік кеңсесінде енгізілген');
    const receipt = await own.page(`/applications/${id}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).not.toContain('атынан енгізіп жатырсыз');
  });

  it('names bad input on the intake form and stores nothing; the same rules as the API refuse a second draft', async () => {
    const person = await villager('Erlan Walk-In', '+7 701 333 44 55');
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>('SELECT count(*) AS n FROM applications WHERE applicant_id = $1', [person.user.id])
        )[0].n,
      );
    const contact = '+7 701 333 44 55';
    await desk.page(`${intake}?contact=${encodeURIComponent(contact)}`);
    const noApplicant = await desk.submit(intake, { contact, applicant: '', village: '', villageReason: '' });
    expect(noApplicant.status).toBe(400);
    expect(noApplicant.text).toContain('href="#applicant"');
    expect(noApplicant.text).toContain('Erlan Walk-In');
    const tooLong = await desk.submit(intake, {
      contact,
      applicant: person.user.id,
      village: '',
      villageReason: 'x'.repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('href="#villageReason"');
    const notApplicant = await desk.submit(intake, {
      contact,
      applicant: manager.user.id,
      village: '',
      villageReason: '',
    });
    expect(notApplicant.status).toBe(422);
    expect(notApplicant.text).toContain('href="#applicant"');
    const forged = await desk.submit(intake, {
      contact,
      applicant: person.user.id,
      village: '00000000-0000-4000-8000-000000000000',
      villageReason: '',
    });
    expect(forged.status).toBe(400);
    const notAnId = await desk.submit(intake, { contact, applicant: "1' OR '1'='1", village: '', villageReason: '' });
    expect(notAnId.status).toBe(400);
    expect(await count()).toBe(0);

    const homeless = await villager('Gulnar Walk-In', '+7 701 444 55 66', undefined);
    await sql('UPDATE users SET home_village_id = NULL WHERE id = $1', [homeless.user.id]);
    const noVillage = await desk.submit(intake, {
      contact,
      applicant: homeless.user.id,
      village: '',
      villageReason: '',
    });
    expect(noVillage.status).toBe(422);
    expect(noVillage.text).toContain('href="#village"');

    await start(person.user.id);
    const second = await desk.submit(intake, { contact, applicant: person.user.id, village: '', villageReason: '' });
    expect(second.status).toBe(422);
    expect(second.text).toContain('already has as many applications in the competition as it allows');
    expect(await count()).toBe(1);
  });

  it("keeps the intake pages to managers, and a manager off an applicant's own (not assisted) application", async () => {
    const juror = await createUser(ctx, { roles: ['juror'] });
    const owner = await villager('Own Applicant', '+7 701 555 66 77');
    for (const person of [juror, owner]) {
      const client = await signedInClient(ctx, person.user.email, PASSWORD);
      expect((await client.page(intake)).status).toBe(403);
      expect((await client.page(`${intake}/register`)).status).toBe(403);
      const refused = await client.submit(intake, {
        contact: '',
        applicant: owner.user.id,
        village: '',
        villageReason: '',
      });
      expect(refused.status).toBe(403);
    }
    expect(await sql('SELECT id FROM applications WHERE applicant_id = $1', [owner.user.id])).toEqual([]);

    // The applicant's own draft, started on their own pages: staff read it, never change it here.
    const own = await signedInClient(ctx, owner.user.email, PASSWORD);
    const started = await own.submit(`/applications/new?competition=${competition.id}`, {
      village: villageId,
      villageReason: '',
    });
    expect(started.status).toBe(303);
    const id = started.headers.location.split('/').pop() as string;
    for (const path of ['', '/project', '/goals', '/budget', '/attachments', '/check']) {
      // The web pages answer what a person may not change as if it did not exist (web-error.filter).
      const response = await desk.page(`/applications/${id}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
    const write = await desk.submit(`/applications/${id}/project`, {
      title: 'Changed by staff',
      summary: '',
      description: '',
      sector: 'other',
      jobsCreated: '0',
      plannedStart: '',
      durationMonths: '',
    });
    expect(write.status).toBe(404);
    expect((await desk.submit(`/applications/${id}/submit`, {})).status).toBe(404);
    expect(await sql('SELECT title, status FROM applications WHERE id = $1', [id])).toEqual([
      { title: '', status: 'draft' },
    ]);
  });

  it('refuses the intake forms without their CSRF token', async () => {
    const person = await villager('Zhan Walk-In', '+7 701 666 77 88');
    const noToken = await desk.agent
      .post(intake)
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ contact: '', applicant: person.user.id, village: '', villageReason: '' });
    expect(noToken.status).toBe(403);
    const register = await desk.agent
      .post(`${intake}/register`)
      .type('form')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ fullName: 'X', email: 'csrf@example.kz', phone: '', preferredLanguage: 'kk', homeVillageId: villageId });
    expect(register.status).toBe(403);
    expect(await sql('SELECT id FROM applications WHERE applicant_id = $1', [person.user.id])).toEqual([]);
    expect(await sql("SELECT id FROM users WHERE email = 'csrf@example.kz'")).toEqual([]);
  });
});
