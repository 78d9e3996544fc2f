import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createAwardable } from '../helpers/award-setup';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { sampleJpeg } from '../helpers/sample-files';
import { expectAccessible, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/** After submission, on a 360 px phone: the award offer, accepting it, a milestone report, declining. */
describe('browser: the grantee’s award and milestone report', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
  });
  afterAll(async () => {
    await site?.close();
  });

  /** Two approved awards of a finalized competition: the first applicant's and the second's. */
  async function offers(): Promise<{ awardIds: string[]; grantees: TestUser[] }> {
    const setup = await createAwardable(site.ctx, cast, 2, { budget: '1000000000' });
    const proposed = await site.ctx
      .http()
      .post(`/api/competitions/${setup.competitionId}/awards`)
      .set(cast.manager.auth)
      .send({})
      .expect(201);
    const awardIds = (proposed.body as { id: string }[]).map((a) => a.id);
    for (const id of awardIds)
      await site.ctx.http().post(`/api/awards/${id}/approve`).set(cast.manager2.auth).expect(200);
    return { awardIds, grantees: setup.applications.map((a) => a.applicant) };
  }

  async function signIn(phone: Phone, language: SiteLanguage, person: TestUser, next: string): Promise<void> {
    const { page } = phone;
    await page.goto(next);
    // Not signed in: the page sends the person to sign in, then straight back.
    await page.getByLabel(text(language, 'account.signIn.email')).fill(person.user.email);
    await page.getByLabel(text(language, 'account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  describe.each([
    { language: 'kk', javaScript: false },
    { language: 'ru', javaScript: true },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = javaScript ? 'js' : 'no-js';
    let phone: Phone;
    let awardIds: string[];
    let grantees: TestUser[];

    beforeAll(async () => {
      ({ awardIds, grantees } = await offers());
      for (const grantee of grantees)
        await site.ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
          grantee.user.id,
          language,
        ]);
    });
    beforeEach(async () => {
      phone = await site.phone({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });

    it('accepts the offer and sends a milestone report with a photo; each page passes axe', async () => {
      const { page } = phone;
      await signIn(phone, language, grantees[0], `/awards/${awardIds[0]}`);
      expect(await page.locator('h1').count()).toBe(1);
      await expectAccessible(page, `award offer (${language}, ${js})`);
      await screenshot(page, `award-offer-${language}-${js}`, { fullPage: true });

      await page.getByRole('button', { name: text(language, 'grantee.award.accept') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'grantee.award.done.accepted'));
      await expectAccessible(page, `accepted award (${language}, ${js})`);

      await page
        .getByRole('link', { name: text(language, 'grantee.tranches.report') })
        .first()
        .click();
      await page.getByRole('button', { name: text(language, 'grantee.report.submit') }).click();
      const summary = page.locator('.error-summary a');
      await summary.first().waitFor();
      expect(await summary.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '#body',
        '#jobsCreated',
      ]);
      await expectAccessible(page, `report form with errors (${language}, ${js})`);

      await page.getByLabel(text(language, 'grantee.report.body')).fill('Теплица построена');
      await page.getByLabel(text(language, 'grantee.report.jobs')).fill('2');
      await page.locator('#spending-0').fill('150 000');
      await page.setInputFiles('#files', { name: 'teplica.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() });
      await screenshot(page, `milestone-report-${language}-${js}`, { fullPage: true });
      await page.getByRole('button', { name: text(language, 'grantee.report.submit') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'grantee.award.done.report'));
      const [report] = (await site.ctx.dataSource.query(
        'SELECT jobs_created, cardinality(file_ids) AS files FROM milestone_reports WHERE award_id = $1',
        [awardIds[0]],
      )) as { jobs_created: number; files: number }[];
      expect(report).toEqual({ jobs_created: 2, files: 1 });
      await expectAccessible(page, `award with a report (${language}, ${js})`);
    });

    it('declines the second offer after the confirmation step', async () => {
      const { page } = phone;
      await signIn(phone, language, grantees[1], `/awards/${awardIds[1]}`);
      await page.getByRole('link', { name: text(language, 'grantee.award.decline') }).click();
      await page.waitForURL((url) => url.pathname === `/awards/${awardIds[1]}/decline`);
      await expectAccessible(page, `decline step (${language}, ${js})`);
      await page.getByLabel(text(language, 'grantee.decline.reason')).fill('Переезжаю в город');
      await page.getByRole('button', { name: text(language, 'grantee.decline.submit') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'grantee.award.done.declined'));
      const [award] = (await site.ctx.dataSource.query('SELECT status FROM awards WHERE id = $1', [awardIds[1]])) as {
        status: string;
      }[];
      expect(award.status).toBe('declined');
    });
  });
});
