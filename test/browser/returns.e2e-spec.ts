import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { dayAfter } from '../../src/web/manager/returns/answer-by';
import {
  createAdoptedPlan,
  createCompetition,
  createPlaces,
  createUser,
  PASSWORD,
  TestUser,
} from '../helpers/factories';
import { expectAccessible, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * Return for changes in the browser: a manager returns a submitted application through the form, at
 * a 1280 px screen, once in Kazakh with JavaScript and once in Russian without (a second
 * application; the manager's preferred language and the browser's follow the pass, texts come from
 * the catalogue). The applicant of the second (Russian, a 360 px phone, JavaScript off) follows the
 * link in the mail, reads the message, changes the budget and sends it again. axe on every page visited.
 */
describe('browser: an application returned for changes and sent again', () => {
  let site: Site;
  let manager: TestUser;
  /** The application the Kazakh pass returns, and the one the Russian pass returns and its applicant resubmits. */
  const returned = {} as Record<'kk' | 'ru', { applicant: TestUser; applicationId: string; reference: string }>;

  beforeAll(async () => {
    site = await openSite({ mail: true });
    const ctx = site.ctx;
    const admin = await createUser(ctx, { roles: ['admin'] });
    manager = await createUser(ctx, { roles: ['manager'], preferredLanguage: 'ru' });
    const places = await createPlaces(ctx, admin.user.id, 1);
    const goals = ((await createAdoptedPlan(ctx, admin.user.id, places.villageIds[0])).goals ?? []).map((g) => g.id);
    const competitionId = (await createCompetition(ctx, manager.user.id, places.villageIds, { open: true })).id;
    for (const language of ['kk', 'ru'] as const) {
      const applicant = await createUser(ctx, { homeVillageId: places.villageIds[0], preferredLanguage: 'ru' });
      await ctx.dataSource.query('UPDATE users SET email_confirmed_at = now() WHERE id = $1', [applicant.user.id]);
      const draft = await ctx
        .http()
        .post(`/api/competitions/${competitionId}/applications`)
        .set(applicant.auth)
        .send({
          title: 'Гостевой дом у моря',
          summary: 'Четыре комнаты для туристов',
          sector: 'tourism',
          goals: [{ goalId: goals[0], contribution: 'Рабочие места для молодёжи' }],
          requestedAmount: '100000000',
          ownContribution: '30000000',
          budgetLines: [
            { category: 'equipment', description: 'Кровати и котёл', amount: '100000000', source: 'grant' },
            { category: 'materials', amount: '30000000', source: 'own' },
          ],
        })
        .expect(201);
      const applicationId = draft.body.id as string;
      const submitted = await ctx
        .http()
        .post(`/api/applications/${applicationId}/submit`)
        .set(applicant.auth)
        .expect(200);
      returned[language] = { applicant, applicationId, reference: submitted.body.reference as string };
    }
  });
  afterAll(async () => {
    await site?.close();
  });

  async function signIn(phone: Phone, language: SiteLanguage, person: TestUser, next: string): Promise<void> {
    const { page } = phone;
    await page.goto(next);
    await page.getByLabel(text(language, 'account.signIn.email')).fill(person.user.email);
    await page.getByLabel(text(language, 'account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  }

  const message = 'Разбейте строку «Оборудование» на кровати и котёл и уменьшите сумму гранта.';

  it.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)(
    'the manager returns it through the form ($language, JavaScript $javaScript)',
    async ({ language, javaScript }) => {
      const { applicationId } = returned[language];
      const js = `${language}, ${javaScript ? 'js' : 'no-js'}`;
      await site.ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
        manager.user.id,
        language,
      ]);
      const staff = await site.desk({ language, javaScript });
      try {
        const { page } = staff;
        const form = `/manage/applications/${applicationId}/return`;
        await signIn(staff, language, manager, form);
        await expectAccessible(page, `return form (${js})`);
        // An empty message is named at its field.
        await page.getByRole('button', { name: text(language, 'managerReturns.submit') }).click();
        await page.locator('.error-summary a[href="#message"]').waitFor();
        await expectAccessible(page, `return form with errors (${js})`);
        await page.getByLabel(text(language, 'managerReturns.message.label')).fill(message);
        await page.getByLabel(text(language, 'managerReturns.answerBy.label')).fill(dayAfter(new Date(), 5));
        if (language === 'ru') await screenshot(page, 'return-form-ru', { fullPage: true });
        // The application's page is another area's: only where the form sends the manager matters here.
        const answer = page.waitForResponse((r) => r.url().endsWith(form) && r.request().method() === 'POST');
        await page.getByRole('button', { name: text(language, 'managerReturns.submit') }).click();
        const posted = await answer;
        expect(posted.status()).toBe(303);
        expect(await posted.headerValue('location')).toBe(`/manage/applications/${applicationId}`);
      } finally {
        await staff.close();
      }
      const [row] = (await site.ctx.dataSource.query('SELECT status FROM applications WHERE id = $1', [
        applicationId,
      ])) as { status: string }[];
      expect(row.status).toBe('returned');
    },
  );

  // The applicant's part of the same loop (a test of its own: a busy machine needs the time).
  it('the applicant reads the mail, changes the budget and sends it again', async () => {
    const { applicant, applicationId, reference } = returned.ru;
    const mail = (
      await site.sink!.waitFor(1, 30000, (m) => m.to.includes(applicant.user.email) && m.text.includes(message))
    )[0];
    expect(mail.subject).toContain(reference);
    const link = site.linkIn(mail, '/applications/');
    expect(link).toBe(`/applications/${applicationId}`);

    const phone = await site.phone({ language: 'ru', javaScript: false });
    try {
      const { page } = phone;
      await signIn(phone, 'ru', applicant, link);
      await page.getByText(message).waitFor();
      expect(await page.locator('.return-notice h2').textContent()).toBe(text('ru', 'applyReturns.notice.title'));
      await expectAccessible(page, 'returned application (ru, no-js)');
      await screenshot(page, 'returned-application-ru-no-js', { fullPage: true });

      await page.goto('/applications');
      await page.getByText(message).first().waitFor();
      await expectAccessible(page, 'dashboard with a returned application (ru, no-js)');

      await page.goto(`/applications/${applicationId}`);
      await page.getByRole('link', { name: text('ru', 'apply.task.budget') }).click();
      await page.waitForURL((url) => url.pathname === `/applications/${applicationId}/budget`);
      await expectAccessible(page, 'budget of a returned application (ru, no-js)');
      await page.locator('#description-0').fill('Кровати');
      await page.locator('#amount-0').fill('600 000');
      await page.getByRole('button', { name: text('ru', 'applySteps.budget.add') }).click();
      await page.waitForURL((url) => url.pathname === `/applications/${applicationId}/budget`);
      await page.locator('#category-2').selectOption('equipment');
      await page.locator('#description-2').fill('Котёл');
      await page.locator('#amount-2').fill('300 000');
      await page.locator('#source-2').selectOption('grant');
      await page.getByRole('button', { name: text('ru', 'applySteps.save') }).click();
      await page.waitForURL((url) => url.pathname === `/applications/${applicationId}`);

      await page.getByRole('link', { name: text('ru', 'applyReturns.notice.check') }).click();
      await page.waitForURL((url) => url.pathname === `/applications/${applicationId}/check`);
      await expectAccessible(page, 'check page of a returned application (ru, no-js)');
      await page.getByRole('button', { name: text('ru', 'applyReturns.check.resubmit') }).click();
      await page.waitForURL((url) => url.pathname === `/applications/${applicationId}`);
      await page.getByText('Отправлена снова: версия 2').waitFor();
      expect(await page.locator('.reference').textContent()).toBe(reference);
      await expectAccessible(page, 'receipt after sending again (ru, no-js)');
      await screenshot(page, 'resubmitted-receipt-ru-no-js', { fullPage: true });
    } finally {
      await phone.close();
    }

    const [row] = await site.ctx.dataSource.query(
      `SELECT a.status, a.requested_amount AS requested,
              (SELECT max(version)::int FROM application_snapshot_versions v WHERE v.application_id = a.id) AS version
         FROM applications a WHERE a.id = $1`,
      [applicationId],
    );
    expect(row).toEqual({ status: 'submitted', requested: '90000000', version: 2 });
  });
});
