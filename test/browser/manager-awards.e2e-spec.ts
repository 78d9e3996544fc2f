import { MessageKey } from '../../src/web/i18n/catalogue';
import { MessageParams } from '../../src/web/i18n/translator';
import { Awardable, createAwardable } from '../helpers/award-setup';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { expectAccessible, message, openSite, Phone, screenshot, Site, SiteLanguage } from './harness';

const MILLION = '100000000';
/** A sum as the pages print it, for a pattern: groups split by a (narrow) no-break space. */
const tenge = (digits: string) => new RegExp(`^${digits.replace(/ /g, '[\\s\\u00a0\\u202f]')}[\\s\\u00a0\\u202f]₸$`);

/**
 * Managers on a 1280 px screen: allocate within the budget and propose, a second manager approves
 * on "awaiting my approval", and a milestone report is reviewed; once in Kazakh with JavaScript
 * (the remaining budget follows the typing) and once in Russian without (a "recalculate" submit).
 * Both managers' preferred language and the browser's follow the pass; texts come from the catalogue.
 */
describe('browser: managers allocate, approve and review reports', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
  });
  afterAll(async () => {
    await site?.close();
  });

  /** Four applications of 1 000 000 ₸ and a budget of 2 500 000 ₸: two funded, one that did not fit, one below a gate. */
  const awardable = () =>
    createAwardable(site.ctx, cast, 4, {
      requested: MILLION,
      budget: '250000000',
      maxAward: MILLION,
      gatesFailed: [3],
      villages: 2,
    });

  /** An accepted award of a new competition with a milestone report waiting for review. */
  async function reportWaiting(): Promise<string> {
    const a = await awardable();
    const http = () => site.ctx.http();
    const [award] = (await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}))
      .body as { id: string }[];
    await http().post(`/api/awards/${award.id}/approve`).set(cast.manager2.auth).expect(200);
    const applicant = a.applications[0].applicant;
    const accepted = await http().post(`/api/awards/${award.id}/accept`).set(applicant.auth).expect(200);
    const tranche = (accepted.body as { tranches: { id: string; reportRequired: boolean }[] }).tranches.find(
      (t) => t.reportRequired,
    )!;
    const report = await http()
      .post(`/api/tranches/${tranche.id}/reports`)
      .set(applicant.auth)
      .send({ body: 'Теплица построена', jobsCreated: 3, spending: [], fileIds: [] })
      .expect(201);
    return report.body.id as string;
  }

  async function signIn(phone: Phone, language: SiteLanguage, person: TestUser, next: string): Promise<void> {
    const text = (key: MessageKey) => message(language, key);
    const { page } = phone;
    await page.goto(next);
    await page.getByLabel(text('account.signIn.email')).fill(person.user.email);
    await page.getByLabel(text('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: text('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  describe.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = `${language}, ${javaScript ? 'js' : 'no-js'}`;
    const text = (key: MessageKey, params?: MessageParams) => message(language, key, params);
    const desktop = () => site.desk({ language, javaScript });
    let a: Awardable;
    let reportId: string;
    /** The awards the first test proposed, in rank order. */
    let proposed: { id: string; amount: string }[] = [];
    const phones: Phone[] = [];

    beforeAll(async () => {
      a = await awardable();
      reportId = await reportWaiting();
      await site.ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = ANY($1)', [
        [cast.manager.user.id, cast.manager2.user.id],
        language,
      ]);
    });
    afterEach(async () => {
      await Promise.all(phones.splice(0).map((p) => p.close()));
    });

    it('allocates within the budget and proposes; each page passes axe', async () => {
      const first = await desktop();
      phones.push(first);
      const path = `/manage/competitions/${a.competitionId}/awards`;
      await signIn(first, language, cast.manager, path);
      const { page } = first;
      await expectAccessible(page, `allocation (${js})`);
      await screenshot(page, `manager-allocation-${language}-${javaScript ? 'js' : 'no-js'}`, { fullPage: true });
      const remaining = page.locator('[data-ma-sum="remaining"]');
      expect((await remaining.textContent())?.trim()).toMatch(tenge('500 000'));

      // The third in rank did not fit in full: it gets what is left, as partial funding.
      const [{ reference }] = (await site.ctx.dataSource.query('SELECT reference FROM applications WHERE id = $1', [
        a.applications[2].id,
      ])) as { reference: string }[];
      await page.getByLabel(text('managerAwards.allocation.amountLabel', { reference })).fill('500 000');
      if (javaScript) {
        await page.waitForFunction(() =>
          /^0[\s\u00a0\u202f]₸$/.test(document.querySelector('[data-ma-sum="remaining"]')?.textContent ?? ''),
        );
      } else {
        await page.getByRole('button', { name: text('managerAwards.allocation.recalculate') }).click();
        await page.waitForURL((url) => url.pathname === path);
        expect((await remaining.textContent())?.trim()).toMatch(tenge('0'));
        await expectAccessible(page, `allocation recalculated (${js})`);
      }
      await page.getByRole('button', { name: text('managerAwards.allocation.propose') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toContain(
        text('managerAwards.allocation.done', { count: 3 }),
      );
      await expectAccessible(page, `allocation after proposing (${js})`);
      proposed = (await site.ctx.dataSource.query(
        "SELECT id, amount FROM awards WHERE competition_id = $1 AND status = 'proposed' ORDER BY rank",
        [a.competitionId],
      )) as { id: string; amount: string }[];
      expect(proposed.map((w) => w.amount)).toEqual([MILLION, MILLION, '50000000']);
    });

    it('the proposer is not offered their own proposals; a second manager approves one', async () => {
      const first = await desktop();
      phones.push(first);
      await signIn(first, language, cast.manager, '/manage/approvals');
      const { page } = first;
      // Their own proposals are not theirs to approve.
      await page.locator('h1').waitFor();
      expect(await page.locator(`form[action="/manage/awards/${proposed[0].id}/approve"]`).count()).toBe(0);

      const second = await desktop();
      phones.push(second);
      await signIn(second, language, cast.manager2, '/manage/approvals');
      await expectAccessible(second.page, `approvals (${js})`);
      await second.page
        .locator(`form[action="/manage/awards/${proposed[0].id}/approve"]`)
        .getByRole('button', { name: text('managerAwards.approvals.approve') })
        .click();
      await second.page.locator('.notice.success').waitFor();
      expect(await second.page.locator('.notice.success').textContent()).toBe(
        text('managerAwards.approvals.done.approved'),
      );
      await expectAccessible(second.page, `approvals after approving (${js})`);
      const [approved] = (await site.ctx.dataSource.query('SELECT status, approved_by FROM awards WHERE id = $1', [
        proposed[0].id,
      ])) as { status: string; approved_by: string }[];
      expect(approved).toEqual({ status: 'approved', approved_by: cast.manager2.user.id });
    });

    it('shows a proposed award with its schedule form', async () => {
      const second = await desktop();
      phones.push(second);
      await signIn(second, language, cast.manager2, `/manage/awards/${proposed[2].id}`);
      expect(await second.page.locator(`form[action="/manage/awards/${proposed[2].id}/tranches"]`).count()).toBe(1);
      await expectAccessible(second.page, `award page (${js})`);
    });

    it('reviews a milestone report: asks for a comment to return it, then approves it', async () => {
      const phone = await desktop();
      phones.push(phone);
      const { page } = phone;
      await signIn(phone, language, cast.manager, '/manage/reports');
      await expectAccessible(page, `reports to review (${js})`);
      await page.locator(`a[href="/manage/reports/${reportId}"]`).click();
      await page.waitForURL((url) => url.pathname === `/manage/reports/${reportId}`);
      expect(await page.locator('.ma-report-text').textContent()).toBe('Теплица построена');
      await expectAccessible(page, `report (${js})`);
      await page.getByRole('button', { name: text('managerAwards.report.return') }).click();
      await page.locator('.error-summary a').first().waitFor();
      expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#comment');
      await expectAccessible(page, `report with an error (${js})`);
      await page.getByRole('button', { name: text('managerAwards.report.approve') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(text('managerAwards.report.done.approved'));
      await expectAccessible(page, `reports after approving (${js})`);
      const [row] = (await site.ctx.dataSource.query('SELECT status FROM milestone_reports WHERE id = $1', [
        reportId,
      ])) as { status: string }[];
      expect(row.status).toBe('approved');
    });
  });
});
