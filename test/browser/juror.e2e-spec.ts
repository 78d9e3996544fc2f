import { BrowserContext, Page } from 'playwright-core';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { addJuror, createReviewable, Reviewable, roundBody } from '../helpers/review-setup';
import { expectAccessible, openSite, screenshot, Site, SiteLanguage } from './harness';

const text = (language: SiteLanguage, key: MessageKey): string => {
  const message = CATALOGUE[language][key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * A juror's round on a 360 px phone without JavaScript (Russian) and on a 1280 px screen with it
 * (Kazakh): conflicts first (declaring one), scoring two applications, recusing from a third.
 */
describe('browser: the juror’s workspace', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    site = await openSite();
    cast = await createCast(site.ctx);
  });
  afterAll(async () => {
    await site?.close();
  });

  const sql = async <T>(query: string, params: unknown[]) => (await site.ctx.dataSource.query(query, params)) as T[];

  /** A closed competition with four eligible applications, an open round, and a juror who has not confirmed yet. */
  async function reviewing(language: SiteLanguage): Promise<{ setup: Reviewable; roundId: string; juror: TestUser }> {
    const setup = await createReviewable(site.ctx, cast, 4, 2);
    const juror = await addJuror(site.ctx, cast, setup.competitionId, { confirm: false });
    await sql('UPDATE users SET preferred_language = $2 WHERE id = $1', [juror.user.id, language]);
    const round = await site.ctx
      .http()
      .post(`/api/competitions/${setup.competitionId}/rounds`)
      .set(cast.manager.auth)
      .send(roundBody())
      .expect(201);
    await site.ctx.http().post(`/api/rounds/${round.body.id}/open`).set(cast.manager.auth).expect(200);
    return { setup, roundId: round.body.id as string, juror };
  }

  describe.each([
    { language: 'ru', javaScript: false, screen: 'phone' },
    { language: 'kk', javaScript: true, screen: 'desktop' },
  ] as const)('$language, $screen, JavaScript $javaScript', ({ language, javaScript, screen }) => {
    let context: BrowserContext;
    let page: Page;
    let setup: Reviewable;
    let roundId: string;
    let juror: TestUser;
    const assignments: string[] = [];
    const shot = `${language}-${screen}-${javaScript ? 'js' : 'no-js'}`;

    // One juror's round, step by step: each step goes on from where the one before left the page.
    beforeAll(async () => {
      ({ setup, roundId, juror } = await reviewing(language));
      const device = { language, javaScript };
      ({ context, page } = screen === 'phone' ? await site.phone(device) : await site.desk(device));
    });
    afterAll(async () => {
      await context?.close();
    });

    it('signs in and is sent to declare conflicts first; each page passes axe', async () => {
      await page.goto('/reviews');
      await page.getByLabel(text(language, 'account.signIn.email')).fill(juror.user.email);
      await page.getByLabel(text(language, 'account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: text(language, 'account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/reviews');
      await expectAccessible(page, `my reviews, unconfirmed (${shot})`);
    });

    it('declares a conflict with an applicant, after a form refused without one, and confirms', async () => {
      // Conflicts first: names and villages only, one declaration, then the confirmation.
      await page.getByRole('link', { name: text(language, 'juror.next.confirm') }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/conflicts'));
      await expectAccessible(page, `conflicts (${shot})`);
      await page.getByRole('button', { name: text(language, 'juror.conflicts.form.submit') }).click();
      await page.locator('.error-summary a').first().waitFor();
      expect(await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        ['#target', '#kind-family'],
      );
      await expectAccessible(page, `conflicts with errors (${shot})`);
      await page.selectOption('#target', { label: 'Applicant 3' });
      await page.check('#kind-family');
      await page.fill('#note', 'Двоюродный брат');
      await page.getByRole('button', { name: text(language, 'juror.conflicts.form.submit') }).click();
      await page.locator('.notice.success').waitFor();
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'juror.done.declared'));
      await page.getByRole('button', { name: text(language, 'juror.conflicts.confirm.button') }).click();
      await page.waitForURL((url) => url.pathname === '/reviews');
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'juror.done.confirmed'));
      const [declared] = await sql<{ applicant_id: string; kind: string }>(
        'SELECT applicant_id, kind FROM conflict_declarations WHERE juror_id = $1',
        [juror.user.id],
      );
      expect(declared).toEqual({ applicant_id: setup.applications[3].applicant.user.id, kind: 'family' });
    });

    it('opens the round from the start page once the manager has assigned three applications', async () => {
      for (const application of setup.applications.slice(0, 3))
        assignments.push(
          (
            await site.ctx
              .http()
              .post(`/api/rounds/${roundId}/assignments`)
              .set(cast.manager.auth)
              .send({ applicationId: application.id, jurorId: juror.user.id })
              .expect(201)
          ).body.id as string,
        );
      await page.reload();
      await expectAccessible(page, `my reviews (${shot})`);
      await page.locator(`a.button[href^="/reviews/rounds/${roundId}"]`).click();
      await page.waitForURL((url) => url.pathname === `/reviews/rounds/${roundId}`);
      await expectAccessible(page, `round (${shot})`);
    });

    it('scores the first application: a submit with a criterion left out is refused, then accepted', async () => {
      // A submit with a criterion left out is refused, each problem linked to its first radio.
      await page.getByRole('link', { name: 'Project 0' }).click();
      await page.waitForURL((url) => url.pathname === `/reviews/assignments/${assignments[0]}`);
      await expectAccessible(page, `scoring page (${shot})`);
      const [snapshot, rubric] = [
        await page.locator('.snapshot').boundingBox(),
        await page.locator('.rubric').boundingBox(),
      ];
      if (screen === 'desktop') expect(rubric!.x).toBeGreaterThan(snapshot!.x + snapshot!.width);
      else expect(rubric!.y).toBeGreaterThan(snapshot!.y + snapshot!.height - 1);
      await screenshot(page, `juror-scoring-${shot}`, { fullPage: screen === 'phone' });
      await page.check('#score-plan-3');
      if (javaScript) {
        // The running total follows the radios, and the draft saves itself after a pause.
        expect(await page.locator('[data-total-value]').textContent()).toBe('45');
        await page.locator('#autosave-status span').waitFor();
        const [draft] = await sql<{ status: string; scores: object }>(
          'SELECT status, scores FROM scoresheets WHERE assignment_id = $1',
          [assignments[0]],
        );
        expect(draft).toEqual({ status: 'draft', scores: { plan: 3 } });
      }
      await page.getByRole('button', { name: text(language, 'juror.score.submit') }).click();
      await page.locator('.error-summary a').first().waitFor();
      expect(await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        ['#score-feasibility-0'],
      );
      await expectAccessible(page, `scoring page with errors (${shot})`);
      await page.check('#score-feasibility-2');
      await page.fill('#comment', 'Реалистичный план');
      await page.getByRole('button', { name: text(language, 'juror.score.submit') }).click();
      await page.waitForURL((url) => url.pathname === `/reviews/rounds/${roundId}`);
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'juror.done.submitted'));
    });

    it('scores the second application in one go and recuses from the third with a reason', async () => {
      await page.getByRole('link', { name: 'Project 1' }).click();
      await page.check('#score-plan-4');
      await page.check('#score-feasibility-4');
      await page.getByRole('button', { name: text(language, 'juror.score.submit') }).click();
      await page.waitForURL((url) => url.pathname === `/reviews/rounds/${roundId}`);

      // The third: recusal with a reason, after its confirmation page.
      await page.getByRole('link', { name: 'Project 2' }).click();
      await page.getByRole('link', { name: text(language, 'juror.score.recuse') }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/recuse'));
      await expectAccessible(page, `recusal (${shot})`);
      await page.getByLabel(text(language, 'juror.recuse.reason')).fill('Узнал заявителя');
      await page.getByRole('button', { name: text(language, 'juror.recuse.confirm') }).click();
      await page.waitForURL((url) => url.pathname === `/reviews/rounds/${roundId}`);
      expect(await page.locator('.notice.success').textContent()).toBe(text(language, 'juror.done.recused'));
      await expectAccessible(page, `round after recusal (${shot})`);

      const rows = await sql<{ id: string; status: string; sheet: string | null }>(
        `SELECT a.id, a.status, sh.status AS sheet FROM assignments a LEFT JOIN scoresheets sh ON sh.assignment_id = a.id
          WHERE a.juror_id = $1 ORDER BY a.created_at`,
        [juror.user.id],
      );
      expect(rows).toEqual([
        { id: assignments[0], status: 'active', sheet: 'submitted' },
        { id: assignments[1], status: 'active', sheet: 'submitted' },
        { id: assignments[2], status: 'recused', sheet: null },
      ]);
    });
  });
});
