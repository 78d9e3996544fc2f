import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ApplicationOutcomeView } from '../../src/web/grantee/application-outcome';
import { ApplicationOutcomeReader } from '../../src/web/grantee/application-outcome.reader';
import { translator } from '../../src/web/i18n/translator';
import { PageContext, PageContextHolder } from '../../src/web/render/page-context';
import { Awardable, createAwardable } from '../helpers/award-setup';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { sampleJpeg, samplePdf, samplePng } from '../helpers/sample-files';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/** Money as the pages print it: groups split by a (narrow) no-break space. */
const SPACE = '[\\s\\u00a0\\u202f]';
const tenge = (digits: string) => new RegExp(digits.replace(/ /g, SPACE) + SPACE + '₸');

interface Tranche {
  id: string;
  status: string;
  reportRequired: boolean;
}

/** The applicant's pages after submission: results, the award offer and its answer, milestone reports. */
describe('web: the grantee’s award, answer and milestone reports', () => {
  let ctx: TestContext;
  let cast: Cast;
  let folder: string;
  let setup: Awardable;
  let awardIds: string[];
  let grantee: TestUser;
  let second: TestUser;
  /** A file uploaded by a send of the report form that was refused after it. */
  let keptFileId: string;

  const api = () => ctx.http();
  const sql = async <T>(text: string, params: unknown[]) => (await ctx.dataSource.query(text, params)) as T[];
  const tranchesOf = (awardId: string) =>
    sql<Tranche & { report_required: boolean }>(
      'SELECT id, status, report_required FROM tranches WHERE award_id = $1 ORDER BY position',
      [awardId],
    );
  const setLanguage = (user: TestUser, language: string) =>
    ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [user.user.id, language]);
  /** A multipart post of the report form, the token in its action URL as the page writes it. */
  const sendReport = (client: WebClient, path: string) =>
    client.agent.post(`${path}?_csrf=${encodeURIComponent(client.token)}`).set('Sec-Fetch-Site', 'same-origin');

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'startup-grantee-pages-'));
    ctx = await createTestApp({ ATTACHMENT_DIR: folder, ATTACHMENT_MAX_BYTES: String(64 * 1024) });
    cast = await createCast(ctx);
    setup = await createAwardable(ctx, cast, 3, { budget: '1000000000' });
    const proposed = await api()
      .post(`/api/competitions/${setup.competitionId}/awards`)
      .set(cast.manager.auth)
      .send({});
    awardIds = (proposed.body as { id: string }[]).map((a) => a.id);
    for (const id of awardIds.slice(0, 2))
      await api().post(`/api/awards/${id}/approve`).set(cast.manager2.auth).expect(200);
    [grantee, second] = [setup.applications[0].applicant, setup.applications[1].applicant];
  });
  afterAll(async () => {
    await ctx?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows the offer in Kazakh: amount in tenge, tranches with their conditions, the deadline, accept and decline', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const response = await client.page(`/awards/${awardIds[0]}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="kk">');
    expect(response.text).toContain('Жауабыңызды күтуде');
    expect(response.text).toMatch(tenge('1 000 000'));
    expect(response.text).toContain('Келісімге қол қойылғанда төленеді.');
    expect(response.text).toContain('Кезең туралы есеп мақұлданғаннан кейін төленеді.');
    expect(response.text).toMatch(/Жауап беруге \d+ күн қалды|Жауапты бүгін беру керек/);
    expect(response.text).toContain(`action="/awards/${awardIds[0]}/accept"`);
    expect(response.text).toContain(`href="/awards/${awardIds[0]}/decline"`);
  });

  it('accepts the offer: the award is accepted in the database and the page says what comes next', async () => {
    await setLanguage(grantee, 'ru');
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    await client.page(`/awards/${awardIds[0]}`);
    const accepted = await client.submit(`/awards/${awardIds[0]}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe(`/awards/${awardIds[0]}?done=accepted`);
    const [award] = await sql<{ status: string }>('SELECT status FROM awards WHERE id = $1', [awardIds[0]]);
    expect(award.status).toBe('accepted');
    const tranches = await tranchesOf(awardIds[0]);
    expect(tranches[0].status).toBe('approved');
    const page = await client.page(accepted.headers.location);
    expect(page.text).toContain('Вы приняли грант.');
    expect(page.text).toContain('Одобрен к выплате');
    expect(page.text).toContain('Выплат пока нет.');
    expect(page.text).toContain(`/awards/${awardIds[0]}/tranches/${tranches[1].id}/report`);
    // A second answer is refused on the page, the award as it stands.
    const again = await client.submit(`/awards/${awardIds[0]}/accept`, {});
    expect(again.status).toBe(409);
    expect(again.text).toContain('На это предложение уже ответили');
  });

  it('keeps the award page and the report form, with their assets, under 60 KB gzipped', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    for (const path of [`/awards/${awardIds[0]}`, `/awards/${awardIds[0]}/tranches/${tranche.id}/report`]) {
      const page = await client.page(path);
      const assets = [...page.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBe(3);
      let bytes = gzipSync(page.text).length;
      for (const asset of assets) {
        const response = await client.agent.get(asset).set('Accept-Encoding', 'gzip').buffer(true);
        bytes += Number(response.headers['content-length'] ?? gzipSync(response.body as Buffer).length);
      }
      expect(bytes).toBeLessThan(60 * 1024);
    }
  });

  it('declines a second award after the confirmation step, with the reason kept', async () => {
    const client = await signedInClient(ctx, second.user.email, PASSWORD);
    const step = await client.page(`/awards/${awardIds[1]}/decline`);
    expect(step.status).toBe(200);
    expect(step.text).toContain('Гранттан бас тартасыз ба?');
    const tooLong = await client.submit(`/awards/${awardIds[1]}/decline`, { reason: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('href="#reason"');
    const declined = await client.submit(`/awards/${awardIds[1]}/decline`, { reason: 'Moving to the city' });
    expect(declined.status).toBe(303);
    expect(declined.headers.location).toBe(`/awards/${awardIds[1]}?done=declined`);
    const [award] = await sql<{ status: string; reason: string }>('SELECT status, reason FROM awards WHERE id = $1', [
      awardIds[1],
    ]);
    expect(award).toEqual({ status: 'declined', reason: 'Moving to the city' });
    const page = await client.page(declined.headers.location);
    expect(page.text).toContain('Сіз гранттан бас тарттыңыз.');
    expect(page.text).toContain('Moving to the city');
    // The step is over once answered: it leads back to the award.
    expect((await client.page(`/awards/${awardIds[1]}/decline`)).status).toBe(303);
  });

  it('lists every broken rule of the report form at once, each linked to its field, values kept', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    const path = `/awards/${awardIds[0]}/tranches/${tranche.id}/report`;
    const form = await client.page(path);
    expect(form.status).toBe(200);
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(form.text).toContain('Расходы по статьям бюджета');
    expect(form.text).toMatch(tenge('1 000 000'));
    const response = await sendReport(client, path)
      .field('body', '')
      .field('jobsCreated', 'two')
      .field('spending-0', '12,345');
    expect(response.status).toBe(400);
    for (const field of ['body', 'jobsCreated', 'spending-0']) expect(response.text).toContain(`href="#${field}"`);
    expect(response.text).toContain('Опишите, что сделано');
    expect(response.text).toContain('value="two"');
    expect((await tranchesOf(awardIds[0]))[1].status).toBe('planned');
  });

  it('refuses a file that is not a photo, receipt or PDF on the files field, keeping those uploaded before it', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    const path = `/awards/${awardIds[0]}/tranches/${tranche.id}/report`;
    await client.page(path);
    const response = await sendReport(client, path)
      .field('body', 'Greenhouse built')
      .field('jobsCreated', '2')
      .attach('files', samplePng(), 'before.png')
      .attach('files', Buffer.from('just text, not an image'), 'notes.jpg');
    expect(response.status).toBe(422);
    expect(response.text).toContain('href="#files"');
    expect(response.text).toContain('«notes.jpg»: принимаются только файлы JPEG, PNG или PDF');
    expect((await sql('SELECT 1 FROM milestone_reports WHERE tranche_id = $1', [tranche.id])).length).toBe(0);
    const [kept] = await sql<{ id: string }>(`SELECT id FROM award_files WHERE original_name = 'before.png'`, []);
    expect(response.text).toContain('before.png');
    expect(response.text).toContain(`name="keptFiles" value="${kept.id}"`);
    keptFileId = kept.id;
  });

  it('keeps what was typed when a file is too large, and takes the form’s token only from its action URL', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    const path = `/awards/${awardIds[0]}/tranches/${tranche.id}/report`;
    await client.page(path);
    const large = await sendReport(client, path)
      .field('body', 'Greenhouse built')
      .field('jobsCreated', '2')
      .attach('files', sampleJpeg(70 * 1024), 'big.jpg');
    expect(large.status).toBe(400);
    expect(large.text).toContain('href="#files"');
    expect(large.text).toContain('Один из файлов слишком большой');
    expect(large.text).toContain('Greenhouse built');
    const noToken = await client.agent
      .post(path)
      .set('Sec-Fetch-Site', 'same-origin')
      .field('_csrf', client.token)
      .field('body', 'Greenhouse built')
      .field('jobsCreated', '2');
    expect(noToken.status).toBe(403);
    expect((await tranchesOf(awardIds[0]))[1].status).toBe('planned');
  });

  it('sends a milestone report with spending and files: the report is stored and the tranche requested', async () => {
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    const path = `/awards/${awardIds[0]}/tranches/${tranche.id}/report`;
    await client.page(path);
    const response = await sendReport(client, path)
      .field('body', 'Greenhouse built, two people hired')
      .field('jobsCreated', '2')
      .field('spending-0', '150 000,50')
      .field('spending-1', '')
      .field('keptFiles', keptFileId)
      .attach('files', sampleJpeg(), 'Теплица.jpg')
      .attach('files', samplePdf(), 'receipt.pdf');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/awards/${awardIds[0]}?done=report`);
    const [report] = await sql<{ body: string; jobs_created: number; spending: unknown; file_ids: string[] }>(
      'SELECT body, jobs_created, spending, file_ids FROM milestone_reports WHERE tranche_id = $1',
      [tranche.id],
    );
    expect(report.body).toBe('Greenhouse built, two people hired');
    expect(report.jobs_created).toBe(2);
    expect(report.spending).toEqual([{ category: 'equipment', description: '', amount: '15000050' }]);
    expect(report.file_ids).toHaveLength(3);
    const names = await sql<{ original_name: string }>(
      'SELECT original_name FROM award_files WHERE id = ANY($1) ORDER BY original_name',
      [report.file_ids],
    );
    expect(names.map((n) => n.original_name)).toEqual(['before.png', 'receipt.pdf', 'Теплица.jpg']);
    expect((await tranchesOf(awardIds[0]))[1].status).toBe('requested');
    const page = await client.page(response.headers.location);
    expect(page.text).toContain('Отчёт отправлен.');
    expect(page.text).toContain('На проверке');
    expect(page.text).toContain('создано 2 рабочих места');
    // The tranche waits for review: no second report meanwhile.
    expect((await client.page(path)).text).toContain('Сейчас по этому траншу нельзя отправить отчёт');
  });

  it('shows a returned report with the manager’s comment, and a payment received', async () => {
    const [report] = await sql<{ id: string }>('SELECT id FROM milestone_reports WHERE award_id = $1', [awardIds[0]]);
    await api()
      .post(`/api/reports/${report.id}/return`)
      .set(cast.manager.auth)
      .send({ comment: 'Add a photo of the greenhouse' })
      .expect(200);
    const [signing] = await tranchesOf(awardIds[0]);
    const [{ today }] = await sql<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Almaty')::date, 'YYYY-MM-DD') AS today`,
      [],
    );
    await api()
      .post(`/api/tranches/${signing.id}/payments`)
      .set(cast.finance.auth)
      .set('Idempotency-Key', randomUUID())
      .send({ bankReference: 'PP-7', paidOn: today })
      .expect(201);
    const client = await signedInClient(ctx, grantee.user.email, PASSWORD);
    const page = await client.page(`/awards/${awardIds[0]}`);
    expect(page.text).toContain(`<time datetime="${today}">`);
    expect(page.text).toMatch(tenge('500 000'));
    expect(page.text).toContain('Выплачен');
    expect(page.text).toContain('Возвращён на доработку');
    expect(page.text).toContain('Add a photo of the greenhouse');
    expect(page.text).toContain('Отправить отчёт заново');
  });

  it('answers another applicant with 404 on every page and form of the award', async () => {
    const client = await signedInClient(ctx, second.user.email, PASSWORD);
    const [, tranche] = await tranchesOf(awardIds[0]);
    for (const path of [
      `/awards/${awardIds[0]}`,
      `/awards/${awardIds[0]}/decline`,
      `/awards/${awardIds[0]}/tranches/${tranche.id}/report`,
      `/awards/${awardIds[2]}`,
    ])
      expect((await client.page(path)).status).toBe(404);
    await client.page('/');
    for (const path of [`/awards/${awardIds[0]}/accept`, `/awards/${awardIds[0]}/decline`])
      expect((await client.submit(path, {})).status).toBe(404);
    const report = await sendReport(client, `/awards/${awardIds[0]}/tranches/${tranche.id}/report`)
      .field('body', 'Mine now')
      .field('jobsCreated', '1');
    expect(report.status).toBe(404);
    expect((await tranchesOf(awardIds[0]))[1].status).toBe('returned');
  });

  it('gives the receipt page the round result and the award link (ApplicationOutcomeReader)', async () => {
    const reader = ctx.app.get(ApplicationOutcomeReader);
    const outcome = await reader.forApplicant(grantee.user.id, setup.applications[0].id);
    expect(outcome.rounds).toEqual([expect.objectContaining({ official: 90, rank: 1, advanced: true })]);
    expect(outcome.award).toEqual({ id: awardIds[0], status: 'active' });
    const render = (language: 'kk' | 'ru') =>
      renderToString(
        h(
          PageContextHolder.Provider,
          { value: { language, t: translator(language) } as PageContext },
          h(ApplicationOutcomeView, { outcome }),
        ),
      );
    expect(render('ru')).toContain('90,0 из 100');
    expect(render('ru')).toContain('Прошла в следующий этап');
    expect(render('kk')).toContain('100 балдан 90,0');
    expect(render('kk')).toContain(`href="/awards/${awardIds[0]}"`);
    await expect(reader.forApplicant(second.user.id, setup.applications[0].id)).rejects.toMatchObject({
      code: 'REVIEW.RESULTS_NOT_READY',
    });
  });
});
