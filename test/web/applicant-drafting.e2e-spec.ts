import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('web: an applicant drafts, checks and submits an application with plain forms', () => {
  let ctx: TestContext;
  let folder: string;
  let admin: TestUser;
  let manager: TestUser;
  let villageId: string;
  let otherVillageId: string;
  let goalIds: string[];
  let competition: Competition;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'web-drafting-'));
    ctx = await createTestApp({ ATTACHMENT_DIR: folder, ATTACHMENT_MAX_BYTES: String(1024 * 1024) });
    admin = await createUser(ctx, { roles: ['admin'] });
    manager = await createUser(ctx, { roles: ['manager'] });
    const places = await createPlaces(ctx, admin.user.id, 2);
    [villageId, otherVillageId] = places.villageIds;
    const plan = await createAdoptedPlan(ctx, admin.user.id, villageId);
    goalIds = (plan.goals ?? []).sort((a, b) => a.priority - b.priority).map((g) => g.id);
    competition = await createCompetition(ctx, manager.user.id, places.villageIds, { open: true });
  });
  afterAll(async () => {
    await ctx.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function applicant(): Promise<{ person: TestUser; client: WebClient }> {
    const person = await createUser(ctx, { homeVillageId: villageId });
    await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [person.user.id]);
    return { person, client: await signedInClient(ctx, person.user.email, PASSWORD) };
  }

  async function startDraft(client: WebClient): Promise<string> {
    const start = await client.page(`/applications/new?competition=${competition.id}`);
    expect(start.status).toBe(200);
    // The home village comes chosen.
    expect(start.text).toMatch(new RegExp(`<option value="${villageId}" selected`));
    const created = await client.submit(`/applications/new?competition=${competition.id}`, {
      village: villageId,
      villageReason: '',
    });
    expect(created.status).toBe(303);
    expect(created.headers.location).toMatch(new RegExp(`^/applications/${UUID}$`));
    return created.headers.location.split('/').pop() as string;
  }

  const row = async (id: string) =>
    (
      await ctx.dataSource.query(
        'SELECT title, status, reference, requested_amount, own_contribution, jobs_created FROM applications WHERE id = $1',
        [id],
      )
    )[0] as Record<string, string | number | null>;

  async function upload(client: WebClient, id: string, bytes: Buffer, name: string, token = client.token) {
    return client.agent
      .post(`/applications/${id}/attachments?_csrf=${encodeURIComponent(token)}`)
      .set('Sec-Fetch-Site', 'same-origin')
      .attach('file', bytes, name);
  }

  it('goes the whole way: start, each step, problems linked to their fields, a file, check, submit, receipt', async () => {
    const { client } = await applicant();
    expect((await client.page('/applications')).text).toContain('Менің өтінімдерім');
    const id = await startDraft(client);
    const tasks = await client.page(`/applications/${id}`);
    expect(tasks.status).toBe(200);
    expect(tasks.text).toContain('Өтінім бөлімдері');
    expect(tasks.text).toContain('Басталмаған');

    // The project: a bad number is named and linked, what was typed stays.
    await client.page(`/applications/${id}/project`);
    const project = { title: 'Guest house', summary: 'Rooms for visitors', description: '', sector: 'tourism' };
    const refused = await client.submit(`/applications/${id}/project`, {
      ...project,
      jobsCreated: 'three',
      plannedStart: '',
      durationMonths: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#jobsCreated"');
    expect(refused.text).toContain('value="Guest house"');
    expect((await row(id)).title).toBe('');
    const saved = await client.submit(`/applications/${id}/project`, {
      ...project,
      jobsCreated: '3',
      plannedStart: '2027-03-01',
      durationMonths: '12',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/applications/${id}`);
    expect(await row(id)).toMatchObject({ title: 'Guest house', jobs_created: 3 });
    // An htmx autosave answers one line instead of a redirect.
    const autosaved = await client.submit(
      `/applications/${id}/project`,
      { ...project, title: 'Guest house by the sea', jobsCreated: '3', plannedStart: '', durationMonths: '' },
      { 'HX-Request': 'true' },
    );
    expect(autosaved.status).toBe(200);
    expect(autosaved.text).toContain('Сақталды');
    expect((await row(id)).title).toBe('Guest house by the sea');

    // The goals: a chosen goal needs its sentence.
    const goalsPage = await client.page(`/applications/${id}/goals`);
    expect(goalsPage.text).toContain('Water');
    const noSentence = await client.submit(`/applications/${id}/goals`, { 'goal-0': goalIds[0], 'how-0': '' });
    expect(noSentence.status).toBe(400);
    expect(noSentence.text).toContain('href="#how-0"');
    expect(
      (await client.submit(`/applications/${id}/goals`, { 'goal-0': goalIds[0], 'how-0': 'Jobs for young people' }))
        .status,
    ).toBe(303);

    // The budget: rows without JavaScript, "add another line" saves and comes back with one more row.
    await client.page(`/applications/${id}/budget`);
    const badAmount = await client.submit(`/applications/${id}/budget`, {
      rows: '2',
      action: 'save',
      'category-0': 'equipment',
      'amount-0': 'a lot',
      'source-0': 'grant',
    });
    expect(badAmount.status).toBe(400);
    expect(badAmount.text).toContain('href="#amount-0"');
    const added = await client.submit(`/applications/${id}/budget`, {
      rows: '2',
      action: 'add',
      'category-0': 'equipment',
      'description-0': 'Beds',
      'amount-0': '1 000 000',
      'source-0': 'grant',
    });
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`/applications/${id}/budget?rows=3`);
    const budget = await client.page(added.headers.location);
    expect(budget.text).toContain('name="category-2"');
    expect(budget.text).toMatch(/1\s000\s000,00\s₸|1\s000\s000\s₸/);
    expect(await row(id)).toMatchObject({ requested_amount: '100000000', own_contribution: '0' });

    // Checking now lists every broken rule at once, each linked to the step that fixes it.
    const check = await client.page(`/applications/${id}/check`);
    expect(check.text).toContain('Жауаптарыңызды тексеріңіз');
    const broken = await client.submit(`/applications/${id}/submit`, {});
    expect(broken.status).toBe(422);
    expect(broken.text).toContain(`href="/applications/${id}/budget#totals"`);
    expect(broken.text).toContain('Өз үлесіңіз жалпы құнның кемінде 20% болуы керек');
    expect((await row(id)).status).toBe('draft');

    // A second line of own money; then one removed and put back, all by submit buttons.
    await client.page(`/applications/${id}/budget`);
    const lines = {
      rows: '3',
      'category-0': 'equipment',
      'amount-0': '1000000',
      'source-0': 'grant',
      'category-1': 'materials',
      'amount-1': '300 000,50',
      'source-1': 'own',
    };
    expect((await client.submit(`/applications/${id}/budget`, { ...lines, action: 'remove-1' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ own_contribution: '0' });
    expect((await client.submit(`/applications/${id}/budget`, { ...lines, action: 'save' })).status).toBe(303);
    expect(await row(id)).toMatchObject({ requested_amount: '100000000', own_contribution: '30000050' });

    // A document: multipart, with the form's token in the address.
    const files = await client.page(`/applications/${id}/attachments`);
    expect(files.text).toContain('enctype="multipart/form-data"');
    expect(files.text).toContain('1 МБ');
    const uploaded = await upload(client, id, samplePdf(), 'business-plan.pdf');
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.location).toBe(`/applications/${id}/attachments?done=uploaded`);
    expect((await client.page(uploaded.headers.location)).text).toContain('business-plan.pdf');
    const heic = await upload(client, id, Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic'), 'IMG_0001.HEIC');
    expect(heic.status).toBe(422);
    expect(heic.text).toContain('HEIC');
    expect(heic.text).toContain('href="#file"');
    expect((await upload(client, id, samplePdf(), 'x.pdf', 'forged')).status).toBe(403);
    const [{ n }] = await ctx.dataSource.query('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [
      id,
    ]);
    expect(n).toBe(1);

    // Check the answers, submit, and the receipt carries the reference.
    const answers = await client.page(`/applications/${id}/check`);
    expect(answers.text).toContain('business-plan.pdf');
    expect(answers.text).toContain(`href="/applications/${id}/budget"`);
    const submitted = await client.submit(`/applications/${id}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.location).toBe(`/applications/${id}`);
    const after = await row(id);
    expect(after.status).toBe('submitted');
    expect(after.reference).toMatch(/^SU-/);
    const receipt = await client.page(`/applications/${id}`);
    expect(receipt.text).toContain(after.reference as string);
    expect(receipt.text).toContain('Өтінім тарихы');
    expect(receipt.text).toContain(`href="/applications/${id}/withdraw"`);
    // A submitted application has no steps any more.
    expect((await client.page(`/applications/${id}/budget`)).headers.location).toBe(`/applications/${id}`);
    const dashboard = await client.page('/applications');
    expect(dashboard.text).toContain(after.reference as string);
    expect(dashboard.text).toContain('Жіберілді');

    // Once screened, the receipt shows the outcome section (the grantee pages' component) in its slot.
    expect(receipt.text).not.toContain('Іріктеу нәтижесі');
    await ctx
      .http()
      .post(`/api/applications/${id}/screening`)
      .set(manager.auth)
      .send({ decision: 'eligible' })
      .expect(200);
    const screened = await client.page(`/applications/${id}`);
    expect(screened.text).toContain('Іріктеу нәтижесі');
    expect(screened.text.indexOf('Іріктеу нәтижесі')).toBeLessThan(screened.text.indexOf('Өтінім тарихы'));
    expect(screened.text).toContain('Талаптарға сай');

    // Withdrawal asks first, then the application is withdrawn.
    expect((await client.page(`/applications/${id}/withdraw`)).status).toBe(200);
    const withdrawn = await client.submit(`/applications/${id}/withdraw`, { reason: 'Moved away' });
    expect(withdrawn.status).toBe(303);
    expect((await row(id)).status).toBe('withdrawn');
  });

  it('names a file over the size limit, and an autosave that could not save, on the same page', async () => {
    const { client } = await applicant();
    const id = await startDraft(client);
    await client.page(`/applications/${id}/attachments`);
    const tooLarge = await upload(client, id, samplePdf(1024 * 1024 + 10), 'big.pdf');
    expect(tooLarge.status).toBe(303);
    expect(tooLarge.headers.location).toBe(`/applications/${id}/attachments?problem=too-large`);
    const shown = await client.page(tooLarge.headers.location);
    expect(shown.text).toContain('Файл тым үлкен: 1 МБ-қа дейінгі файлды таңдаңыз');
    expect(shown.text).toContain('href="#file"');
    const notSaved = await client.submit(
      `/applications/${id}/budget`,
      { rows: '2', action: '', 'category-0': 'equipment', 'amount-0': '', 'source-0': 'grant' },
      { 'HX-Request': 'true' },
    );
    expect(notSaved.status).toBe(200);
    expect(notSaved.text).toContain('Сақталмады');
  });

  it('lists a draft with its deadline on the dashboard, and keeps the budget page light', async () => {
    const { client } = await applicant();
    const id = await startDraft(client);
    const dashboard = await client.page('/applications');
    expect(dashboard.text).toContain(`href="/applications/${id}"`);
    expect(dashboard.text).toContain('өтінімін');
    expect(dashboard.text).toContain('Толтырылуда');
    // DESIGN.md 13: an applicant's page with its assets is at most 60 KB gzipped on a cold cache.
    const budget = await client.page(`/applications/${id}/budget`);
    const assets = [...budget.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBe(3);
    let bytes = gzipSync(budget.text).length;
    for (const asset of assets) {
      const response = await client.agent.get(asset).set('Accept-Encoding', 'gzip').buffer(true);
      bytes += Number(response.headers['content-length'] ?? gzipSync(response.body as Buffer).length);
    }
    expect(bytes).toBeLessThan(60 * 1024);
  });

  it('deletes a draft after asking, and only a draft', async () => {
    const { client } = await applicant();
    const id = await startDraft(client);
    expect((await client.page(`/applications/${id}`)).text).toContain(`href="/applications/${id}/delete"`);
    expect((await client.page(`/applications/${id}/delete`)).text).toContain('Өтінім жобасын өшіресіз бе?');
    const deleted = await client.submit(`/applications/${id}/delete`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.location).toBe('/applications');
    expect(await ctx.dataSource.query('SELECT id FROM applications WHERE id = $1', [id])).toEqual([]);
    expect((await client.page(`/applications/${id}`)).status).toBe(404);
  });

  it("answers another applicant's application, and ids that are none, with a 404 page", async () => {
    const owner = await applicant();
    const id = await startDraft(owner.client);
    const { client: stranger } = await applicant();
    for (const path of [`/applications/${id}`, `/applications/${id}/project`, `/applications/${id}/check`]) {
      const response = await stranger.page(path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
    await stranger.page('/applications');
    const write = await stranger.submit(`/applications/${id}/project`, {
      title: 'Mine now',
      summary: '',
      description: '',
      sector: 'other',
      jobsCreated: '0',
      plannedStart: '',
      durationMonths: '',
    });
    expect(write.status).toBe(404);
    expect((await row(id)).title).toBe('');
    expect((await stranger.page('/applications/not-an-id')).status).toBe(404);
  });

  it('speaks Russian when asked, and escapes what the applicant wrote', async () => {
    const { client } = await applicant();
    const id = await startDraft(client);
    await client.page(`/applications/${id}/project`);
    await client.submit(`/applications/${id}/project`, {
      title: '<script>alert(1)</script>',
      summary: '"><img src=x onerror=alert(2)>',
      description: '',
      sector: 'crafts',
      jobsCreated: '1',
      plannedStart: '',
      durationMonths: '',
    });
    await client.submit('/language', { language: 'ru', next: `/applications/${id}` });
    const tasks = await client.page(`/applications/${id}`);
    expect(tasks.text).toContain('<html lang="ru">');
    expect(tasks.text).toContain('Разделы заявки');
    expect(tasks.text).toContain('<h1>&lt;script>alert(1)&lt;/script></h1>');
    expect(tasks.text).not.toContain('<script>alert(1)');
    const check = await client.page(`/applications/${id}/check`);
    expect(check.text).toContain('Проверьте ответы');
    expect(check.text).not.toContain('<img src=x');
    const form = await client.page(`/applications/${id}/project`);
    expect(form.text).toContain('&quot;>&lt;img src=x onerror=alert(2)>');
    const broken = await client.submit(`/applications/${id}/submit`, {});
    expect(broken.status).toBe(422);
    expect(broken.text).toContain('Выберите хотя бы одну цель плана развития села');
    expect(broken.text).toContain(`href="/applications/${id}/goals#goals"`);
  });

  it('starts a draft for another eligible village only with a reason', async () => {
    const { person, client } = await applicant();
    const path = `/applications/new?competition=${competition.id}`;
    await client.page(path);
    const noReason = await client.submit(path, { village: otherVillageId, villageReason: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('href="#villageReason"');
    expect(noReason.text).toMatch(new RegExp(`<option value="${otherVillageId}" selected`));
    const forged = await client.submit(path, { village: '00000000-0000-4000-8000-000000000000', villageReason: '' });
    expect(forged.status).toBe(400);
    const started = await client.submit(path, { village: otherVillageId, villageReason: 'My workshop is there' });
    expect(started.status).toBe(303);
    const [draft] = await ctx.dataSource.query(
      'SELECT village_id, village_reason FROM applications WHERE applicant_id = $1',
      [person.user.id],
    );
    expect(draft).toEqual({ village_id: otherVillageId, village_reason: 'My workshop is there' });
  });

  it('asks for a village when the profile has none', async () => {
    const person = await createUser(ctx);
    const client = await signedInClient(ctx, person.user.email, PASSWORD);
    await client.page(`/applications/new?competition=${competition.id}`);
    const refused = await client.submit(`/applications/new?competition=${competition.id}`, {
      village: '',
      villageReason: '',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Тізімнен ауылды таңдаңыз');
    expect(refused.text).toContain('href="#village"');
    const [{ n }] = await ctx.dataSource.query('SELECT count(*)::int AS n FROM applications WHERE applicant_id = $1', [
      person.user.id,
    ]);
    expect(n).toBe(0);
  });
});
