import { randomUUID } from 'node:crypto';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { auditOf } from '../helpers/assertions';
import { Awardable, createAwardable } from '../helpers/award-setup';
import { Cast, createCast, createUser, PASSWORD, TestUser } from '../helpers/factories';
import { createTestApp, TestContext } from '../helpers/test-app';
import { signedInClient, WebClient } from '../helpers/web-client';

/** Money as the pages print it: groups split by a (narrow) no-break space. */
const SPACE = '[\\s\\u00a0\\u202f]';
const tenge = (digits: string) => new RegExp(digits.replace(/ /g, SPACE) + SPACE + '₸');
const formKeyOf = (html: string): string => {
  const found = /name="formKey" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('no form key on the page');
  return found[1];
};

interface AwardBody {
  id: string;
  applicationId: string;
  tranches: { id: string; amount: string; status: string }[];
}

/** The finance officers' pages, in Russian: the tranches to pay, and recording a payment. */
describe('web: finance officers’ tranches to pay and payments', () => {
  let ctx: TestContext;
  let cast: Cast;
  let a: Awardable;
  let awards: AwardBody[];
  let ledger: LedgerService;
  let finance: WebClient;

  const http = () => ctx.http();
  const sql = async <T>(text: string, params: unknown[]) => (await ctx.dataSource.query(text, params)) as T[];
  const day = async (offset = 0): Promise<string> =>
    (
      await sql<{ d: string }>(`SELECT to_char((now() AT TIME ZONE $1)::date + $2::int, 'YYYY-MM-DD') AS d`, [
        ctx.config.mailTimeZone,
        offset,
      ])
    )[0].d;
  const paymentsOf = (awardId: string) =>
    sql<{ id: string; recorded_by: string; bank_reference: string }>(
      'SELECT id, recorded_by, bank_reference FROM payments WHERE award_id = $1',
      [awardId],
    );
  const keysOf = async (userId: string) =>
    Number((await sql<{ n: string }>('SELECT count(*) AS n FROM idempotency_keys WHERE actor_id = $1', [userId]))[0].n);
  /** Approved by `approver` and accepted by the grantee: the signing tranche is approved, waiting for payment. */
  const offerAndAccept = async (i: number, approver: TestUser = cast.manager2): Promise<AwardBody> => {
    await http().post(`/api/awards/${awards[i].id}/approve`).set(approver.auth).expect(200);
    return (await http().post(`/api/awards/${awards[i].id}/accept`).set(a.applications[i].applicant.auth).expect(200))
      .body as AwardBody;
  };
  const payPath = (trancheId: string) => `/finance/tranches/${trancheId}/pay`;
  /** Opens the payment form and sends it with these values (and the form's own key unless one is given). */
  const pay = async (client: WebClient, trancheId: string, fields: Record<string, string>) => {
    const form = await client.page(payPath(trancheId));
    expect(form.status).toBe(200);
    return client.submit(payPath(trancheId), { formKey: formKeyOf(form.text), ...fields });
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    cast = await createCast(ctx);
    ledger = ctx.app.get(LedgerService);
    await sql("UPDATE users SET preferred_language = 'ru' WHERE id = $1", [cast.finance.user.id]);
    a = await createAwardable(ctx, cast, 4, { budget: '1000000000' });
    awards = (
      await http().post(`/api/competitions/${a.competitionId}/awards`).set(cast.manager.auth).send({}).expect(201)
    ).body as AwardBody[];
    finance = await signedInClient(ctx, cast.finance.user.email, PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists an approved tranche with its competition, award, grantee, amount and a link to pay it', async () => {
    const accepted = await offerAndAccept(0);
    const [{ reference, full_name }] = await sql<{ reference: string; full_name: string }>(
      'SELECT a.reference, u.full_name FROM applications a JOIN users u ON u.id = a.applicant_id WHERE a.id = $1',
      [accepted.applicationId],
    );
    const list = await finance.page('/finance');
    expect(list.status).toBe(200);
    expect(list.text).toContain('<html lang="ru">');
    expect(list.text).toContain('<a href="/finance">Финансы</a>');
    expect(list.text).toContain('К оплате');
    expect(list.text).toContain(reference);
    expect(list.text).toContain(full_name);
    expect(list.text).toContain('При подписании договора');
    expect(list.text).toMatch(tenge('500 000'));
    expect(list.text).toContain(`href="${payPath(accepted.tranches[0].id)}"`);
  });

  it('records the payment through the form as the API does (ledger, audit, tranche paid), once for a double submit', async () => {
    const award = (await http().get(`/api/awards/${awards[0].id}`).set(cast.manager.auth).expect(200))
      .body as AwardBody;
    const trancheId = award.tranches[0].id;
    const paidBefore = (await ledger.balances(a.competitionId)).paid;
    const form = await finance.page(payPath(trancheId));
    expect(form.text).toContain('Номер банковского перевода');
    const fields = { formKey: formKeyOf(form.text), bankReference: 'PP-WEB-001', paidOn: await day() };

    const sent = await finance.submit(payPath(trancheId), fields);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/finance?paid=${trancheId}`);
    const again = await finance.submit(payPath(trancheId), fields);
    expect(again.status).toBe(303);

    const payments = await paymentsOf(award.id);
    expect(payments).toEqual([
      { id: expect.any(String), recorded_by: cast.finance.user.id, bank_reference: 'PP-WEB-001' },
    ]);
    expect((await ledger.balances(a.competitionId)).paid - paidBefore).toBe(50000000n);
    const now = (await http().get(`/api/awards/${award.id}`).set(cast.manager.auth).expect(200)).body as AwardBody & {
      status: string;
    };
    expect(now.status).toBe('active');
    expect(now.tranches[0].status).toBe('paid');
    expect(
      (await auditOf(ctx, 'payment', payments[0].id, cast.observer.auth)).map((e) => [e.action, e.actorId]),
    ).toEqual([['payment.recorded', cast.finance.user.id]]);

    const list = await finance.page(sent.headers.location as string);
    expect(list.text).toContain('Оплата записана');
    expect(list.text).not.toContain(`href="${payPath(trancheId)}"`);
    const paidPage = await finance.page(payPath(trancheId));
    expect(paidPage.status).toBe(409);
    expect(paidPage.text).toContain('больше не ждёт оплаты');
    expect(paidPage.text).not.toContain('name="formKey"');
  });

  it('names each bad field (no reference, not a date, a future date, a forged key) and stores nothing', async () => {
    const accepted = await offerAndAccept(1);
    const trancheId = accepted.tranches[0].id;
    const keysBefore = await keysOf(cast.finance.user.id);

    const empty = await pay(finance, trancheId, { bankReference: '', paidOn: '2026-02-30' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#bankReference">Введите номер банковского перевода');
    expect(empty.text).toContain('<a href="#paidOn">Введите дату платежа как настоящую дату');

    const future = await pay(finance, trancheId, { bankReference: 'PP-LATER', paidOn: await day(1) });
    expect(future.status).toBe(400);
    expect(future.text).toContain(`Дата платежа не может быть позже сегодняшней (${await day()})`);
    expect(future.text).toContain('value="PP-LATER"');

    const forged = await finance.submit(payPath(trancheId), {
      formKey: 'not-a-key',
      bankReference: 'PP-FORGED',
      paidOn: await day(),
    });
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('Форма устарела или повреждена');

    expect(await paymentsOf(accepted.id)).toEqual([]);
    expect(await keysOf(cast.finance.user.id)).toBe(keysBefore);
    const list = await finance.page('/finance');
    expect(list.text).toContain(`href="${payPath(trancheId)}"`);
  });

  it('refuses the person who approved the tranche, in words (four eyes), and stores nothing', async () => {
    const both = await createUser(ctx, { roles: ['manager', 'finance'] });
    await sql("UPDATE users SET preferred_language = 'ru' WHERE id = $1", [both.user.id]);
    const accepted = await offerAndAccept(2, both);
    const client = await signedInClient(ctx, both.user.email, PASSWORD);
    const refused = await pay(client, accepted.tranches[0].id, { bankReference: 'PP-4EYES', paidOn: await day() });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Этот транш утвердили вы, поэтому записать его оплату вы не можете');
    expect(refused.text).toContain('value="PP-4EYES"');
    expect(await paymentsOf(accepted.id)).toEqual([]);
    expect(await keysOf(both.user.id)).toBe(0);
  });

  it('lists recent payments and records a failed transfer: reversed, the tranche waits for payment again', async () => {
    const [payment] = await paymentsOf(awards[0].id);
    const list = await finance.page('/finance/payments');
    expect(list.status).toBe(200);
    expect(list.text).toContain('PP-WEB-001');
    const failurePath = `/finance/payments/${payment.id}/failure`;
    expect(list.text).toContain(`href="${failurePath}"`);

    const form = await finance.page(failurePath);
    expect(form.status).toBe(200);
    const formKey = formKeyOf(form.text);
    const empty = await finance.submit(failurePath, { formKey, reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#reason">Напишите, почему перевод не прошёл');

    const paidBefore = (await ledger.balances(a.competitionId)).paid;
    const fields = { formKey, reason: 'Банк вернул перевод' };
    const sent = await finance.submit(failurePath, fields);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/finance/payments?failed=${payment.id}`);
    expect((await finance.submit(failurePath, fields)).status).toBe(303);
    expect((await ledger.balances(a.competitionId)).paid - paidBefore).toBe(-50000000n);
    const [row] = await sql<{ status: string; failed_by: string }>(
      'SELECT status, failed_by FROM payments WHERE id = $1',
      [payment.id],
    );
    expect(row).toEqual({ status: 'failed', failed_by: cast.finance.user.id });
    expect((await auditOf(ctx, 'payment', payment.id, cast.observer.auth)).map((e) => e.action)).toEqual([
      'payment.recorded',
      'payment.failed',
    ]);

    const after = await finance.page(sent.headers.location as string);
    expect(after.text).toContain('Платёж отмечен как неуспешный');
    expect(after.text).toContain('Неуспешный: Банк вернул перевод');
    const again = await finance.page(failurePath);
    expect(again.status).toBe(409);
    expect(again.text).toContain('уже отмечен как неуспешный');
    const queue = await finance.page('/finance');
    const [{ id: trancheId }] = await sql<{ id: string }>(
      'SELECT id FROM tranches WHERE award_id = $1 AND position = 1',
      [awards[0].id],
    );
    expect(queue.text).toContain(`href="${payPath(trancheId)}"`);
  });

  it('is for finance officers only: an applicant, a manager and a juror get 403', async () => {
    const [{ id: trancheId }] = await sql<{ id: string }>(
      'SELECT id FROM tranches WHERE award_id = $1 AND position = 1',
      [awards[1].id],
    );
    for (const who of [a.applications[0].applicant, cast.manager, cast.juror]) {
      const client = await signedInClient(ctx, who.user.email, PASSWORD);
      expect((await client.page('/finance')).status).toBe(403);
      expect((await client.page(payPath(trancheId))).status).toBe(403);
      expect((await client.page('/finance/payments')).status).toBe(403);
      const posted = await client.submit(payPath(trancheId), {
        formKey: randomUUID(),
        bankReference: 'X',
        paidOn: await day(),
      });
      expect(posted.status).toBe(403);
      expect((await client.page('/')).text).not.toContain('href="/finance"');
    }
    expect(await paymentsOf(awards[1].id)).toEqual([]);
  });

  it('refuses a form without its CSRF token', async () => {
    const [{ id: trancheId }] = await sql<{ id: string }>(
      'SELECT id FROM tranches WHERE award_id = $1 AND position = 1',
      [awards[1].id],
    );
    const form = await finance.page(payPath(trancheId));
    const refused = await finance.agent
      .post(payPath(trancheId))
      .type('form')
      .set({ 'Sec-Fetch-Site': 'same-origin' })
      .send({ formKey: formKeyOf(form.text), bankReference: 'PP-NOCSRF', paidOn: await day() });
    expect(refused.status).toBe(403);
    expect(await paymentsOf(awards[1].id)).toEqual([]);
  });
});
