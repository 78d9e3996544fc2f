import { Page } from 'playwright-core';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createAdoptedPlan, createCompetition, createPlaces, createUser, TestUser } from '../helpers/factories';
import { sampleJpeg, samplePdf } from '../helpers/sample-files';
import { expectAccessible, openSite, Phone, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * The applicant's whole journey as one person lives it, on a 360 px phone: register, confirm the
 * address from the real mail, draft with a document, submit; staff screen, score and award through
 * the API (a finalized round's results written as the award tests write them); then the result on
 * the receipt, the offer accepted and a milestone report sent. Once in Kazakh without JavaScript,
 * once in Russian with JavaScript over the throttled network. Each stage is a test of its own
 * (they run in order and share the phone), so each has the usual budget.
 */
describe('browser: the applicant’s whole journey', () => {
  let site: Site;
  let villageId: string;
  let competitionId: string;
  let manager: TestUser;
  let manager2: TestUser;

  beforeAll(async () => {
    site = await openSite({ mail: true });
    const admin = await createUser(site.ctx, { roles: ['admin'] });
    manager = await createUser(site.ctx, { roles: ['manager'] });
    manager2 = await createUser(site.ctx, { roles: ['manager'] });
    villageId = (await createPlaces(site.ctx, admin.user.id, 1)).villageIds[0];
    await createAdoptedPlan(site.ctx, admin.user.id, villageId);
  });
  afterAll(async () => {
    await site?.close();
  });

  describe.each([
    { language: 'kk', javaScript: false, throttled: false },
    { language: 'ru', javaScript: true, throttled: true },
  ] as const)('$language, JavaScript $javaScript, throttled $throttled', ({ language, javaScript, throttled }) => {
    const t = (key: MessageKey) => text(language, key);
    let phone: Phone;
    let page: Page;
    let applicationId: string;
    let awardId: string;
    const email = `journey-${language}-${Date.now()}@example.kz`;

    beforeAll(async () => {
      competitionId = (await createCompetition(site.ctx, manager.user.id, [villageId], { open: true })).id;
      phone = await site.phone({ language, javaScript, throttled });
      page = phone.page;
    });
    afterAll(async () => {
      await phone?.close();
    });

    it('registers and confirms the address from the real mail', async () => {
      await page.goto('/register');
      await page.getByLabel(t('account.field.fullName')).fill('Айгерім Нұрланқызы');
      await page.getByLabel(t('account.field.email')).fill(email);
      await page.getByLabel(t('account.field.password')).fill('a-long-enough-password');
      await page.getByLabel(t('account.field.village')).selectOption(villageId);
      await page.getByRole('button', { name: t('account.register.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/register/check-mail');
      const mail = await site.mailTo(email);
      await page.goto(site.linkIn(mail, '/confirm-email'));
      await page.getByRole('button', { name: t('account.confirm.submit') }).click();
      await page.locator('.notice').waitFor();
      expect(await page.locator('.notice').textContent()).toBe(t('account.confirm.confirmed'));
    });

    it('drafts with a document and submits', async () => {
      await page.goto(`/competitions/${competitionId}`);
      await expectAccessible(page, `competition (${language})`);
      await page.goto(`/applications/new?competition=${competitionId}`);
      await page.getByRole('button', { name: t('apply.start.button') }).click();
      await page.waitForURL((url) => /^\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
      applicationId = new URL(page.url()).pathname.split('/')[2];
      const save = () =>
        Promise.all([
          page.waitForURL((url) => url.pathname === `/applications/${applicationId}`),
          page.getByRole('button', { name: t('applySteps.save') }).click(),
        ]);
      await page.getByRole('link', { name: t('apply.task.project') }).click();
      await page.getByLabel(t('applySteps.project.titleLabel')).fill('Наубайхана');
      await page.getByLabel(t('applySteps.project.summary')).fill('Ауылға күнделікті нан');
      await page.getByLabel(t('applySteps.project.jobs')).fill('2');
      await save();
      await page.getByRole('link', { name: t('apply.task.goals') }).click();
      await page.locator('#goal-0').check();
      await page.locator('#how-0').fill('Жастарға жұмыс');
      await save();
      await page.getByRole('link', { name: t('apply.task.budget') }).click();
      await page.locator('#category-0').selectOption('equipment');
      await page.locator('#amount-0').fill('1 000 000');
      await page.locator('#category-1').selectOption('materials');
      await page.locator('#amount-1').fill('300 000');
      await page.locator('#source-1').selectOption('own');
      await save();
      await page.getByRole('link', { name: t('apply.task.files') }).click();
      await page.setInputFiles('#file', { name: 'plan.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
      await page.getByRole('button', { name: t('applySteps.files.upload') }).click();
      await page.locator('.notice.success').waitFor();
      await page.goto(`/applications/${applicationId}/check`);
      await page.getByRole('button', { name: t('apply.check.submit') }).click();
      await page.locator('.receipt').waitFor();
      expect(await page.locator('.receipt .reference').textContent()).toMatch(/^SU-/);
      await expectAccessible(page, `receipt (${language})`);
    });

    it('after staff screen, score and award it: sees the result, accepts the offer, sends a report', async () => {
      const http = site.ctx.http();
      await http
        .post(`/api/applications/${applicationId}/screening`)
        .set(manager.auth)
        .send({ decision: 'eligible' })
        .expect(200);
      await site.ctx.app.get(CompetitionLifecycleService).close(manager.user.id, competitionId);
      await site.ctx.dataSource.transaction(async (em) => {
        const [round]: { id: string }[] = await em.query(
          `INSERT INTO review_rounds (competition_id, position, name, status, method, deadline, seed, opened_at, closed_at, finalized_at, created_by, summary)
           VALUES ($1, 1, 'Final round', 'finalized', $2, now(), $3, now(), now(), now(), $4, '{"calibratedDecides": false}') RETURNING id`,
          [competitionId, JSON.stringify({ priorityCriterion: 'plan' }), 'ab'.repeat(32), manager.user.id],
        );
        await em.query(
          `INSERT INTO round_results (round_id, application_id, count, totals, official, calibrated, spread, gates_failed, quorum_met, rank, advanced, reason, disputed)
           VALUES ($1, $2, 2, '[]', 71.4, NULL, 0, '{}', true, 1, true, 'advanced', false)`,
          [round.id, applicationId],
        );
        await em.query(`UPDATE applications SET status = 'shortlisted' WHERE id = $1`, [applicationId]);
      });
      const proposed = await http
        .post(`/api/competitions/${competitionId}/awards`)
        .set(manager.auth)
        .send({})
        .expect(201);
      awardId = (proposed.body as { id: string }[])[0].id;
      await http.post(`/api/awards/${awardId}/approve`).set(manager2.auth).expect(200);

      await page.goto(`/applications/${applicationId}`);
      expect(await page.locator('main').textContent()).toMatch(/71[,.]4/);
      await page.locator(`a[href="/awards/${awardId}"]`).first().click();
      await page.waitForURL((url) => url.pathname === `/awards/${awardId}`);
      await page.getByRole('button', { name: t('grantee.award.accept') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(t('grantee.award.done.accepted'));

      await page
        .getByRole('link', { name: t('grantee.tranches.report') })
        .first()
        .click();
      await page.getByLabel(t('grantee.report.body')).fill('Наубайхана ашылды');
      await page.getByLabel(t('grantee.report.jobs')).fill('2');
      await page.locator('#spending-0').fill('150 000');
      await page.setInputFiles('#files', { name: 'nan.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() });
      await page.getByRole('button', { name: t('grantee.report.submit') }).click();
      await page.locator('.notice.success').waitFor();
      const [award] = (await site.ctx.dataSource.query('SELECT status FROM awards WHERE id = $1', [awardId])) as {
        status: string;
      }[];
      expect(award.status).toBe('accepted');
      const reports = (await site.ctx.dataSource.query(
        'SELECT jobs_created FROM milestone_reports WHERE award_id = $1',
        [awardId],
      )) as { jobs_created: number }[];
      expect(reports).toEqual([{ jobs_created: 2 }]);
      await expectAccessible(page, `award with its report (${language})`);
      expect(phone.dialogs).toEqual([]);
    });
  });
});
