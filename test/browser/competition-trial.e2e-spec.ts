import { Page } from 'playwright-core';
import { START_UP_TEMPLATE } from '../../src/modules/reviews/domain/rubric-templates';
import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { dayAfter } from '../../src/web/manager/returns/answer-by';
import { almatyDate } from '../../src/web/manager/rounds/deadline';
import { createAdoptedPlan, createPlaces, createUser, PASSWORD, TestUser } from '../helpers/factories';
import { waitFor } from '../helpers/processes';
import { samplePdf } from '../helpers/sample-files';
import { Phone, screenshot, Site, openSite } from './harness';

const ru = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};
const CODES = START_UP_TEMPLATE.method.criteria.map((c) => c.code);
const DAY = 24 * 3600 * 1000;
const PROJECTS = ['Пекарня', 'Гостевой дом', 'Теплица', 'Швейный цех'];

/**
 * The trial, as new users would try it: one whole competition from setup to approved
 * awards through the pages alone, in Russian, on a 1280 px screen with JavaScript, with two
 * managers, three jurors and four applicants. Nothing here goes through the JSON API: people
 * sign in, fill in forms and click; the test reads the database only to check what they did.
 * Only the accounts of staff exist beforehand (an admin's work), and the villages with their
 * adopted plans: the managers set up, open and close the competition on its pages. axe-core runs in the specs of each role (it would only repeat here).
 * Each stage is a test of its own: they run in order and share the site.
 */
describe('browser: a whole competition through the pages alone (ru, 1280 px)', () => {
  let site: Site;
  let managerA: TestUser;
  let managerB: TestUser;
  let jurors: TestUser[];
  let villageIds: string[];
  let districtId: string;
  let competitionId: string;
  const applicants = PROJECTS.map((_, i) => ({ email: `trial-${i}-${Date.now()}@example.kz`, applicationId: '' }));
  const phones: Phone[] = [];

  const sql = async <T>(query: string, params: unknown[] = []) =>
    (await site.ctx.dataSource.query(query, params)) as T[];

  beforeAll(async () => {
    site = await openSite({ mail: true });
    const admin = await createUser(site.ctx, { roles: ['admin'] });
    managerA = await createUser(site.ctx, { roles: ['manager'], preferredLanguage: 'ru' });
    managerB = await createUser(site.ctx, { roles: ['manager'], preferredLanguage: 'ru' });
    for (const [manager, name] of [
      [managerA, 'Асель Жумабаева'],
      [managerB, 'Ерлан Сапаров'],
    ] as const)
      await site.ctx.dataSource.query('UPDATE users SET full_name = $2 WHERE id = $1', [manager.user.id, name]);
    jurors = [];
    for (const name of ['Айгуль Сеитова', 'Бауыржан Омаров', 'Дина Каримова']) {
      const juror = await createUser(site.ctx, { roles: ['juror'], preferredLanguage: 'ru' });
      await site.ctx.dataSource.query('UPDATE users SET full_name = $2 WHERE id = $1', [juror.user.id, name]);
      jurors.push(juror);
    }
    ({ villageIds, districtId } = await createPlaces(site.ctx, admin.user.id, 2));
    for (const id of villageIds) await createAdoptedPlan(site.ctx, admin.user.id, id);
  }, 180000);
  afterEach(async () => {
    await Promise.all(phones.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await site?.close();
  }, 60000);

  /** A 1280 px browser of its own (its own cookies), Russian, JavaScript on. */
  async function desk(): Promise<Page> {
    const phone = await site.desk({ language: 'ru', javaScript: true });
    phones.push(phone);
    return phone.page;
  }

  /** Opens `path`, is sent to sign in, and comes back to it. */
  async function signedIn(person: TestUser | string, path: string): Promise<Page> {
    const page = await desk();
    await page.goto(path);
    await page.getByLabel(ru('account.signIn.email')).fill(typeof person === 'string' ? person : person.user.email);
    await page.getByLabel(ru('account.signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: ru('account.signIn.submit') }).click();
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    return page;
  }

  const statusOf = async (applicationId: string) =>
    (await sql<{ status: string }>('SELECT status FROM applications WHERE id = $1', [applicationId]))[0].status;

  it('manager A sets up the competition and opens it', async () => {
    const page = await signedIn(managerA, '/manage');
    await page.getByRole('link', { name: ru('managerCompetitions.new') }).click();
    await page.waitForURL((url) => url.pathname === '/manage/competitions/new');
    await page
      .getByLabel(ru('managerCompetitions.field.code'))
      .fill(`TR${Date.now().toString(36).slice(-5).toUpperCase()}`);
    await page.locator('#title-ru').fill('Start Up: пробный конкурс');
    await page.getByLabel(ru('managerCompetitions.field.budget')).fill('3 000 000');
    await page.getByLabel(ru('managerCompetitions.field.minAward')).fill('100 000');
    await page.getByLabel(ru('managerCompetitions.field.maxAward')).fill('1 500 000');
    await page.getByLabel(ru('managerCompetitions.field.minOwnShare')).fill('20');
    await page.locator('#opensAt').fill(almatyDate(new Date(Date.now() - DAY)));
    await page.locator('#closesAt').fill(almatyDate(new Date(Date.now() + 30 * DAY)));
    await page.locator(`#district-${districtId}`).check();
    await page.getByRole('button', { name: ru('managerCompetitions.create') }).click();
    await page.waitForURL((url) => /^\/manage\/competitions\/[0-9a-f-]{36}$/.test(url.pathname));
    competitionId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByRole('link', { name: ru('managerCompetitions.open.title') }).click();
    await page.getByLabel(ru('managerCompetitions.open.confirm')).check();
    await page.getByRole('button', { name: ru('managerCompetitions.open.title') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/competitions/${competitionId}`);
    const [competition] = await sql<{ status: string; budget: string }>(
      'SELECT status, budget FROM competitions WHERE id = $1',
      [competitionId],
    );
    expect(competition).toEqual({ status: 'open', budget: '300000000' });
    await screenshot(page, 'trial-manager-competition-ru', { fullPage: true });
    await page.goto('/manage');
    await screenshot(page, 'trial-manager-home-ru', { fullPage: true });
  });

  it('four applicants register, confirm their address from the mail, draft and submit', async () => {
    for (const [i, applicant] of applicants.entries()) {
      const page = await desk();
      await page.goto('/register');
      await page.getByLabel(ru('account.field.fullName')).fill(`Заявитель ${i + 1}`);
      await page.getByLabel(ru('account.field.email')).fill(applicant.email);
      await page.getByLabel(ru('account.field.password')).fill(PASSWORD);
      await page.getByLabel(ru('account.field.village')).selectOption(villageIds[i % 2]);
      await page.getByRole('button', { name: ru('account.register.submit') }).click();
      await page.waitForURL((url) => url.pathname === '/register/check-mail');
      await page.goto(site.linkIn(await site.mailTo(applicant.email), '/confirm-email'));
      await page.getByRole('button', { name: ru('account.confirm.submit') }).click();
      await page.locator('.notice').waitFor();

      await page.goto(`/competitions/${competitionId}`);
      await page.goto(`/applications/new?competition=${competitionId}`);
      await page.getByRole('button', { name: ru('apply.start.button') }).click();
      await page.waitForURL((url) => /^\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
      applicant.applicationId = new URL(page.url()).pathname.split('/')[2];
      const save = () =>
        Promise.all([
          page.waitForURL((url) => url.pathname === `/applications/${applicant.applicationId}`),
          page.getByRole('button', { name: ru('applySteps.save') }).click(),
        ]);
      await page.getByRole('link', { name: ru('apply.task.project') }).click();
      await page.getByLabel(ru('applySteps.project.titleLabel')).fill(PROJECTS[i]);
      await page.getByLabel(ru('applySteps.project.summary')).fill(`${PROJECTS[i]} для села`);
      await page.getByLabel(ru('applySteps.project.jobs')).fill('2');
      await save();
      await page.getByRole('link', { name: ru('apply.task.goals') }).click();
      await page.locator('#goal-0').check();
      await page.locator('#how-0').fill('Рабочие места для молодёжи');
      await save();
      await page.getByRole('link', { name: ru('apply.task.budget') }).click();
      await page.locator('#category-0').selectOption('equipment');
      await page.locator('#amount-0').fill('1 000 000');
      await page.locator('#category-1').selectOption('materials');
      await page.locator('#amount-1').fill('300 000');
      await page.locator('#source-1').selectOption('own');
      await save();
      await page.getByRole('link', { name: ru('apply.task.files') }).click();
      await page.setInputFiles('#file', { name: 'plan.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
      await page.getByRole('button', { name: ru('applySteps.files.upload') }).click();
      await page.locator('.notice.success').waitFor();
      await page.goto(`/applications/${applicant.applicationId}/check`);
      await page.getByRole('button', { name: ru('apply.check.submit') }).click();
      await page.locator('.receipt').waitFor();
      if (i === 0) await screenshot(page, 'trial-receipt-ru', { fullPage: true });
      await phones.pop()!.close();
    }
    for (const a of applicants) expect(await statusOf(a.applicationId)).toBe('submitted');
  }, 300000);

  it('manager A returns one for changes and screens the others in bulk', async () => {
    const returned = applicants[3].applicationId;
    const page = await signedIn(managerA, `/manage/applications/${returned}`);
    await page.getByRole('link', { name: ru('managerApplications.screen.return') }).click();
    await page.getByLabel(ru('managerReturns.message.label')).fill('Приложите смету поставщика швейных машин.');
    await page.getByLabel(ru('managerReturns.answerBy.label')).fill(dayAfter(new Date(), 5));
    await page.getByRole('button', { name: ru('managerReturns.submit') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/applications/${returned}`);
    expect(await statusOf(returned)).toBe('returned');

    const table = `/manage/competitions/${competitionId}/applications`;
    await page.goto(`${table}?status=submitted`);
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.locator('#all').check();
    await page.getByLabel(ru('managerApplications.decision.eligible'), { exact: true }).check();
    await page.getByRole('button', { name: ru('managerApplications.bulk.submit') }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`${table}/screening/`));
    expect(await page.locator('.outcome-done').count()).toBe(3);
    for (const a of applicants.slice(0, 3)) expect(await statusOf(a.applicationId)).toBe('eligible');
  });

  it('the applicant follows the mail, adds the estimate and sends it again; manager A screens it', async () => {
    const applicant = applicants[3];
    const mail = (
      await site.sink!.waitFor(1, 30000, (m) => m.to.includes(applicant.email) && m.text.includes('смету'))
    )[0];
    const page = await signedIn(applicant.email, site.linkIn(mail, '/applications/'));
    await page.getByRole('link', { name: ru('apply.task.files') }).click();
    await page.setInputFiles('#file', { name: 'smeta.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await page.getByRole('button', { name: ru('applySteps.files.upload') }).click();
    await page.locator('.notice.success').waitFor();
    await page.goto(`/applications/${applicant.applicationId}/check`);
    await page.getByRole('button', { name: ru('applyReturns.check.resubmit') }).click();
    await page.waitForURL((url) => url.pathname === `/applications/${applicant.applicationId}`);
    expect(await statusOf(applicant.applicationId)).toBe('submitted');

    const manager = await signedIn(managerA, `/manage/applications/${applicant.applicationId}`);
    await manager.getByLabel(ru('managerApplications.decision.eligible'), { exact: true }).check();
    await manager.getByRole('button', { name: ru('managerApplications.screen.submit') }).click();
    await manager.locator('.notice.success').waitFor();
    expect(await statusOf(applicant.applicationId)).toBe('eligible');
  });

  it('manager A closes the competition and builds the panel; each juror confirms having no conflicts', async () => {
    const page = await signedIn(managerA, `/manage/competitions/${competitionId}`);
    await page.getByRole('link', { name: ru('managerCompetitions.close.title') }).click();
    await page.getByLabel(ru('managerCompetitions.close.confirm')).check();
    await page.getByRole('button', { name: ru('managerCompetitions.close.title') }).click();
    await page.waitForURL((url) => url.pathname === `/manage/competitions/${competitionId}`);
    expect(
      (await sql<{ status: string }>('SELECT status FROM competitions WHERE id = $1', [competitionId]))[0].status,
    ).toBe('closed');
    const panel = `/manage/competitions/${competitionId}/jurors`;
    await page.goto(panel);
    for (const juror of jurors) {
      await page.getByLabel(ru('managerRounds.panel.email')).fill(juror.user.email);
      await page.getByLabel(ru('managerRounds.panel.expertiseField')).fill('tourism, crafts');
      await page.getByRole('button', { name: ru('managerRounds.panel.addButton') }).click();
      await page.getByText(juror.user.email).first().waitFor();
    }
    for (const juror of jurors) {
      const jp = await signedIn(juror, '/reviews');
      await jp.getByRole('link', { name: ru('juror.next.confirm') }).click();
      await jp.waitForURL((url) => url.pathname.endsWith('/conflicts'));
      await jp.getByRole('button', { name: ru('juror.conflicts.confirm.button') }).click();
      await jp.waitForURL((url) => url.pathname === '/reviews');
      expect(await jp.locator('.notice.success').textContent()).toBe(ru('juror.done.confirmed'));
      if (juror === jurors[0]) await screenshot(jp, 'trial-juror-home-ru', { fullPage: true });
    }
  });

  let roundId: string;
  it('manager A opens a round from the Start Up template and the engine assigns every application', async () => {
    const page = await signedIn(managerA, `/manage/competitions/${competitionId}/rounds`);
    await page.getByRole('link', { name: ru('managerRounds.list.new') }).click();
    await page.getByLabel(ru('managerRounds.field.name')).fill('Первый тур');
    await page.getByLabel(ru('managerRounds.field.deadline')).fill(almatyDate(new Date(Date.now() + 10 * 86400000)));
    await page.getByRole('button', { name: ru('managerRounds.new.submit') }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/method'));
    const roundPath = new URL(page.url()).pathname.replace(/\/method$/, '');
    roundId = roundPath.split('/').pop()!;
    await page
      .getByRole('button', { name: ru('managerRounds.method.save') })
      .last()
      .click();
    await page.waitForURL((url) => url.pathname === roundPath);
    await page.getByRole('button', { name: ru('managerRounds.round.open') }).click();
    await page.getByText(ru('managerRounds.done.opened')).waitFor();
    await page.getByRole('link', { name: ru('managerRounds.round.assignments') }).click();
    await page.getByRole('button', { name: ru('managerRounds.runs.start') }).click();
    await page.locator('#runs').getByText(ru('managerRounds.run.succeeded')).waitFor();
    const [{ count }] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM assignments WHERE round_id = $1 AND status = 'active'`,
      [roundId],
    );
    expect(count).toBe(applicants.length * START_UP_TEMPLATE.method.jurorsPerApplication);
  });

  it('each juror scores every application assigned to them on the scoring page', async () => {
    for (const [j, juror] of jurors.entries()) {
      const page = await signedIn(juror, `/reviews/rounds/${roundId}`);
      const links = await page
        .locator('a[href^="/reviews/assignments/"]')
        .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
      expect(links).toHaveLength(applicants.length);
      for (const link of links) {
        await page.goto(link);
        const snapshot = (await page.locator('.snapshot').textContent()) ?? '';
        const project = PROJECTS.findIndex((title) => snapshot.includes(title));
        expect(project).toBeGreaterThanOrEqual(0);
        // Earlier projects score higher; the jurors disagree a little, juror 2 more than the others.
        const level = Math.max(1, 4 - project - (j === 2 ? 1 : 0));
        for (const code of CODES) await page.check(`#score-${code}-${level}`);
        await page.getByRole('button', { name: ru('juror.score.submit') }).click();
        await page.waitForURL((url) => url.pathname === `/reviews/rounds/${roundId}`);
      }
      if (j === 0) await screenshot(page, 'trial-juror-round-ru', { fullPage: true });
    }
    const [{ count }] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM scoresheets s JOIN assignments a ON a.id = s.assignment_id
        WHERE a.round_id = $1 AND s.status = 'submitted'`,
      [roundId],
    );
    expect(count).toBe(applicants.length * jurors.length);
  }, 300000);

  it('manager A closes and finalizes the round and reads the results', async () => {
    const page = await signedIn(managerA, `/manage/rounds/${roundId}`);
    await page.getByLabel(ru('managerRounds.round.closeConfirm')).check();
    await page.getByRole('button', { name: ru('managerRounds.round.close') }).click();
    await page.getByText(ru('managerRounds.done.closed')).waitFor();
    await page.getByLabel(ru('managerRounds.round.finalizeConfirm')).check();
    await page.getByRole('button', { name: ru('managerRounds.round.finalize') }).click();
    await page.getByText(ru('managerRounds.done.finalizing')).waitFor();
    await waitFor(
      async () =>
        (await sql<{ status: string }>('SELECT status FROM review_rounds WHERE id = $1', [roundId]))[0].status ===
        'finalized'
          ? true
          : undefined,
      60000,
      'finalizing',
    );
    await page.goto(`/manage/rounds/${roundId}/results`);
    for (const title of PROJECTS) await page.getByText(title).first().waitFor();
    await screenshot(page, 'trial-results-ru', { fullPage: true });
  });

  it('manager A allocates within the budget and proposes; manager B approves every proposal', async () => {
    const page = await signedIn(managerA, `/manage/competitions/${competitionId}/awards`);
    await page.getByRole('button', { name: ru('managerAwards.allocation.propose') }).click();
    await page.locator('.notice.success').waitFor();
    const proposed = await sql<{ id: string; amount: string }>(
      `SELECT id, amount FROM awards WHERE competition_id = $1 AND status = 'proposed' ORDER BY rank`,
      [competitionId],
    );
    // A budget of 3 000 000 ₸ and four requests of 1 000 000 ₸: the first three in rank are funded.
    expect(proposed.map((p) => p.amount)).toEqual(['100000000', '100000000', '100000000']);

    const approver = await signedIn(managerB, '/manage/approvals');
    await screenshot(approver, 'trial-approvals-ru', { fullPage: true });
    for (const { id } of proposed) {
      await approver
        .locator(`form[action="/manage/awards/${id}/approve"]`)
        .getByRole('button', { name: ru('managerAwards.approvals.approve') })
        .click();
      await approver.locator('.notice.success').waitFor();
      await approver.locator(`form[action="/manage/awards/${id}/approve"]`).waitFor({ state: 'detached' });
    }
    const awards = await sql<{ status: string; approved_by: string; application_id: string }>(
      `SELECT status, approved_by, application_id FROM awards WHERE competition_id = $1 ORDER BY rank`,
      [competitionId],
    );
    expect(awards.map((a) => [a.status, a.approved_by])).toEqual(proposed.map(() => ['approved', managerB.user.id]));
    // The projects scored best (the first three) are the ones funded.
    expect(awards.map((a) => a.application_id).sort()).toEqual(
      applicants
        .slice(0, 3)
        .map((a) => a.applicationId)
        .sort(),
    );
  });
});
