import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Awardable, createAwardable } from '../helpers/award-setup';
import { Cast, createCast, PASSWORD } from '../helpers/factories';
import { samplePdf } from '../helpers/sample-files';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/** Money as the pages print it: groups split by a (narrow) no-break space. */
const SPACE = '[\\s\\u00a0\\u202f]';
const tenge = (digits: string) => new RegExp(digits.replace(/ /g, SPACE) + SPACE + '₸');
const MILLION = '100000000';

/** The one-time key of the form posting to `action` on the page. */
const formKeyOf = (html: string, action: string): string => {
  const at = html.indexOf(`action="${action}"`);
  const found = /name="formKey" value="([^"]+)"/.exec(html.slice(at));
  if (at < 0 || !found) throw new Error(`no form key for ${action}`);
  return found[1];
};

/** The managers' allocation, approvals, award and milestone report pages, in Russian. */
describe('web: managers’ allocation, approvals, awards and reports', () => {
  let ctx: TestContext;
  let cast: Cast;
  let folder: string;
  let first: WebClient;
  let second: WebClient;

  const sql = async <T>(text: string, params: unknown[]) => (await ctx.dataSource.query(text, params)) as T[];
  const awardsOf = (competitionId: string) =>
    sql<{ id: string; application_id: string; amount: string; status: string; proposed_by: string }>(
      'SELECT id, application_id, amount, status, proposed_by FROM awards WHERE competition_id = $1 ORDER BY rank',
      [competitionId],
    );
  /** Four applications of 1 000 000 ₸; a budget of 2 500 000 ₸ funds two; the fourth fails a gate. */
  const awardable = () =>
    createAwardable(ctx, cast, 4, {
      requested: MILLION,
      budget: '250000000',
      maxAward: MILLION,
      gatesFailed: [3],
      villages: 2,
    });
  const allocationPath = (a: Awardable) => `/manage/competitions/${a.competitionId}/awards`;
  const amounts = (a: Awardable, values: string[]) =>
    Object.fromEntries(values.map((v, i) => [`amount-${a.applications[i].id}`, v]));
  /** Opens the allocation and sends it with these amounts (the rest empty). */
  const propose = async (client: WebClient, a: Awardable, values: string[], action = 'propose') => {
    const page = await client.page(allocationPath(a));
    const formKey = formKeyOf(page.text, allocationPath(a));
    return client.submit(allocationPath(a), { formKey, action, ...amounts(a, values) });
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'startup-manager-awards-'));
    ctx = await createTestApp({ ATTACHMENT_DIR: folder });
    cast = await createCast(ctx);
    await sql("UPDATE users SET preferred_language = 'ru' WHERE id = ANY($1)", [
      [cast.manager.user.id, cast.manager2.user.id],
    ]);
    first = await signedInClient(ctx, cast.manager.user.email, PASSWORD);
    second = await signedInClient(ctx, cast.manager2.user.email, PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows the ranked list with each reason, the amounts the helper gives, and the budget', async () => {
    const a = await awardable();
    const page = await first.page(allocationPath(a));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ru">');
    expect(page.text).toContain('Финансируется');
    expect(page.text).toContain('Не поместилась в остаток бюджета');
    expect(page.text).toContain('Ниже порога по критерию');
    expect(page.text).toMatch(tenge('2 500 000'));
    expect(page.text).toContain(`name="amount-${a.applications[0].id}" type="text" inputmode="decimal"`);
    expect(page.text).toMatch(new RegExp(`id="amount-${a.applications[0].id}"[^>]*value="1000000"`));
    expect(page.text).toMatch(new RegExp(`id="amount-${a.applications[2].id}"[^>]*value(="")? `));
    // Below a gate: no field to propose it.
    expect(page.text).not.toContain(`name="amount-${a.applications[3].id}"`);
  });

  it('recalculates the remaining budget without JavaScript and stores nothing', async () => {
    const a = await awardable();
    const response = await propose(first, a, ['1 000 000', '500000,50'], 'recalculate');
    expect(response.status).toBe(200);
    expect(response.text).toMatch(tenge('1 500 000,50'));
    expect(response.text).toMatch(tenge('999 999,50'));
    expect(response.text).toMatch(new RegExp(`value="500000,50"`));
    expect(await awardsOf(a.competitionId)).toEqual([]);
  });

  it('proposes within the budget, a partial amount included, and lists the awards', async () => {
    const a = await awardable();
    const response = await propose(first, a, ['1 000 000', '', '400 000']);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${allocationPath(a)}?proposed=2`);
    const stored = await awardsOf(a.competitionId);
    expect(stored.map((w) => [w.application_id, w.amount, w.status, w.proposed_by])).toEqual([
      [a.applications[0].id, MILLION, 'proposed', cast.manager.user.id],
      [a.applications[2].id, '40000000', 'proposed', cast.manager.user.id],
    ]);
    const page = await first.page(response.headers.location);
    expect(page.text).toContain('Предложено 2 гранта');
    expect(page.text).toContain(`href="/manage/awards/${stored[0].id}"`);
  });

  it('refuses a proposal over the budget in words, keeps the amounts typed, and stores nothing', async () => {
    const a = await awardable();
    const response = await propose(first, a, ['1000000', '1000000', '1000000']);
    expect(response.status).toBe(422);
    expect(response.text).toContain('class="error-summary"');
    expect(response.text).toContain('не помещается в остаток бюджета');
    expect(response.text).toMatch(new RegExp(`id="amount-${a.applications[2].id}"[^>]*value="1000000"`));
    expect(await awardsOf(a.competitionId)).toEqual([]);

    const typo = await propose(first, a, ['1.000.000']);
    expect(typo.status).toBe(400);
    expect(typo.text).toContain(`href="#amount-${a.applications[0].id}"`);
    const tooMuch = await propose(first, a, ['2000000']);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toContain('не больше запрошенной суммы');
    expect(await awardsOf(a.competitionId)).toEqual([]);
  });

  it('makes one set of proposals from a form sent twice at once with its key', async () => {
    const a = await awardable();
    const page = await first.page(allocationPath(a));
    const fields = { formKey: formKeyOf(page.text, allocationPath(a)), action: 'propose', ...amounts(a, ['1000000']) };
    const answers = await Promise.all([
      first.submit(allocationPath(a), fields),
      first.submit(allocationPath(a), fields),
    ]);
    expect(answers.map((r) => r.status)).toEqual([303, 303]);
    expect((await awardsOf(a.competitionId)).length).toBe(1);
    // Sent again later, still one; the same key with other amounts is refused.
    expect((await first.submit(allocationPath(a), fields)).status).toBe(303);
    const other = await first.submit(allocationPath(a), { ...fields, ...amounts(a, ['', '1000000']) });
    expect(other.status).toBe(422);
    expect(other.text).toContain('Эта форма уже была отправлена');
    expect((await awardsOf(a.competitionId)).length).toBe(1);
  });

  it('two managers proposing at once never go over the budget: one of them is refused', async () => {
    const a = await awardable();
    const [pageA, pageB] = await Promise.all([first.page(allocationPath(a)), second.page(allocationPath(a))]);
    const answers = await Promise.all([
      first.submit(allocationPath(a), {
        formKey: formKeyOf(pageA.text, allocationPath(a)),
        action: 'propose',
        ...amounts(a, ['1000000', '1000000']),
      }),
      second.submit(allocationPath(a), {
        formKey: formKeyOf(pageB.text, allocationPath(a)),
        action: 'propose',
        ...amounts(a, ['', '', '1000000']),
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 422]);
    const stored = await awardsOf(a.competitionId);
    expect(stored.reduce((s, w) => s + BigInt(w.amount), 0n)).toBeLessThanOrEqual(250000000n);
    expect(new Set(stored.map((w) => w.proposed_by)).size).toBe(1);
  });

  describe('approvals', () => {
    let a: Awardable;
    let awardIds: string[];
    beforeAll(async () => {
      a = await awardable();
      expect((await propose(first, a, ['1000000', '1000000'])).status).toBe(303);
      awardIds = (await awardsOf(a.competitionId)).map((w) => w.id);
    });

    it('lists a proposal only to the other manager, and refuses a forged approval by its proposer', async () => {
      const mine = await first.page('/manage/approvals');
      expect(mine.status).toBe(200);
      expect(mine.text).not.toContain(`/manage/awards/${awardIds[0]}/approve`);
      const theirs = await second.page('/manage/approvals');
      expect(theirs.text).toContain(`/manage/awards/${awardIds[0]}/approve`);
      const forged = await first.submit(`/manage/awards/${awardIds[0]}/approve`, {
        formKey: formKeyOf(theirs.text, `/manage/awards/${awardIds[0]}/approve`),
      });
      expect([403, 409]).toContain(forged.status);
      expect((await awardsOf(a.competitionId))[0].status).toBe('proposed');
      expect(
        await sql('SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = $2', [awardIds[0], 'award.approved']),
      ).toEqual([]);
    });

    it('approves once when the button is pressed twice, and says a later press came too late', async () => {
      const [pageA, pageB] = await Promise.all([second.page('/manage/approvals'), second.page('/manage/approvals')]);
      const action = `/manage/awards/${awardIds[0]}/approve`;
      // The same form twice at once: the second waits for the first and answers as it did.
      const answers = await Promise.all([
        second.submit(action, { formKey: formKeyOf(pageA.text, action) }),
        second.submit(action, { formKey: formKeyOf(pageA.text, action) }),
      ]);
      expect(answers.map((r) => r.status)).toEqual([303, 303]);
      // Another page's button, pressed after: decided already, said in words.
      const late = await second.submit(action, { formKey: formKeyOf(pageB.text, action) });
      expect(late.status).toBe(409);
      expect(late.text).toContain('Решение уже принято');
      expect((await awardsOf(a.competitionId))[0].status).toBe('approved');
      const approvals = await sql('SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = $2', [
        awardIds[0],
        'award.approved',
      ]);
      expect(approvals.length).toBe(1);
      const done = await second.page('/manage/approvals?done=approved');
      expect(done.text).toContain('Утверждено');
      expect(done.text).not.toContain(`/manage/awards/${awardIds[0]}/approve`);
    });

    it('sends a proposal back with a comment, and asks for one when it is missing', async () => {
      const action = `/manage/awards/${awardIds[1]}/send-back`;
      await second.page('/manage/approvals');
      const empty = await second.submit(action, { comment: '' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain(`href="#comment-${awardIds[1]}"`);
      const sent = await second.submit(action, { comment: 'Уменьшите сумму' });
      expect(sent.status).toBe(303);
      const [row] = await sql<{ comment: string; status: string }>('SELECT comment, status FROM awards WHERE id = $1', [
        awardIds[1],
      ]);
      expect(row).toEqual({ comment: 'Уменьшите сумму', status: 'proposed' });
    });

    it('refuses a tranche schedule that does not add up to the award, and saves one that does, labels too', async () => {
      const path = `/manage/awards/${awardIds[1]}`;
      const page = await first.page(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('График траншей');
      expect(page.text).toContain('value="Промежуточный отчёт"');
      const stored = () =>
        sql<{ amount: string; label: Record<string, string> }>(
          'SELECT amount, label FROM tranches WHERE award_id = $1 ORDER BY position',
          [awardIds[1]],
        );
      const before = await stored();
      expect(before.length).toBe(3);
      const labels = {
        'label-1-ru': 'При подписании',
        'label-2-kk': 'Жылыжай',
        'label-2-ru': 'Теплица построена',
        'label-3-en': 'Final report',
      };
      const wrong = await first.submit(`${path}/tranches`, {
        ...labels,
        'tranche-1': '500000',
        'tranche-2': '300000',
        'tranche-3': '100000',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.text).toContain('Транши в сумме дают');
      expect(wrong.text).toContain('value="Теплица построена"');
      const unnamed = await first.submit(`${path}/tranches`, {
        ...labels,
        'label-3-en': '',
        'tranche-1': '500000',
        'tranche-2': '300000',
        'tranche-3': '200000',
      });
      expect(unnamed.status).toBe(400);
      expect(unnamed.text).toContain('href="#label-3-kk"');
      expect(await stored()).toEqual(before);
      const right = await first.submit(`${path}/tranches`, {
        ...labels,
        'tranche-1': '400 000',
        'tranche-2': '400000',
        'tranche-3': '200000,00',
      });
      expect(right.status).toBe(303);
      const after = await stored();
      expect(after.map((t) => t.amount)).toEqual(['40000000', '40000000', '20000000']);
      expect(after[1].label).toEqual({ kk: 'Жылыжай', ru: 'Теплица построена' });
    });
  });

  describe('milestone reports', () => {
    let reportId: string;
    let fileId: string;
    let awardId: string;
    beforeAll(async () => {
      const a = await awardable();
      expect((await propose(first, a, ['1000000'])).status).toBe(303);
      [{ id: awardId }] = await awardsOf(a.competitionId);
      await ctx.http().post(`/api/awards/${awardId}/approve`).set(cast.manager2.auth).expect(200);
      const applicant = a.applications[0].applicant;
      const accepted = await ctx.http().post(`/api/awards/${awardId}/accept`).set(applicant.auth).expect(200);
      const reported = (accepted.body as { tranches: { id: string; reportRequired: boolean }[] }).tranches.find(
        (t) => t.reportRequired,
      )!;
      const file = await ctx
        .http()
        .post(`/api/awards/${awardId}/files`)
        .set(applicant.auth)
        .attach('file', samplePdf(), 'receipt.pdf')
        .expect(201);
      fileId = file.body.id;
      const report = await ctx
        .http()
        .post(`/api/tranches/${reported.id}/reports`)
        .set(applicant.auth)
        .send({
          body: 'Теплица построена',
          jobsCreated: 2,
          spending: [{ category: 'equipment', description: '', amount: '30000000' }],
          fileIds: [fileId],
        })
        .expect(201);
      reportId = report.body.id;
    });

    it('lists the report, shows its spending and files, and lets the receipt be downloaded', async () => {
      const list = await first.page('/manage/reports');
      expect(list.text).toContain(`/manage/reports/${reportId}`);
      const page = await first.page(`/manage/reports/${reportId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Теплица построена');
      expect(page.text).toContain('Создано 2 рабочих места');
      expect(page.text).toMatch(tenge('300 000'));
      const file = await first.agent.get(`/manage/reports/${reportId}/files/${fileId}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment/);
    });

    it('asks for a comment to return it, then approves it: the tranche is approved for payment', async () => {
      await first.page(`/manage/reports/${reportId}`);
      const empty = await first.submit(`/manage/reports/${reportId}/return`, { comment: '' });
      expect(empty.status).toBe(400);
      const approved = await first.submit(`/manage/reports/${reportId}/approve`, {});
      expect(approved.status).toBe(303);
      const [row] = await sql<{ status: string; tranche: string }>(
        'SELECT r.status, t.status AS tranche FROM milestone_reports r JOIN tranches t ON t.id = r.tranche_id WHERE r.id = $1',
        [reportId],
      );
      expect(row).toEqual({ status: 'approved', tranche: 'approved' });
      const again = await first.submit(`/manage/reports/${reportId}/return`, { comment: 'Поздно' });
      expect(again.status).toBe(409);
      expect(again.text).toContain('уже принято');
      const award = await first.page(`/manage/awards/${awardId}`);
      expect(award.text).toContain('График зафиксирован');
    });
  });
});
