import { readFile } from 'node:fs/promises';
import { SUBMIT_WORDS } from '../../src/modules/reviews/domain/offline/offline-words';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { addJuror, createReviewable, roundBody } from '../helpers/review-setup';
import { expectAccessible, openSite, Phone, screenshot, Site } from './harness';

const kk = (key: MessageKey, params: Record<string, string | number> = {}): string => {
  const message = CATALOGUE.kk[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
};

/** Writes `value` on the empty line under a `==+== <field>` heading (and its `==-==` hints), as a person would. */
const answer = (form: string, field: string, value: string) =>
  form.replace(new RegExp(`(==\\+== ${field}\\n(?:==-==.*\\n)*)[^\\n]*`), `$1${value}`);

/**
 * Offline scoring as a juror with a poor connection lives it: Kazakh, a 360 px phone, JavaScript
 * off. The round's page links to the offline page; the form downloads as a file; filled in with a
 * score off the scale it is refused with the line and criterion named and nothing stored; mended,
 * it is stored and sent. axe on every page visited.
 */
describe('browser: a juror scores offline by file (kk, 360 px, no JavaScript)', () => {
  let site: Site;
  let cast: Cast;
  let juror: TestUser;
  let roundId: string;
  let assignmentId: string;
  let phone: Phone;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
    const setup = await createReviewable(site.ctx, cast, 1, 1);
    juror = await addJuror(site.ctx, cast, setup.competitionId);
    await site.ctx.dataSource.query(`UPDATE users SET preferred_language = 'kk' WHERE id = $1`, [juror.user.id]);
    const http = () => site.ctx.http();
    roundId = (
      await http()
        .post(`/api/competitions/${setup.competitionId}/rounds`)
        .set(cast.manager.auth)
        .send(roundBody())
        .expect(201)
    ).body.id;
    await http().post(`/api/rounds/${roundId}/open`).set(cast.manager.auth).expect(200);
    assignmentId = (
      await http()
        .post(`/api/rounds/${roundId}/assignments`)
        .set(cast.manager.auth)
        .send({ applicationId: setup.applications[0].id, jurorId: juror.user.id })
        .expect(201)
    ).body.id;
    phone = await site.phone({ language: 'kk', javaScript: false });
  }, 120000);
  afterAll(async () => {
    await phone?.close();
    await site?.close();
  }, 60000);

  const sheet = async () =>
    (
      (await site.ctx.dataSource.query('SELECT status, scores FROM scoresheets WHERE assignment_id = $1', [
        assignmentId,
      ])) as { status: string; scores: Record<string, number> }[]
    )[0];

  it('downloads the form, is refused a score off the scale by line and criterion, then stores the mended file', async () => {
    const { page } = phone;
    const round = `/reviews/rounds/${roundId}`;
    await page.goto(round);
    await page.getByLabel(kk('account.signIn.email')).fill(juror.user.email);
    await page.getByLabel(kk('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: kk('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === round);
    await page.getByRole('link', { name: kk('offlineScoring.link') }).click();
    await page.waitForURL((url) => url.pathname === `${round}/offline`);
    await expectAccessible(page, 'offline scoring (kk, no-js)');
    await screenshot(page, 'juror-offline-kk-no-js', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: kk('offlineScoring.download') }).click(),
    ]);
    const blank = await readFile((await download.path())!, 'utf8');
    expect(blank).toContain(`==+== assignment: ${assignmentId}`);

    const upload = async (text: string) => {
      await page.setInputFiles('#file', { name: 'bagalau.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: kk('offlineScoring.upload') }).click();
    };
    const offScale = answer(answer(blank, 'score: plan', '9'), 'score: feasibility', '2');
    await upload(offScale);
    await page.getByText(kk('offlineScoring.problems')).waitFor();
    const line = offScale.split('\n').indexOf('==+== score: plan') + 1;
    expect(await page.locator('main').textContent()).toContain(kk('offlineScoring.at', { line }).split(' ')[0]);
    await expectAccessible(page, 'offline scoring refused (kk, no-js)');
    expect(await sheet()).toBeUndefined();

    await upload(answer(answer(offScale, 'score: plan', '3'), 'submit', SUBMIT_WORDS.kk.yes));
    await page.waitForURL((url) => url.pathname === `${round}/offline` && url.searchParams.get('saved') === '1');
    expect(await page.locator('main').textContent()).toContain(kk('offlineScoring.done', { saved: 1, submitted: 1 }));
    await expectAccessible(page, 'offline scoring stored (kk, no-js)');
    expect(await sheet()).toEqual({ status: 'submitted', scores: { plan: 3, feasibility: 2 } });
  });
});
