import { Page } from 'playwright-core';
import { START_UP_TEMPLATE } from '../../src/modules/reviews/domain/rubric-templates';
import { almatyDate } from '../../src/web/manager/rounds/deadline';
import { MessageKey } from '../../src/web/i18n/catalogue';
import { Cast, createCast, PASSWORD, TestUser } from '../helpers/factories';
import { waitFor } from '../helpers/processes';
import { addJuror, createReviewable, Reviewable } from '../helpers/review-setup';
import { expectAccessible, message, openSite, Phone, screenshot, Site } from './harness';

const CODES = START_UP_TEMPLATE.method.criteria.map((c) => c.code);
/** Each juror scores every criterion at one level, so pairs of them disagree widely: disputes. */
const LEVEL_OF_JUROR = [4, 0, 2];

/**
 * A manager on a 1280 px screen runs a round through the pages alone: a round from the Start Up
 * template, its method, opening, the engine's assignment (the worker in this process), closing,
 * finalizing and the results with a disputed application. Jurors' scores come in through the API.
 * Once in Kazakh with JavaScript and once in Russian without (the manager's preferred language and
 * the browser's follow the pass; texts come from the catalogue); axe on every page visited.
 */
describe('browser: a manager runs a review round', () => {
  let site: Site;
  let cast: Cast;

  beforeAll(async () => {
    // mail: the real worker runs in this process, so assignment runs and finalizing happen.
    site = await openSite({ mail: true });
    cast = await createCast(site.ctx);
  }, 120000);
  afterAll(async () => {
    await site?.close();
  }, 60000);

  describe.each([
    { language: 'kk', javaScript: true },
    { language: 'ru', javaScript: false },
  ] as const)('$language, JavaScript $javaScript', ({ language, javaScript }) => {
    const js = `${language}, ${javaScript ? 'js' : 'no-js'}`;
    const text = (key: MessageKey) => message(language, key);
    let phone: Phone;
    let setup: Reviewable;
    let jurors: TestUser[];

    beforeAll(async () => {
      setup = await createReviewable(site.ctx, cast, 6);
      jurors = [];
      for (const name of ['Айгуль Сеитова', 'Бауыржан Омаров', 'Дина Каримова']) {
        const juror = await addJuror(site.ctx, cast, setup.competitionId);
        await site.ctx.dataSource.query('UPDATE users SET full_name = $2 WHERE id = $1', [juror.user.id, name]);
        jurors.push(juror);
      }
      await site.ctx.dataSource.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
        cast.manager.user.id,
        language,
      ]);
    }, 180000);
    beforeEach(async () => {
      phone = await site.desk({ language, javaScript });
    });
    afterEach(async () => {
      await phone?.close();
    });

    const checked = async (page: Page, label: string) => {
      await expectAccessible(page, `${label} (${js})`);
      expect(await page.locator('h1').count()).toBe(1);
    };

    it('creates a round from the template, opens it, assigns, closes, finalizes and reads the results', async () => {
      const { page } = phone;
      const rounds = `/manage/competitions/${setup.competitionId}/rounds`;
      await page.goto(rounds);
      await page.getByLabel(text('account.signIn.email')).fill(cast.manager.user.email);
      await page.getByLabel(text('account.signIn.password')).fill(PASSWORD);
      await page.getByRole('button', { name: text('account.signIn.submit') }).click();
      await page.waitForURL((url) => url.pathname === rounds);
      await checked(page, 'rounds');

      await page.getByRole('link', { name: text('managerRounds.list.panel') }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/jurors'));
      await checked(page, 'panel');
      await page.getByRole('link', { name: text('managerRounds.back.rounds') }).click();

      await page.getByRole('link', { name: text('managerRounds.list.new') }).click();
      await checked(page, 'new round');
      await page.getByLabel(text('managerRounds.field.name')).fill('Первый тур');
      await page
        .getByLabel(text('managerRounds.field.deadline'))
        .fill(almatyDate(new Date(Date.now() + 10 * 86400000)));
      await page.getByRole('button', { name: text('managerRounds.new.submit') }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/method'));
      const roundPath = new URL(page.url()).pathname.replace(/\/method$/, '');
      const roundId = roundPath.split('/').pop()!;
      await checked(page, 'method form');
      await screenshot(page, `manager-round-method-${javaScript ? 'js' : 'no-js'}`, { fullPage: false });

      // A broken rule is named at the top and nothing is stored; then the method is saved.
      await page.getByLabel(text('managerRounds.field.quorum')).fill('9');
      await page
        .getByRole('button', { name: text('managerRounds.method.save') })
        .last()
        .click();
      await page.locator('.error-summary a[href="#quorum"]').waitFor();
      await checked(page, 'method form with errors');
      for (const [field, value] of [
        ['jurors', '2'],
        ['quorum', '2'],
        ['maxLoad', '5'],
        ['disputeSpread', '20'],
        ['disputeMargin', '2'],
        ['disputeShare', '50'],
        ['advanceTop', '3'],
      ] as const)
        await page.getByLabel(text(`managerRounds.field.${field}`), { exact: true }).fill(value);
      await page
        .getByRole('button', { name: text('managerRounds.method.save') })
        .last()
        .click();
      await page.waitForURL((url) => url.pathname === roundPath);
      await checked(page, 'round (draft)');

      await page.getByRole('button', { name: text('managerRounds.round.open') }).click();
      await page.getByText(text('managerRounds.done.opened')).waitFor();
      await checked(page, 'round (open)');

      await page.getByRole('link', { name: text('managerRounds.round.assignments') }).click();
      await page.getByRole('button', { name: text('managerRounds.runs.start') }).click();
      if (javaScript) {
        // The runs panel updates in place (htmx polls it while the run is queued).
        await page.locator('#runs').getByText(text('managerRounds.run.succeeded')).waitFor();
      } else {
        // Without JavaScript the page shows the run's outcome once reloaded after the worker is done:
        // wait for that in the database (reloading the page meanwhile only kept both cores busy).
        await waitFor(
          async () => {
            const [run]: { status: string }[] = await site.ctx.dataSource.query(
              'SELECT status FROM assignment_runs WHERE round_id = $1 ORDER BY created_at DESC LIMIT 1',
              [roundId],
            );
            return run && run.status !== 'queued' ? true : undefined;
          },
          60000,
          'the assignment run',
        );
        await page.reload();
        await page.locator('#runs').getByText(text('managerRounds.run.succeeded')).waitFor();
      }
      await checked(page, 'assignments');

      for (const [index, juror] of jurors.entries()) {
        const mine = (
          await site.ctx.http().get(`/api/reviews/rounds/${roundId}/assignments`).set(juror.auth).expect(200)
        ).body.items as { id: string }[];
        const scores = Object.fromEntries(CODES.map((code) => [code, LEVEL_OF_JUROR[index]]));
        for (const { id } of mine)
          await site.ctx
            .http()
            .put(`/api/reviews/assignments/${id}/scoresheet`)
            .set(juror.auth)
            .send({ scores, submit: true })
            .expect(200);
      }

      await page.getByRole('link', { name: text('managerRounds.back.round') }).click();
      await page.getByRole('heading', { name: text('managerRounds.progress.title') }).waitFor();
      await page.getByLabel(text('managerRounds.round.closeConfirm')).check();
      await page.getByRole('button', { name: text('managerRounds.round.close') }).click();
      await page.getByText(text('managerRounds.done.closed')).waitFor();
      await checked(page, 'round (closed)');
      await page.getByLabel(text('managerRounds.round.finalizeConfirm')).check();
      await page.getByRole('button', { name: text('managerRounds.round.finalize') }).click();
      await page.getByText(text('managerRounds.done.finalizing')).waitFor();
      await waitFor(
        async () => {
          const [row]: { status: string }[] = await site.ctx.dataSource.query(
            'SELECT status FROM review_rounds WHERE id = $1',
            [roundId],
          );
          return row.status === 'finalized' ? true : undefined;
        },
        60000,
        'finalizing',
      );
      await page.goto(roundPath);
      await page.getByRole('link', { name: text('managerRounds.round.results') }).click();
      await page.getByRole('heading', { name: text('managerRounds.results.discussion') }).waitFor();
      await checked(page, 'results');
      await screenshot(page, `manager-round-results-${javaScript ? 'js' : 'no-js'}`, { fullPage: true });

      const disputed: { reference: string }[] = await site.ctx.dataSource.query(
        `SELECT a.reference FROM round_results r JOIN applications a ON a.id = r.application_id WHERE r.round_id = $1 AND r.disputed`,
        [roundId],
      );
      expect(disputed.length).toBeGreaterThan(0);
      for (const { reference } of disputed)
        await page.locator('.discussion-list').getByText(reference).first().waitFor();
      expect(await page.locator('svg.histogram').count()).toBe(3);
    }, 300000);
  });
});
